import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PlanSettings } from "../../../../core/treatment-plans/plan-settings.schema";
import { apiRequest } from "../../../app/api-client";

export const getPlanSettings = () => apiRequest<PlanSettings>("GET", "/api/v1/settings/treatment-plans");

export const planSettingsQuery = queryOptions({
  queryKey: ["treatment-plans", "settings"],
  queryFn: getPlanSettings,
});

export const usePlanSettings = () => useQuery(planSettingsQuery);

export const updatePlanSettings = (settings: PlanSettings) =>
  apiRequest<PlanSettings>("PUT", "/api/v1/settings/treatment-plans", settings);

export function useUpdatePlanSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlanSettings,
    onSuccess: (saved) => queryClient.setQueryData(planSettingsQuery.queryKey, saved),
  });
}
