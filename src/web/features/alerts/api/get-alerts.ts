import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { AlertList, AlertListQuery } from "../../../../core/alerts/alerts.schema";
import { apiRequest } from "../../../app/api-client";
import { paramsFromAlertQuery } from "../alert-params";

export const getAlerts = (query: AlertListQuery) => {
  const params = paramsFromAlertQuery(query).toString();
  return apiRequest<AlertList>("GET", `/api/v1/alerts${params ? `?${params}` : ""}`);
};

export const alertsQuery = (query: AlertListQuery) =>
  queryOptions({ queryKey: ["alerts", "list", query], queryFn: () => getAlerts(query) });

/** The inbox page; the previous page stays on screen while the next one loads. */
export const useAlerts = (query: AlertListQuery) =>
  useQuery({ ...alertsQuery(query), placeholderData: keepPreviousData });
