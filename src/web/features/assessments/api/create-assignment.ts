import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AssessmentAssignment, AssignmentInput } from "../../../../core/assessments/assessments.schema";
import { apiRequest } from "../../../app/api-client";
import { assignmentsQueryKey } from "./get-assignments";

/** Ask the participant to complete a questionnaire by a date; 400 with field errors. */
export const createAssignment = ({
  participantId,
  input,
}: {
  participantId: string;
  input: AssignmentInput;
}) =>
  apiRequest<{ assignment: AssessmentAssignment }>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/assessment-assignments`,
    input,
  );

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAssignment,
    onSuccess: (_result, { participantId }) =>
      queryClient.invalidateQueries({ queryKey: assignmentsQueryKey(participantId) }),
  });
}
