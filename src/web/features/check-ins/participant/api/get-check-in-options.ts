import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CheckInOptions } from "../../../../../core/check-ins/check-in-api.schema";
import { apiRequest } from "../../../../app/api-client";

/** What the check-in offers to choose from: their plan's triggers, ones they used lately, skills. */
export const getCheckInOptions = () => apiRequest<CheckInOptions>("GET", "/api/v1/me/check-ins/options");

export const checkInOptionsQuery = queryOptions({
  queryKey: ["check-ins", "me", "options"],
  queryFn: getCheckInOptions,
  staleTime: 5 * 60_000,
});

export const useCheckInOptions = () => useQuery(checkInOptionsQuery);
