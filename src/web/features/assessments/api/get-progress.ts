import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ProgressView } from "../../../../core/assessments/progress.schema";
import { apiRequest } from "../../../app/api-client";

/** Progress on each measure in the participant's latest episode (scores, change, reliable change). */
export const getProgress = (participantId: string) =>
  apiRequest<ProgressView>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/assessments/progress`,
  );

export const progressQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["assessments", "progress", participantId],
    queryFn: () => getProgress(participantId),
  });

export const useProgress = (participantId: string) => useQuery(progressQuery(participantId));
