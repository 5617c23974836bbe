import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PersonalPlan, PersonalPlanKind } from "../../../../core/personal-plans/personal-plan.schema";
import { apiRequest } from "../../../app/api-client";
import { type PlanScope, planPath, planQueryKey } from "./plan-scope";

export const markPlanSeen = (scope: PlanScope, plan: PersonalPlanKind, version: number) =>
  apiRequest<PersonalPlan>("POST", `${planPath(scope, plan)}/seen`, { version });

/** The reader has seen the other side's changes up to `version`. */
export function useMarkPlanSeen(scope: PlanScope, plan: PersonalPlanKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => markPlanSeen(scope, plan, version),
    onSuccess: (seen) => queryClient.setQueryData(planQueryKey(scope, plan), seen),
  });
}
