import { queryOptions, useQuery } from "@tanstack/react-query";
import type { HandoffOverview } from "../../../../core/handoffs/handoff.schema";
import { apiRequest } from "../../../app/api-client";

export const getHandoffs = (participantId: string) =>
  apiRequest<HandoffOverview>("GET", `/api/v1/participants/${encodeURIComponent(participantId)}/handoffs`);

/** The referral packets sent for a participant and their first-appointment tasks. */
export const handoffsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "handoffs"],
    queryFn: () => getHandoffs(participantId),
  });

export const useHandoffs = (participantId: string, enabled = true) =>
  useQuery({ ...handoffsQuery(participantId), enabled });
