import type { StaffSignInput } from "../../../../core/treatment-plans/plan.schema";
import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { reviewPath } from "./review-paths";
import type { ReviewRef } from "./review-refresh";
import { useReviewMutation } from "./review-refresh";

type Input = ReviewRef & { signature: StaffSignInput };

export const signReview = ({ planId, reviewId, signature }: Input) =>
  apiRequest<ReviewDetail>("POST", `${reviewPath(planId, reviewId)}/signatures`, signature);

/** Sign a review as the clinician or the supervisor, re-entering the password or an authenticator code. */
export const useSignReview = () => useReviewMutation(signReview);
