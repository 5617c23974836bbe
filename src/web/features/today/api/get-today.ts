import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Today } from "../../../../core/participant-app/today.schema";
import { apiRequest } from "../../../app/api-client";

export const getToday = () => apiRequest<Today>("GET", "/api/v1/me/today");

/** The participant's Today: next session, days in recovery, on-call line (read again each minute). */
export const todayQuery = () =>
  queryOptions({ queryKey: ["me", "today"], queryFn: getToday, refetchInterval: 60_000 });

export const useToday = () => useQuery(todayQuery());
