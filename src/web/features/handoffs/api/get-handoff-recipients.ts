import { queryOptions, useQuery } from "@tanstack/react-query";
import type { HandoffRecipientList } from "../../../../core/handoffs/handoff.schema";
import { apiRequest } from "../../../app/api-client";

export const getHandoffRecipients = (participantId: string) =>
  apiRequest<HandoffRecipientList>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/handoffs/recipients`,
  );

/** Every signed consent's recipients: who may receive a referral packet now, with what, and why not. */
export const handoffRecipientsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "handoff-recipients"],
    queryFn: () => getHandoffRecipients(participantId),
  });

export const useHandoffRecipients = (participantId: string, enabled = true) =>
  useQuery({ ...handoffRecipientsQuery(participantId), enabled });
