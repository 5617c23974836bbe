import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { planSuggestionsResponseSchema } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { participantPlanPath } from "./get-plan";

export type PlanSuggestionsResponse = z.infer<typeof planSuggestionsResponseSchema>;

export const getPlanSuggestions = (participantId: string) =>
  apiRequest<PlanSuggestionsResponse>("GET", `${participantPlanPath(participantId)}/suggestions`);

/** Problems the record suggests (an assessment result, a diagnosis, an ASAM rating), each with its reason. */
export const planSuggestionsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["treatment-plans", "suggestions", participantId],
    queryFn: () => getPlanSuggestions(participantId),
    refetchOnWindowFocus: false,
  });

export const usePlanSuggestions = (participantId: string, enabled = true) =>
  useQuery({ ...planSuggestionsQuery(participantId), enabled });
