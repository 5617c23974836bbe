import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CalendarFeedStatus } from "../../../../core/schedule/calendar-feed.schema";
import { apiRequest } from "../../../app/api-client";

export const getMyCalendarFeed = () => apiRequest<CalendarFeedStatus>("GET", "/api/v1/me/calendar-feed");

/** Whether I have a calendar feed, when it was made and last read (never its address). */
export const myCalendarFeedQuery = queryOptions({
  queryKey: ["me", "calendar-feed"],
  queryFn: getMyCalendarFeed,
});

export const useMyCalendarFeed = () => useQuery(myCalendarFeedQuery);
