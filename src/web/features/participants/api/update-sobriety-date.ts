import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { sobrietyDateInputSchema } from "../../../../core/participants/chart.schema";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { apiRequest } from "../../../app/api-client";
import { participantQuery } from "./get-participant";

export type SobrietyDateInput = z.infer<typeof sobrietyDateInputSchema>;

export const updateSobrietyDate = ({
  participantId,
  input,
}: {
  participantId: string;
  input: SobrietyDateInput;
}) =>
  apiRequest<ParticipantRecord>(
    "PUT",
    `/api/v1/participants/${encodeURIComponent(participantId)}/sobriety-date`,
    input,
  );

/** Set or clear the sobriety date; the answer is the updated record. */
export function useUpdateSobrietyDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSobrietyDate,
    onSuccess: (record, { participantId }) =>
      queryClient.setQueryData(participantQuery(participantId).queryKey, record),
  });
}
