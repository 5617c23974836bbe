import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { reviewPath } from "./review-paths";
import type { ReviewRef } from "./review-refresh";
import { useReviewMutation } from "./review-refresh";

type Input = ReviewRef & { revision: number };

export const reopenReview = ({ planId, reviewId, revision }: Input) =>
  apiRequest<ReviewDetail>("POST", `${reviewPath(planId, reviewId)}/reopen`, { revision });

/** Return a review awaiting signatures to draft (its signatures are cleared). */
export const useReopenReview = () => useReviewMutation(reopenReview);
