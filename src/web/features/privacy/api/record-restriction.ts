import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Restriction, RestrictionRequestInput } from "../../../../core/privacy/restriction.schema";
import { apiRequest } from "../../../app/api-client";
import { participantRestrictionsQuery } from "./get-participant-restrictions";

export const recordRestriction = ({
  participantId,
  ...input
}: RestrictionRequestInput & { participantId: string }) =>
  apiRequest<Restriction>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/restrictions`,
    input,
  );

/** Staff record a request the participant made in person or on paper. */
export function useRecordRestriction(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordRestriction,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: participantRestrictionsQuery(participantId).queryKey }),
  });
}
