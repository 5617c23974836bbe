import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AftercarePlan,
  AftercarePlanSaved,
  SaveAftercarePlanInput,
} from "../../../../core/aftercare/aftercare-plan-api.schema";
import { ApiError, apiRequest } from "../../../app/api-client";
import { type AftercareScope, aftercarePath, aftercareQueryKey } from "./aftercare-scope";

export const saveAftercarePlan = (scope: AftercareScope, input: SaveAftercarePlanInput) =>
  apiRequest<AftercarePlanSaved>("PUT", aftercarePath(scope), input);

/** The plan as it is now, carried by a 409 AFTERCARE_PLAN_EDIT_CONFLICT (someone saved in between). */
export function conflictingAftercarePlan(error: unknown): AftercarePlan | null {
  if (!(error instanceof ApiError) || error.code !== "AFTERCARE_PLAN_EDIT_CONFLICT") return null;
  const current = error.detail.current as AftercarePlan | undefined;
  return current && typeof current.version === "number" ? current : null;
}

/** Save the whole plan as edited from its version; the answer says whether the signatures were cleared. */
export function useSaveAftercarePlan(scope: AftercareScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveAftercarePlanInput) => saveAftercarePlan(scope, input),
    onSuccess: ({ signaturesCleared: _cleared, ...plan }) =>
      queryClient.setQueryData(aftercareQueryKey(scope), plan),
    onError: (error) => {
      const current = conflictingAftercarePlan(error);
      if (current) queryClient.setQueryData(aftercareQueryKey(scope), current);
    },
  });
}
