import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { reviewPath } from "./review-paths";
import type { ReviewRef } from "./review-refresh";
import { useReviewMutation } from "./review-refresh";

type Input = ReviewRef & { revision: number };

export const finalizeReview = ({ planId, reviewId, revision }: Input) =>
  apiRequest<ReviewDetail>("POST", `${reviewPath(planId, reviewId)}/finalize`, { revision });

/** Freeze the draft review and send it for signatures (400 with the fields still missing). */
export const useFinalizeReview = () => useReviewMutation(finalizeReview);
