import { useQuery } from "@tanstack/react-query";
import type { ThreadList } from "../../../../core/messages/messages.schema";
import { apiRequest } from "../../../app/api-client";
import { messagesKey } from "./message-paths";

export const listParticipantThreads = (participantId: string) =>
  apiRequest<ThreadList>("GET", `/api/v1/participants/${participantId}/message-threads?pageSize=5`);

/** A participant's five most recent conversations with the care team (in the chart's Message dialog). */
export const useParticipantThreads = (participantId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...messagesKey("staff"), "threads", "participant", participantId],
    queryFn: () => listParticipantThreads(participantId),
    enabled,
  });
