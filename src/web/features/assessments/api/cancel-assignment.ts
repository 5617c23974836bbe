import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";
import { assignmentsQueryKey } from "./get-assignments";

/** Withdraw an open assignment: the participant no longer sees it. */
export const cancelAssignment = ({
  participantId,
  assignmentId,
}: {
  participantId: string;
  assignmentId: string;
}) =>
  apiRequest<unknown>(
    "POST",
    `/api/v1/participants/${encodeURIComponent(participantId)}/assessment-assignments/${encodeURIComponent(assignmentId)}/cancel`,
  );

export function useCancelAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelAssignment,
    onSuccess: (_result, { participantId }) =>
      queryClient.invalidateQueries({ queryKey: assignmentsQueryKey(participantId) }),
  });
}
