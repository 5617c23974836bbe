import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AlertCounts } from "../../../../core/alerts/alerts.schema";
import { apiRequest } from "../../../app/api-client";

export const getAlertCounts = () => apiRequest<AlertCounts>("GET", "/api/v1/alerts/counts");

/**
 * Open counts for the navigation. Never polled in the background: every API call keeps the session
 * alive, so a timer would defeat the idle sign-out. They refresh as staff move around the app (stale
 * after 30 s), on window focus, and after every change to an alert.
 */
export const alertCountsQuery = queryOptions({
  queryKey: ["alerts", "counts"],
  queryFn: getAlertCounts,
  staleTime: 30_000,
});

export const useAlertCounts = (enabled: boolean) => useQuery({ ...alertCountsQuery, enabled });
