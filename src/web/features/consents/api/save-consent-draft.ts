import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ConsentDraftInput } from "../../../../core/consents/consent.schema";
import type { ConsentDetail } from "../../../../core/consents/consent-api.schema";
import { apiRequest } from "../../../app/api-client";
import { participantConsentsQuery } from "./get-participant-consents";

export const saveConsentDraft = ({
  participantId,
  consentId,
  version,
  draft,
}: {
  participantId: string;
  consentId: string | null;
  version: number | null;
  draft: ConsentDraftInput;
}) =>
  consentId === null
    ? apiRequest<ConsentDetail>(
        "POST",
        `/api/v1/participants/${encodeURIComponent(participantId)}/consents`,
        draft,
      )
    : apiRequest<ConsentDetail>("PUT", `/api/v1/consents/${encodeURIComponent(consentId)}`, {
        ...draft,
        version,
      });

/** Create a draft or replace one (optimistic version); the chart's list reloads. */
export function useSaveConsentDraft(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveConsentDraft,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: participantConsentsQuery(participantId).queryKey }),
  });
}
