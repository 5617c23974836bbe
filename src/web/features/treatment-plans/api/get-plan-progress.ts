import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { planProgressResponseSchema } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { participantPlanPath } from "./get-plan";

export type PlanProgressResponse = z.infer<typeof planProgressResponseSchema>;

export const getPlanProgress = (participantId: string) =>
  apiRequest<PlanProgressResponse>("GET", `${participantPlanPath(participantId)}/progress`);

/** Each objective's course: its status at each signing and review, with measured values. */
export const planProgressQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["treatment-plans", "progress", participantId],
    queryFn: () => getPlanProgress(participantId),
    refetchOnWindowFocus: false,
  });

export const usePlanProgress = (participantId: string, enabled = true) =>
  useQuery({ ...planProgressQuery(participantId), enabled });
