import { useMutation } from "@tanstack/react-query";
import type { EnrollmentPlacement, PlacedEnrollment } from "../../../../core/schedule/enrollment.schema";
import { apiRequest } from "../../../app/api-client";
import { useRefreshPlacement } from "./refresh-placement";

export const placeInTrack = ({
  participantId,
  input,
}: {
  participantId: string;
  input: EnrollmentPlacement;
}) =>
  apiRequest<PlacedEnrollment>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/enrollments`,
    input,
  );

/** Place the participant's current episode in a track from a date (TRACK_FULL unless waitlistIfFull). */
export function usePlaceInTrack() {
  return useMutation({ mutationFn: placeInTrack, onSuccess: useRefreshPlacement() });
}
