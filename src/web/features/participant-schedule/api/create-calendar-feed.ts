import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CalendarFeedCreated, CalendarFeedStatus } from "../../../../core/schedule/calendar-feed.schema";
import { apiRequest } from "../../../app/api-client";
import { type FeedOwner, feedKey, feedPath } from "./feed-owner";

export const createCalendarFeed = (owner: FeedOwner) =>
  apiRequest<CalendarFeedCreated>("POST", feedPath(owner));

/** Make the feed (an old one's address stops working): the answer holds the address, this once. */
export function useCreateCalendarFeed(owner: FeedOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createCalendarFeed(owner),
    onSuccess: (created) =>
      queryClient.setQueryData<CalendarFeedStatus>(feedKey(owner), { feed: created.feed }),
  });
}
