import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ParticipantFamily } from "../../../../core/sharing/sharing.schema";
import { apiRequest } from "../../../app/api-client";

export const getParticipantFamily = (participantId: string) =>
  apiRequest<ParticipantFamily>("GET", `/api/v1/participants/${encodeURIComponent(participantId)}/family`);

/** The chart's Family tab: the participant's people and do-not-disclose list. */
export const participantFamilyQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "family"],
    queryFn: () => getParticipantFamily(participantId),
  });

export const useParticipantFamily = (participantId: string) =>
  useQuery(participantFamilyQuery(participantId));
