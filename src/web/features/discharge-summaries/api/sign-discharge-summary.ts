import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  DischargeSummaryView,
  SignSummaryInput,
} from "../../../../core/discharge-summaries/discharge-summary.schema";
import { apiRequest } from "../../../app/api-client";
import { summaryPath, summaryQueryKey } from "./summary-path";

export const signDischargeSummary = (participantId: string, input: SignSummaryInput) =>
  apiRequest<DischargeSummaryView>("POST", `${summaryPath(participantId)}/sign`, input);

/** Sign the summary (once the discharge is recorded); signed, it never changes. */
export function useSignDischargeSummary(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignSummaryInput) => signDischargeSummary(participantId, input),
    onSuccess: (view) => queryClient.setQueryData(summaryQueryKey(participantId), view),
  });
}
