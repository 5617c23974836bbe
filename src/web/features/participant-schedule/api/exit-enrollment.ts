import { useMutation } from "@tanstack/react-query";
import type { Enrollment, EnrollmentExit } from "../../../../core/schedule/enrollment.schema";
import { apiRequest } from "../../../app/api-client";
import { useRefreshPlacement } from "./refresh-placement";

export const exitEnrollment = ({ enrollmentId, input }: { enrollmentId: string; input: EnrollmentExit }) =>
  apiRequest<Enrollment>("POST", `/api/v1/enrollments/${encodeURIComponent(enrollmentId)}/exit`, input);

/** End a place in a track, or take someone off a waitlist, on a date and for a reason. */
export function useExitEnrollment() {
  return useMutation({ mutationFn: exitEnrollment, onSuccess: useRefreshPlacement() });
}
