import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminUser } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export const reactivateUser = (id: string) =>
  apiRequest<AdminUser>("POST", `/api/v1/users/${encodeURIComponent(id)}/reactivate`);

export function useReactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reactivateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}
