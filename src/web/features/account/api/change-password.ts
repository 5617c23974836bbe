import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { passwordChangeSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";
import { mySessionsQuery } from "./get-my-sessions";

/** Change my password; the server ends all my other sessions. */
export const changePassword = (input: z.input<typeof passwordChangeSchema>) =>
  apiRequest<void>("POST", "/api/v1/me/password", input);

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySessionsQuery.queryKey }),
  });
}
