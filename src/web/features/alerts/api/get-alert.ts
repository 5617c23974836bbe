import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Alert } from "../../../../core/alerts/alerts.schema";
import { apiRequest } from "../../../app/api-client";

export const getAlert = (id: string) => apiRequest<Alert>("GET", `/api/v1/alerts/${encodeURIComponent(id)}`);

export const alertQuery = (id: string) =>
  queryOptions({ queryKey: ["alerts", "one", id], queryFn: () => getAlert(id) });

export const useAlert = (id: string) => useQuery(alertQuery(id));
