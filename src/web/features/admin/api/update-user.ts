import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AdminUser, staffUpdateSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type StaffUpdate = z.input<typeof staffUpdateSchema>;

export const updateUser = ({ id, update }: { id: string; update: StaffUpdate }) =>
  apiRequest<AdminUser>("PATCH", `/api/v1/users/${encodeURIComponent(id)}`, update);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}
