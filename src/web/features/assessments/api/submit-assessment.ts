import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ResponseInput, SubmissionResult } from "../../../../core/assessments/assessments.schema";
import { apiRequest } from "../../../app/api-client";

/**
 * Record a completed questionnaire. 201 when recorded, 200 when the idempotency key was already
 * recorded (a retry): the same result either way. 400 with `answers.<linkId>` field errors; 409
 * ASSESSMENTS_VERSION_RETIRED when the form was rendered from a version no longer scored.
 */
export const submitAssessment = ({ participantId, input }: { participantId: string; input: ResponseInput }) =>
  apiRequest<SubmissionResult>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/assessments`,
    input,
  );

/**
 * Submit, then refresh everything assessments show: scores, open assignments (one may now be
 * complete), and the due lists (staff worklist, the participant's own to-dos).
 */
export function useSubmitAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAssessment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["assessments"] }),
  });
}
