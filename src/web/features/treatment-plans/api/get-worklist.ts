import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { planWorklistResponseSchema } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";

export type PlanWorklistResponse = z.infer<typeof planWorklistResponseSchema>;

export const getPlanWorklist = () =>
  apiRequest<PlanWorklistResponse>("GET", "/api/v1/treatment-plans/worklist");

/** What needs doing on plans within the actor's reach: plans missing, drafts, signatures, reviews due. */
export const planWorklistQuery = queryOptions({
  queryKey: ["treatment-plans", "worklist"],
  queryFn: getPlanWorklist,
});

export const usePlanWorklist = () => useQuery(planWorklistQuery);
