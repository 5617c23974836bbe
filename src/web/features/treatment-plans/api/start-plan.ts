import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StartPlanInput } from "../../../../core/treatment-plans/plan.schema";
import { apiRequest } from "../../../app/api-client";
import { type ParticipantPlanResponse, participantPlanPath, participantPlanQuery } from "./get-plan";

interface Input {
  participantId: string;
  input: StartPlanInput;
}

/** POST answers 201 with the new plan (version 1, a draft). */
export const startPlan = ({ participantId, input }: Input) =>
  apiRequest<ParticipantPlanResponse>("POST", participantPlanPath(participantId), input);

/** Start the participant's plan from the chosen templates and suggestions: version 1, a draft. */
export function useStartPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startPlan,
    onSuccess: (answer, { participantId }) =>
      queryClient.setQueryData(participantPlanQuery(participantId).queryKey, answer),
  });
}
