import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AbsenceRequestList } from "../../../../core/absence-requests/absence-requests.schema";
import { apiRequest } from "../../../app/api-client";

export const getParticipantAbsenceRequests = (participantId: string) =>
  apiRequest<AbsenceRequestList>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/absence-requests`,
  );

/** A participant's requests to be excused, for the chart's Schedule tab. */
export const participantAbsenceRequestsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "absence-requests"],
    queryFn: () => getParticipantAbsenceRequests(participantId),
  });

export const useParticipantAbsenceRequests = (participantId: string) =>
  useQuery(participantAbsenceRequestsQuery(participantId));
