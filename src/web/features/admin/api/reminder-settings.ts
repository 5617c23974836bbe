import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ReminderSettings,
  ReminderSettingsView,
} from "../../../../core/schedule/reminder-settings.schema";
import { apiRequest } from "../../../app/api-client";

export const getReminderSettings = () =>
  apiRequest<ReminderSettingsView>("GET", "/api/v1/settings/reminders");

export const reminderSettingsQuery = queryOptions({
  queryKey: ["admin", "settings", "reminders"],
  queryFn: getReminderSettings,
});

export const useReminderSettings = () => useQuery(reminderSettingsQuery);

export const updateReminderSettings = (settings: ReminderSettings) =>
  apiRequest<ReminderSettingsView>("PUT", "/api/v1/settings/reminders", settings);

export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReminderSettings,
    onSuccess: (saved) => queryClient.setQueryData(reminderSettingsQuery.queryKey, saved),
  });
}
