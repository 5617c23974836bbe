import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import type { ReviewReason } from "../../../../core/treatment-plans/review.schema";
import { apiRequest } from "../../../app/api-client";
import { reviewsPath } from "./review-paths";
import { useReviewMutation } from "./review-refresh";

export interface StartReviewInput {
  participantId: string;
  planId: string;
  reason: ReviewReason;
}

export const startReview = ({ planId, reason }: StartReviewInput) =>
  apiRequest<ReviewDetail>("POST", reviewsPath(planId), { reason });

/** Open a review of the signed plan in force (scheduled, or early for a reason). */
export const useStartReview = () => useReviewMutation(startReview);
