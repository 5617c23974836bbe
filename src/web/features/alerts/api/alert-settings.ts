import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AlertSettings } from "../../../../core/alerts/alerts.schema";
import { apiRequest } from "../../../app/api-client";

export const getAlertSettings = () => apiRequest<AlertSettings>("GET", "/api/v1/alerts/settings");

export const alertSettingsQuery = queryOptions({
  queryKey: ["alerts", "settings"],
  queryFn: getAlertSettings,
});

export const useAlertSettings = () => useQuery(alertSettingsQuery);

export const updateAlertSettings = (settings: AlertSettings) =>
  apiRequest<AlertSettings>("PUT", "/api/v1/alerts/settings", settings);

export function useUpdateAlertSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAlertSettings,
    onSuccess: (saved) => queryClient.setQueryData(alertSettingsQuery.queryKey, saved),
  });
}
