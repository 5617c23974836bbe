import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ReviewSummary } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyPlanReviews = () =>
  apiRequest<{ reviews: ReviewSummary[] }>("GET", "/api/v1/me/treatment-plan/reviews");

/** The participant's own plan reviews awaiting their signature or signed, newest first (never a draft). */
export const myPlanReviewsQuery = () =>
  queryOptions({ queryKey: ["treatment-plans", "me", "reviews"], queryFn: getMyPlanReviews });

export const useMyPlanReviews = () => useQuery(myPlanReviewsQuery());

/** True when the review waits for the participant's own signature. */
export const awaitsMySignature = (review: ReviewSummary) =>
  review.status === "awaiting_signatures" &&
  review.requiredRoles.includes("participant") &&
  !review.signatures.some((s) => s.role === "participant");
