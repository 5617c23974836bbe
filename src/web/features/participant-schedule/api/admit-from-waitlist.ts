import { useMutation } from "@tanstack/react-query";
import type { AdmitFromWaitlist, PlacedEnrollment } from "../../../../core/schedule/enrollment.schema";
import { apiRequest } from "../../../app/api-client";
import { useRefreshPlacement } from "./refresh-placement";

export const admitFromWaitlist = ({
  enrollmentId,
  input,
}: {
  enrollmentId: string;
  input: AdmitFromWaitlist;
}) =>
  apiRequest<PlacedEnrollment>(
    "POST",
    `/api/v1/enrollments/${encodeURIComponent(enrollmentId)}/admit-from-waitlist`,
    input,
  );

/** Give a waitlisted participant a place from a date, when the track has room (else TRACK_FULL). */
export function useAdmitFromWaitlist() {
  return useMutation({ mutationFn: admitFromWaitlist, onSuccess: useRefreshPlacement() });
}
