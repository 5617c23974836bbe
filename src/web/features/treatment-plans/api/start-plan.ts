import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StartPlanInput } from "../../../../core/treatment-plans/plan.schema";
import { apiRequest } from "../../../app/api-client";
import { participantPlanPath, participantPlanQuery } from "./get-plan";

interface Input {
  participantId: string;
  input: StartPlanInput;
}

export const startPlan = ({ participantId, input }: Input) =>
  apiRequest<unknown>("POST", participantPlanPath(participantId), input);

/** Start the participant's plan from the chosen templates and suggestions: version 1, a draft. */
export function useStartPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startPlan,
    onSuccess: (_answer, { participantId }) =>
      queryClient.invalidateQueries({ queryKey: participantPlanQuery(participantId).queryKey }),
  });
}
