import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Restriction, RestrictionDecisionInput } from "../../../../core/privacy/restriction.schema";
import { apiRequest } from "../../../app/api-client";
import { participantRestrictionsQuery } from "./get-participant-restrictions";

export const decideRestriction = ({
  participantId,
  id,
  ...input
}: RestrictionDecisionInput & { participantId: string; id: string }) =>
  apiRequest<Restriction>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/restrictions/${encodeURIComponent(id)}/decision`,
    input,
  );

/** The care team agrees to or refuses a request; the chart's list reloads. */
export function useDecideRestriction(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideRestriction,
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: participantRestrictionsQuery(participantId).queryKey }),
  });
}
