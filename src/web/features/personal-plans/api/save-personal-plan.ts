import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  PersonalPlan,
  PersonalPlanKind,
  SavePersonalPlanInput,
} from "../../../../core/personal-plans/personal-plan.schema";
import { ApiError, apiRequest } from "../../../app/api-client";
import { type PlanScope, planPath, planQueryKey } from "./plan-scope";

export const savePersonalPlan = (scope: PlanScope, input: SavePersonalPlanInput) =>
  apiRequest<PersonalPlan>("PUT", planPath(scope, input.kind), input);

/** The plan as it is now, carried by a 409 PERSONAL_PLAN_EDIT_CONFLICT (someone saved in between). */
export function conflictingPlan(error: unknown): PersonalPlan | null {
  if (!(error instanceof ApiError) || error.code !== "PERSONAL_PLAN_EDIT_CONFLICT") return null;
  const current = error.detail.current as PersonalPlan | undefined;
  return current && typeof current.version === "number" ? current : null;
}

/** Save the whole plan from the version it was edited on; the answer becomes the plan in the cache. */
export function useSavePersonalPlan(scope: PlanScope, plan: PersonalPlanKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavePersonalPlanInput) => savePersonalPlan(scope, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(planQueryKey(scope, plan), saved);
      void queryClient.invalidateQueries({ queryKey: [...planQueryKey(scope, plan), "versions"] });
    },
  });
}
