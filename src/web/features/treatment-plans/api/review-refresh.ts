import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { participantPlanQuery } from "./get-plan";

/** Which review a change is made to. */
export interface ReviewRef {
  participantId: string;
  planId: string;
  reviewId: string;
}

/** A change to a review after which the chart's plan (review state, history, objective statuses) is read again. */
export function useReviewMutation<I extends { participantId: string }>(
  mutationFn: (input: I) => Promise<ReviewDetail>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (_review, { participantId }) => {
      await queryClient.invalidateQueries({ queryKey: participantPlanQuery(participantId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["treatment-plans", "progress", participantId] });
    },
  });
}
