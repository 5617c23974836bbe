import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  familyInvitationSchema,
  invitationCreatedSchema,
} from "../../../../core/identity/accounts.schema";
import { apiRequest } from "../../../app/api-client";

export type SupportPersonInvitation = z.input<typeof familyInvitationSchema>;
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

/** A participant invites a family member or other support person (POST /invitations, kind family). */
export const inviteSupportPerson = (input: SupportPersonInvitation) =>
  apiRequest<InvitationCreated>("POST", "/api/v1/invitations", input);

export const useInviteSupportPerson = () => useMutation({ mutationFn: inviteSupportPerson });
