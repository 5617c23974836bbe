import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReviewDetail } from "../../../../core/treatment-plans/plan-api.schema";
import { apiRequest } from "../../../app/api-client";
import { myPlanQuery } from "./my-plan";

export const getMyPlanReview = (reviewId: string) =>
  apiRequest<ReviewDetail>("GET", `/api/v1/me/treatment-plan/reviews/${encodeURIComponent(reviewId)}`);

/** A review of the participant's plan, awaiting their signature or signed (never a draft). */
export const myPlanReviewQuery = (reviewId: string) =>
  queryOptions({
    queryKey: ["treatment-plans", "me", "reviews", reviewId],
    queryFn: () => getMyPlanReview(reviewId),
  });

export const useMyPlanReview = (reviewId: string) => useQuery(myPlanReviewQuery(reviewId));

export interface SignMyPlanReviewInput {
  reviewId: string;
  revision: number;
  typedName: string;
}

export const signMyPlanReview = ({ reviewId, ...body }: SignMyPlanReviewInput) =>
  apiRequest<unknown>(
    "POST",
    `/api/v1/me/treatment-plan/reviews/${encodeURIComponent(reviewId)}/signatures`,
    body,
  );

/** The participant signs a review of their plan by typing their name. */
export function useSignMyPlanReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signMyPlanReview,
    // Not awaited: the page confirms the signature at once while the plan and its reviews are read again.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: myPlanQuery().queryKey }),
  });
}
