import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FamilyNewThreadInput } from "../../../../core/messages/family-messages.schema";
import type { SentMessage } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const startFamilyThread = (input: FamilyNewThreadInput) =>
  apiRequest<SentMessage>("POST", "/api/v1/family/messages", input);

/** A family member starts a conversation with the care team about a person they support. */
export function useStartFamilyThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startFamilyThread,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey("family") }),
  });
}
