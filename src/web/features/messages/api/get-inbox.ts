import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Inbox, InboxScope } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const INBOX_PAGE_SIZE = 25;

export interface InboxFilter {
  scope: InboxScope;
  unreadOnly: boolean;
  page: number;
}

export const getInbox = ({ scope, unreadOnly, page }: InboxFilter) =>
  apiRequest<Inbox>(
    "GET",
    `/api/v1/message-threads?scope=${scope}&unread=${unreadOnly}&page=${page}&pageSize=${INBOX_PAGE_SIZE}`,
  );

/** The staff inbox: conversations of the caseload (or the site), newest activity first. */
export const useInbox = (filter: InboxFilter) =>
  useQuery({
    queryKey: [...messagesKey("staff"), "threads", filter],
    queryFn: () => getInbox(filter),
    placeholderData: keepPreviousData,
  });
