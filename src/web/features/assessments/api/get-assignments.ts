import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AssessmentAssignment } from "../../../../core/assessments/assessments.schema";
import { apiRequest } from "../../../app/api-client";

/** The questionnaires a participant has been asked to complete and has not yet (open assignments). */
export const getAssignments = (participantId: string) =>
  apiRequest<{ assignments: AssessmentAssignment[] }>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/assessment-assignments`,
  );

export const assignmentsQueryKey = (participantId: string) =>
  ["assessments", "assignments", participantId] as const;

export const assignmentsQuery = (participantId: string) =>
  queryOptions({
    queryKey: assignmentsQueryKey(participantId),
    queryFn: () => getAssignments(participantId),
    select: (data) => data.assignments,
  });

export const useAssignments = (participantId: string) => useQuery(assignmentsQuery(participantId));
