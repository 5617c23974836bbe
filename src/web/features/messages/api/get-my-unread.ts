import { useQuery } from "@tanstack/react-query";
import type { UnreadCount } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const getMyUnread = () => apiRequest<UnreadCount>("GET", "/api/v1/me/messages/unread");

/** How many messages from the care team the participant has not read yet. */
export const useMyUnread = () =>
  useQuery({ queryKey: [...messagesKey("me"), "unread"], queryFn: getMyUnread, staleTime: 30_000 });
