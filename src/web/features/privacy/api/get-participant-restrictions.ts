import { queryOptions, useQuery } from "@tanstack/react-query";
import type { RestrictionList } from "../../../../core/privacy/restriction.schema";
import { apiRequest } from "../../../app/api-client";

export const getParticipantRestrictions = (participantId: string) =>
  apiRequest<RestrictionList>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/restrictions`,
  );

/** A participant's §2.26 restrictions, for the chart. */
export const participantRestrictionsQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["participants", participantId, "restrictions"],
    queryFn: () => getParticipantRestrictions(participantId),
  });

export const useParticipantRestrictions = (participantId: string) =>
  useQuery(participantRestrictionsQuery(participantId));
