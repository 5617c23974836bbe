import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { invitationAcceptSchema } from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

/** Choose a password for an invited account; then the person signs in as usual. */
export const acceptInvitation = (input: z.input<typeof invitationAcceptSchema>) =>
  apiRequest<void>("POST", "/api/v1/invitations/accept", input);

export const useAcceptInvitation = () => useMutation({ mutationFn: acceptInvitation });
