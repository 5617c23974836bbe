import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { PlanLanguage } from "../../../../core/treatment-plans/plan.schema";
import type { planTemplatesResponseSchema } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";

export type PlanTemplatesResponse = z.infer<typeof planTemplatesResponseSchema>;

export const getPlanTemplates = (language: PlanLanguage) =>
  apiRequest<PlanTemplatesResponse>("GET", `/api/v1/treatment-plan-templates?language=${language}`);

/** The template library in one language (its text does not change while the app runs). */
export const planTemplatesQuery = (language: PlanLanguage) =>
  queryOptions({
    queryKey: ["treatment-plans", "templates", language],
    queryFn: () => getPlanTemplates(language),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const usePlanTemplates = (language: PlanLanguage, enabled = true) =>
  useQuery({ ...planTemplatesQuery(language), enabled });
