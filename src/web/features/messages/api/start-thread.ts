import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NewThreadInput, SentMessage } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const startThread = (participantId: string, input: NewThreadInput) =>
  apiRequest<SentMessage>("POST", `/api/v1/participants/${participantId}/message-threads`, input);

/** Staff start a conversation with a participant from their chart. */
export function useStartThread(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewThreadInput) => startThread(participantId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey("staff") }),
  });
}
