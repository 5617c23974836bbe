import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CalendarFeedStatus } from "../../../../core/schedule/calendar-feed.schema";
import { apiRequest } from "../../../app/api-client";
import { type FeedOwner, feedKey, feedPath } from "./feed-owner";

export const revokeCalendarFeed = (owner: FeedOwner) => apiRequest<void>("DELETE", feedPath(owner));

/** Revoke the feed: its address answers 404 from now on. */
export function useRevokeCalendarFeed(owner: FeedOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => revokeCalendarFeed(owner),
    onSuccess: () => queryClient.setQueryData<CalendarFeedStatus>(feedKey(owner), { feed: null }),
  });
}
