import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  DischargeSummaryView,
  GenerateDraftInput,
} from "../../../../core/discharge-summaries/discharge-summary.schema";
import { apiRequest } from "../../../app/api-client";
import { summaryPath, summaryQueryKey } from "./summary-path";

export const generateDischargeSummary = (participantId: string, input: GenerateDraftInput) =>
  apiRequest<DischargeSummaryView>("POST", `${summaryPath(participantId)}/draft`, input);

/** Generate the draft, or regenerate it (replacing edits only when asked). */
export function useGenerateDischargeSummary(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GenerateDraftInput) => generateDischargeSummary(participantId, input),
    onSuccess: (view) => queryClient.setQueryData(summaryQueryKey(participantId), view),
  });
}
