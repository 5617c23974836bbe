import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { InvitationInput, invitationCreatedSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

export const inviteUser = (input: InvitationInput) =>
  apiRequest<InvitationCreated>("POST", "/api/v1/invitations", input);

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}
