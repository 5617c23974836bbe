import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CalendarFeedSettings } from "../../../../core/schedule/calendar-feed.schema";
import { apiRequest } from "../../../app/api-client";

export const getCalendarFeedSettings = () =>
  apiRequest<CalendarFeedSettings>("GET", "/api/v1/settings/calendar-feeds");

export const calendarFeedSettingsQuery = queryOptions({
  queryKey: ["settings", "calendar-feeds"],
  queryFn: getCalendarFeedSettings,
});

/** How much calendar feeds say (private or detailed) and whether video links go in them. */
export const useCalendarFeedSettings = () => useQuery(calendarFeedSettingsQuery);

export const updateCalendarFeedSettings = (settings: CalendarFeedSettings) =>
  apiRequest<CalendarFeedSettings>("PUT", "/api/v1/settings/calendar-feeds", settings);

export function useUpdateCalendarFeedSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCalendarFeedSettings,
    onSuccess: (saved) => queryClient.setQueryData(calendarFeedSettingsQuery.queryKey, saved),
  });
}
