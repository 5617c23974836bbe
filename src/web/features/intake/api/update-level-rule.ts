import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { levelRuleSchema } from "../../../../core/admissions/leads.schema";
import { apiRequest } from "../../../app/api-client";
import { type LevelRules, levelRulesQuery } from "./get-level-rules";

export type LevelRule = z.infer<typeof levelRuleSchema>;

/** Change the program's suggestion rule for one edition; answers with both editions' rules. */
export const updateLevelRule = (rule: LevelRule) =>
  apiRequest<LevelRules>("PUT", "/api/v1/admissions/level-rules", rule);

export function useUpdateLevelRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLevelRule,
    onSuccess: (saved) => queryClient.setQueryData(levelRulesQuery.queryKey, saved),
  });
}
