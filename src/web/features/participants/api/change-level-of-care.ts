import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LevelChangeInput } from "../../../../core/participants/chart.schema";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { apiRequest } from "../../../app/api-client";
import { participantQuery } from "./get-participant";

export const changeLevelOfCare = ({
  participantId,
  input,
}: {
  participantId: string;
  input: LevelChangeInput;
}) =>
  apiRequest<ParticipantRecord>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/level-of-care`,
    input,
  );

/** Move the open episode to another level of care; the answer is the updated record. */
export function useChangeLevelOfCare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeLevelOfCare,
    onSuccess: (record, { participantId }) => {
      queryClient.setQueryData(participantQuery(participantId).queryKey, record);
      return queryClient.invalidateQueries({ queryKey: ["participants", "list"] });
    },
  });
}
