import { useInfiniteQuery } from "@tanstack/react-query";
import type { ThreadDetail } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { type MessageSide, messagesKey, threadPath } from "./message-paths";

export const getThread = <T extends ThreadDetail = ThreadDetail>(
  side: MessageSide,
  threadId: string,
  before?: string,
) =>
  apiRequest<T>(
    "GET",
    `${threadPath(side, threadId)}${before ? `?before=${encodeURIComponent(before)}` : ""}`,
  );

export const threadQueryKey = (side: MessageSide, threadId: string) =>
  [...messagesKey(side), "thread", threadId] as const;

/**
 * One conversation, the newest page first and older pages on request; looked at again every 30 s while
 * open, so a reply shows up without reloading.
 */
export function useThread<T extends ThreadDetail = ThreadDetail>(side: MessageSide, threadId: string) {
  return useInfiniteQuery({
    queryKey: threadQueryKey(side, threadId),
    queryFn: ({ pageParam }) => getThread<T>(side, threadId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.olderBefore ?? undefined,
    refetchInterval: 30_000,
  });
}
