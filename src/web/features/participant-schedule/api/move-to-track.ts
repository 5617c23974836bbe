import { useMutation } from "@tanstack/react-query";
import type { EnrollmentMove, EnrollmentMoveResult } from "../../../../core/schedule/enrollment.schema";
import { apiRequest } from "../../../app/api-client";
import { useRefreshPlacement } from "./refresh-placement";

export const moveToTrack = ({ participantId, input }: { participantId: string; input: EnrollmentMove }) =>
  apiRequest<EnrollmentMoveResult>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/enrollments/move`,
    input,
  );

/** Move the participant to another track from a date; the old place ends that day and stays in the history. */
export function useMoveToTrack() {
  return useMutation({ mutationFn: moveToTrack, onSuccess: useRefreshPlacement() });
}
