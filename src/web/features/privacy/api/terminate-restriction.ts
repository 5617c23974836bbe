import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Restriction, RestrictionTerminationInput } from "../../../../core/privacy/restriction.schema";
import { apiRequest } from "../../../app/api-client";
import { participantRestrictionsQuery } from "./get-participant-restrictions";

export const terminateRestriction = ({
  participantId,
  id,
  ...input
}: RestrictionTerminationInput & { participantId: string; id: string }) =>
  apiRequest<Restriction>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/restrictions/${encodeURIComponent(id)}/termination`,
    input,
  );

/** Staff record how an agreed restriction ends. */
export function useTerminateRestriction(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: terminateRestriction,
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: participantRestrictionsQuery(participantId).queryKey }),
  });
}
