import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ParticipantDue } from "../../../../core/assessments/measurement-schedule.schema";
import { apiRequest } from "../../../app/api-client";

/** What the measurement schedule asks of one participant: due, overdue and upcoming (a participant reads their own). */
export const getParticipantDue = (participantId: string) =>
  apiRequest<ParticipantDue>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/assessments/due`,
  );

export const participantDueQueryKey = (participantId: string) =>
  ["assessments", "participant-due", participantId] as const;

export const participantDueQuery = (participantId: string) =>
  queryOptions({
    queryKey: participantDueQueryKey(participantId),
    queryFn: () => getParticipantDue(participantId),
  });

export const useParticipantDue = (participantId: string) => useQuery(participantDueQuery(participantId));
