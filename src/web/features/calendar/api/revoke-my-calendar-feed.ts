import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";
import { myCalendarFeedQuery } from "./get-my-calendar-feed";

export const revokeMyCalendarFeed = () => apiRequest<void>("DELETE", "/api/v1/me/calendar-feed");

/** Revoke my feed: its address answers "not found" from now on. */
export function useRevokeMyCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeMyCalendarFeed,
    onSuccess: () => queryClient.setQueryData(myCalendarFeedQuery.queryKey, { feed: null }),
  });
}
