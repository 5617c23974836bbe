import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CalendarFeedStatus } from "../../../../core/schedule/calendar-feed.schema";
import { apiRequest } from "../../../app/api-client";
import { type FeedOwner, feedKey, feedPath } from "./feed-owner";

export const getCalendarFeed = (owner: FeedOwner) => apiRequest<CalendarFeedStatus>("GET", feedPath(owner));

/** Whether the feed exists, when it was made and last read (never its address). */
export const calendarFeedQuery = (owner: FeedOwner) =>
  queryOptions({ queryKey: feedKey(owner), queryFn: () => getCalendarFeed(owner) });

export const useCalendarFeed = (owner: FeedOwner) => useQuery(calendarFeedQuery(owner));
