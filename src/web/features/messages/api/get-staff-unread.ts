import { queryOptions, useQuery } from "@tanstack/react-query";
import type { UnreadCount } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const getStaffUnread = () => apiRequest<UnreadCount>("GET", "/api/v1/messages/unread");

export const staffUnreadQuery = queryOptions({
  queryKey: [...messagesKey("staff"), "unread"],
  queryFn: getStaffUnread,
  staleTime: 30_000,
});

/** Unread messages in the staff member's caseload conversations (the navigation badge). */
export const useStaffUnread = (enabled: boolean) => useQuery({ ...staffUnreadQuery, enabled });
