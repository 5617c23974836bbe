import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";

/** The person enrols a new authenticator at their next sign-in. */
export const resetUserMfa = (id: string) =>
  apiRequest<void>("DELETE", `/api/v1/users/${encodeURIComponent(id)}/mfa`);

export function useResetUserMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}
