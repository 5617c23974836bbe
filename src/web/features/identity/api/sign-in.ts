import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SessionUser, SignInInput } from "../../../../core/identity/identity.schema";
import { apiRequest } from "../../../app/api-client";
import { currentSessionQuery } from "./get-current-session";

export const signIn = (input: SignInInput) =>
  apiRequest<{ user: SessionUser }>("POST", "/api/v1/sessions", input);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: ({ user }) => queryClient.setQueryData(currentSessionQuery.queryKey, user),
  });
}
