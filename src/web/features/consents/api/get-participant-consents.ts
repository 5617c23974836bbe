import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ConsentDetail, ConsentList } from "../../../../core/consents/consent-api.schema";
import { apiRequest } from "../../../app/api-client";

export const getParticipantConsents = (participantId: string) =>
  apiRequest<ConsentList>("GET", `/api/v1/participants/${encodeURIComponent(participantId)}/consents`);

/** A participant's consents for the chart's Consents tab, newest first, each with its state now. */
export const participantConsentsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "consents"],
    queryFn: () => getParticipantConsents(participantId),
  });

export const useParticipantConsents = (participantId: string) =>
  useQuery(participantConsentsQuery(participantId));

export const getConsent = (consentId: string) =>
  apiRequest<ConsentDetail>("GET", `/api/v1/consents/${encodeURIComponent(consentId)}`);

/** One consent with its text and written revocations (opened on demand: each read is audited). */
export const useConsent = (consentId: string | null) =>
  useQuery({
    queryKey: ["consents", consentId],
    queryFn: () => getConsent(consentId!),
    enabled: consentId !== null,
  });
