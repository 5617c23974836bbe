import { useQuery } from "@tanstack/react-query";
import type { LinkedFamilyList } from "../../../../core/schedule/linked-family.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

export const getFamilyMembers = (participantId: string) =>
  apiRequest<LinkedFamilyList>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/family-members`,
  );

/**
 * The family members with a Bridgeway account linked to the participant, to tick as attending a
 * family session. Empty when there are none, or when the reader may not book for the participant.
 */
export const useFamilyMembers = (participantId: string, enabled: boolean) =>
  useQuery({
    queryKey: ["calendar", "family-members", participantId],
    enabled: enabled && participantId !== "",
    staleTime: 5 * 60_000,
    queryFn: async () => {
      try {
        return (await getFamilyMembers(participantId)).members;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return [];
        throw error;
      }
    },
  });
