import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";
import type { InvitationCreated } from "./invite-user";

export const resendInvitation = (id: string) =>
  apiRequest<InvitationCreated>("POST", `/api/v1/users/${encodeURIComponent(id)}/invitation`);

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}
