import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { participantPlanResponseSchema } from "../../../../core/treatment-plans/plan-api.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

export type ParticipantPlanResponse = z.infer<typeof participantPlanResponseSchema>;

/** The API address of a participant's plan (GET reads it, POST starts it). */
export const participantPlanPath = (participantId: string) =>
  `/api/v1/participants/${encodeURIComponent(participantId)}/treatment-plan`;

/** The API address of one version of a plan. */
export const versionPath = (planId: string, versionId: string) =>
  `/api/v1/treatment-plans/${encodeURIComponent(planId)}/versions/${encodeURIComponent(versionId)}`;

export const getParticipantPlan = (participantId: string) =>
  apiRequest<ParticipantPlanResponse>("GET", participantPlanPath(participantId));

/**
 * A participant's plan as the chart shows it: the signed version in force, the open draft, the history
 * and the review state. Each read is audited, so it is not refetched when the window regains focus.
 */
export const participantPlanQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["treatment-plans", "plan", participantId],
    queryFn: () => getParticipantPlan(participantId),
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export const useParticipantPlan = (participantId: string) => useQuery(participantPlanQuery(participantId));
