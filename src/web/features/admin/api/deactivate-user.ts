import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminUser } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

/** Ends the person's sessions at once; their records stay attributed to them. */
export const deactivateUser = (id: string) =>
  apiRequest<AdminUser>("POST", `/api/v1/users/${encodeURIComponent(id)}/deactivate`);

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}
