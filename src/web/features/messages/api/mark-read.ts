import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReadMarkResult } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { type MessageSide, messagesKey, threadPath } from "./message-paths";

export const markRead = (side: MessageSide, threadId: string, through: string) =>
  apiRequest<ReadMarkResult>("POST", `${threadPath(side, threadId)}/read`, { through });

/** Mark a conversation read up to the newest message shown; the lists and counts are read again. */
export function useMarkRead(side: MessageSide, threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (through: string) => markRead(side, threadId, through),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...messagesKey(side), "threads"] }),
        queryClient.invalidateQueries({ queryKey: [...messagesKey(side), "unread"] }),
      ]),
  });
}
