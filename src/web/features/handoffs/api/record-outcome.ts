import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AftercareTask, RecordOutcomeInput } from "../../../../core/handoffs/handoff.schema";
import { apiRequest } from "../../../app/api-client";

export const recordOutcome = (participantId: string, taskId: string, input: RecordOutcomeInput) =>
  apiRequest<AftercareTask>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/handoffs/tasks/${encodeURIComponent(taskId)}/outcome`,
    input,
  );

/** Record whether the first appointment happened: the task closes and its alert is resolved. */
export function useRecordOutcome(participantId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordOutcomeInput) => recordOutcome(participantId, taskId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["participants", participantId, "handoffs"] }),
        queryClient.invalidateQueries({ queryKey: ["alerts"] }),
      ]),
  });
}
