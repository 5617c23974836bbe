import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ScoredResponse } from "../../../../core/assessments/assessments.schema";
import { apiRequest } from "../../../app/api-client";

/** A participant's completed questionnaires with their scores, oldest first. */
export const getAssessments = (participantId: string) =>
  apiRequest<{ responses: ScoredResponse[] }>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/assessments`,
  );

export const assessmentsQueryKey = (participantId: string) =>
  ["assessments", "responses", participantId] as const;

export const assessmentsQuery = (participantId: string) =>
  queryOptions({
    queryKey: assessmentsQueryKey(participantId),
    queryFn: () => getAssessments(participantId),
    select: (data) => data.responses,
  });

export const useAssessments = (participantId: string) => useQuery(assessmentsQuery(participantId));
