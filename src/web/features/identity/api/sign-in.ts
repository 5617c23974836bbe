import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SignInInput } from "../../../../core/identity/identity.schema";
import type { CurrentSession } from "../../../../core/identity/session.schema";
import { apiRequest } from "../../../app/api-client";
import { currentSessionQuery } from "./get-current-session";

/** Password step. The session may still owe an MFA step (`stage`). */
export const signIn = (input: SignInInput) => apiRequest<CurrentSession>("POST", "/api/v1/sessions", input);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => queryClient.setQueryData(currentSessionQuery.queryKey, session),
  });
}
