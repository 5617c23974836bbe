import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { accessAlertListSchema } from "../../../../core/alerts/alerts.schema";
import { apiRequest } from "../../../app/api-client";

export type AccessAlertList = z.infer<typeof accessAlertListSchema>;
export type AlertStatus = "open" | "all";

export const getAlerts = (status: AlertStatus) =>
  apiRequest<AccessAlertList>("GET", `/api/v1/access-alerts?status=${status}`);

export const alertsQuery = (status: AlertStatus) =>
  queryOptions({ queryKey: ["admin", "alerts", status], queryFn: () => getAlerts(status) });

export const useAlerts = (status: AlertStatus) => useQuery(alertsQuery(status));
