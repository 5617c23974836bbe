import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  DischargeSummaryView,
  SaveSummaryInput,
} from "../../../../core/discharge-summaries/discharge-summary.schema";
import { apiRequest } from "../../../app/api-client";
import { summaryPath, summaryQueryKey } from "./summary-path";

export const saveDischargeSummary = (participantId: string, input: SaveSummaryInput) =>
  apiRequest<DischargeSummaryView>("PUT", summaryPath(participantId), input);

/** Save the edited sections from the version they were edited on. */
export function useSaveDischargeSummary(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSummaryInput) => saveDischargeSummary(participantId, input),
    onSuccess: (view) => queryClient.setQueryData(summaryQueryKey(participantId), view),
  });
}
