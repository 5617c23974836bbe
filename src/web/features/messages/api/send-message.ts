import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SendMessageInput, SentMessage } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { type MessageSide, messagesKey, threadPath } from "./message-paths";

export const sendMessage = (side: MessageSide, threadId: string, input: SendMessageInput) =>
  apiRequest<SentMessage>("POST", `${threadPath(side, threadId)}/messages`, input);

/** Write in a conversation; the conversation, the lists and the counts are read again after. */
export function useSendMessage(side: MessageSide, threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) => sendMessage(side, threadId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey(side) }),
  });
}
