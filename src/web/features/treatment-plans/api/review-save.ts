import { useMutation } from "@tanstack/react-query";
import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import type { SaveReviewInput } from "../../../../core/treatment-plans/review.schema";
import { apiRequest } from "../../../app/api-client";
import { reviewPath } from "./review-paths";
import type { ReviewRef } from "./review-refresh";

export type SaveReviewRequest = ReviewRef & { input: SaveReviewInput };

export const saveReview = ({ planId, reviewId, input }: SaveReviewRequest) =>
  apiRequest<ReviewDetail>("PUT", reviewPath(planId, reviewId), input);

/**
 * Autosave a draft review with the revision it was read at; a 409 means someone else saved first. The
 * chart's plan is not read again on each save (every read is audited): the editor keeps the answer.
 */
export const useSaveReview = () => useMutation({ mutationFn: saveReview });
