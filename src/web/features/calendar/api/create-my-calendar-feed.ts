import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CalendarFeedCreated } from "../../../../core/schedule/calendar-feed.schema";
import { apiRequest } from "../../../app/api-client";
import { myCalendarFeedQuery } from "./get-my-calendar-feed";

export const createMyCalendarFeed = () => apiRequest<CalendarFeedCreated>("POST", "/api/v1/me/calendar-feed");

/** Make my feed, replacing the old one (its address stops working); the address comes back this once. */
export function useCreateMyCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMyCalendarFeed,
    onSuccess: (created) => queryClient.setQueryData(myCalendarFeedQuery.queryKey, { feed: created.feed }),
  });
}
