import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DischargeInput, DischargeResult } from "../../../../core/discharges/discharges.schema";
import { apiRequest } from "../../../app/api-client";
import { participantQuery } from "../../participants/api/get-participant";

export const recordDischarge = ({ participantId, input }: { participantId: string; input: DischargeInput }) =>
  apiRequest<DischargeResult>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/discharge`,
    input,
  );

/**
 * Discharge the participant; the record, its discharge view and the participant list reload, and so
 * does everything else about this participant (the discharge tab's other sections start from it).
 */
export function useRecordDischarge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordDischarge,
    onSuccess: (_result, { participantId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: participantQuery(participantId).queryKey }),
        queryClient.invalidateQueries({ queryKey: ["participants", participantId] }),
        queryClient.invalidateQueries({ queryKey: ["participants", "list"] }),
      ]),
  });
}
