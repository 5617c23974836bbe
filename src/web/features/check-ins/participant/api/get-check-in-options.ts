import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Substance } from "../../../../../core/check-ins/check-in.schema";
import { apiRequest } from "../../../../app/api-client";

/** What the check-in offers to choose from: their plan's triggers, ones they used lately, skills. */
export interface CheckInOptions {
  triggers: string[];
  recentTriggers: string[];
  skills: { key: string; name: string }[];
  substances: Substance[];
}

export const getCheckInOptions = () => apiRequest<CheckInOptions>("GET", "/api/v1/me/check-ins/options");

export const checkInOptionsQuery = queryOptions({
  queryKey: ["check-ins", "me", "options"],
  queryFn: getCheckInOptions,
  staleTime: 5 * 60_000,
});

export const useCheckInOptions = () => useQuery(checkInOptionsQuery);
