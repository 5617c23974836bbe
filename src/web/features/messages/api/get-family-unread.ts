import { useQuery } from "@tanstack/react-query";
import type { UnreadCount } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const getFamilyUnread = () => apiRequest<UnreadCount>("GET", "/api/v1/family/messages/unread");

/** How many messages from the care team a family member has not read yet (for a badge in the family navigation). */
export const useFamilyUnread = () =>
  useQuery({ queryKey: [...messagesKey("family"), "unread"], queryFn: getFamilyUnread, staleTime: 30_000 });
