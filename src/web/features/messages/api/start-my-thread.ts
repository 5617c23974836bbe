import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NewThreadInput, SentMessage } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const startMyThread = (input: NewThreadInput) =>
  apiRequest<SentMessage>("POST", "/api/v1/me/message-threads", input);

/** The participant starts a conversation with their care team. */
export function useStartMyThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startMyThread,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey("me") }),
  });
}
