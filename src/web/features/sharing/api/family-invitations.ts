import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Locale } from "../../../../core/identity/identity.schema";
import type { ShareResult } from "../../../../core/sharing/sharing.schema";
import { apiRequest } from "../../../app/api-client";
import { participantFamilyQuery } from "./get-participant-family";

const personPath = (participantId: string, recipientId: string) =>
  `/api/v1/participants/${encodeURIComponent(participantId)}/family/people/${encodeURIComponent(recipientId)}`;

export const recordGuardianSignature = (
  participantId: string,
  input: { recipientId: string; signerName: string; locale: Locale },
) =>
  apiRequest<ShareResult>("POST", `${personPath(participantId, input.recipientId)}/guardian-signature`, {
    signerName: input.signerName,
    locale: input.locale,
  });

export const sendFamilyInvitation = (participantId: string, input: { recipientId: string; locale: Locale }) =>
  apiRequest<ShareResult>("POST", `${personPath(participantId, input.recipientId)}/invitation`, {
    locale: input.locale,
  });

function useReload(participantId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: participantFamilyQuery(participantId).queryKey });
}

/** Staff record a guardian's paper signature; the person is invited once the consent is complete. */
export function useRecordGuardianSignature(participantId: string) {
  const onSuccess = useReload(participantId);
  return useMutation({
    mutationFn: (input: { recipientId: string; signerName: string; locale: Locale }) =>
      recordGuardianSignature(participantId, input),
    onSuccess,
  });
}

/** Staff send (or send again) the invitation of a person with a signed, safe consent. */
export function useSendFamilyInvitation(participantId: string) {
  const onSuccess = useReload(participantId);
  return useMutation({
    mutationFn: (input: { recipientId: string; locale: Locale }) =>
      sendFamilyInvitation(participantId, input),
    onSuccess,
  });
}
