import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ParticipantSignInput } from "../../../../core/treatment-plans/plan.schema";
import type { myPlanResponseSchema } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";

export type MyPlanResponse = z.infer<typeof myPlanResponseSchema>;
export type MyPlan = NonNullable<MyPlanResponse["plan"]>;

export const getMyPlan = () => apiRequest<MyPlanResponse>("GET", "/api/v1/me/treatment-plan");

/** The signed-in participant's plan: the version awaiting their signature, else the one in force (never a draft). */
export const myPlanQuery = () => queryOptions({ queryKey: ["treatment-plans", "me"], queryFn: getMyPlan });

export const useMyPlan = () => useQuery(myPlanQuery());

export const signMyPlan = (input: ParticipantSignInput) =>
  apiRequest<unknown>("POST", "/api/v1/me/treatment-plan/signatures", input);

/** The participant signs the version they read, by typing their name; their plan is read again after. */
export function useSignMyPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signMyPlan,
    // Not awaited: the page confirms the signature at once while the plan is read again.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: myPlanQuery().queryKey }),
  });
}
