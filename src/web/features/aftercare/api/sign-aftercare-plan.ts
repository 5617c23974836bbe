import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AftercarePlan } from "../../../../core/aftercare/aftercare-plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { type AftercareScope, aftercarePath, aftercareQueryKey } from "./aftercare-scope";
import { conflictingAftercarePlan } from "./save-aftercare-plan";

/** The participant signs with their typed name; a clinician signs with the version alone. */
export type SignAftercareInput = { version: number; typedName?: string };

export const signAftercarePlan = (scope: AftercareScope, input: SignAftercareInput) =>
  apiRequest<AftercarePlan>("POST", `${aftercarePath(scope)}/sign`, input);

export function useSignAftercarePlan(scope: AftercareScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignAftercareInput) => signAftercarePlan(scope, input),
    onSuccess: (plan) => queryClient.setQueryData(aftercareQueryKey(scope), plan),
    onError: (error) => {
      const current = conflictingAftercarePlan(error);
      if (current) queryClient.setQueryData(aftercareQueryKey(scope), current);
    },
  });
}
