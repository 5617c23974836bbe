import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CheckInSummary } from "../../../../../core/check-ins/check-in.schema";
import { apiRequest } from "../../../../app/api-client";

export const getCheckInSummary = () => apiRequest<CheckInSummary>("GET", "/api/v1/me/check-ins/summary");

/** The signed-in participant's check-in state: done today or not, and the streak. */
export const checkInSummaryQuery = queryOptions({
  queryKey: ["check-ins", "me", "summary"],
  queryFn: getCheckInSummary,
});

export const useCheckInSummary = () => useQuery(checkInSummaryQuery);
