import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { reviewPath } from "./review-paths";

/** One review with its content, read on demand (e.g. to take the version someone else saved). */
export const getReview = (planId: string, reviewId: string) =>
  apiRequest<ReviewDetail>("GET", reviewPath(planId, reviewId));
