import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ThreadList } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const MY_THREADS_PAGE_SIZE = 20;

export const listMyThreads = (page: number) =>
  apiRequest<ThreadList>("GET", `/api/v1/me/message-threads?page=${page}&pageSize=${MY_THREADS_PAGE_SIZE}`);

/** The participant's conversations, newest activity first, with their unread count in each. */
export const useMyThreads = (page: number) =>
  useQuery({
    queryKey: [...messagesKey("me"), "threads", page],
    queryFn: () => listMyThreads(page),
    placeholderData: keepPreviousData,
  });
