import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { levelRulesSchema } from "../../../../core/admissions/leads.schema";
import { apiRequest } from "../../../app/api-client";

export type LevelRules = z.infer<typeof levelRulesSchema>;

/** The program's rule for the suggested level of care, one per edition. */
export const getLevelRules = () => apiRequest<LevelRules>("GET", "/api/v1/admissions/level-rules");

export const levelRulesQuery = queryOptions({
  queryKey: ["intake", "level-rules"],
  queryFn: getLevelRules,
  staleTime: 5 * 60_000,
});

export const useLevelRules = () => useQuery(levelRulesQuery);
