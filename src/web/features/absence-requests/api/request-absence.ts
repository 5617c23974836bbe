import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AbsenceReason,
  AbsenceRequest,
} from "../../../../core/absence-requests/absence-requests.schema";
import { apiRequest } from "../../../app/api-client";
import { myAbsenceRequestsQuery } from "./get-my-absence-requests";

export const requestAbsence = (input: { sessionId: string; reason: AbsenceReason; note: string }) =>
  apiRequest<AbsenceRequest>("POST", "/api/v1/me/absence-requests", input);

/** Ask to be excused from one of the participant's upcoming sessions. */
export function useRequestAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestAbsence,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myAbsenceRequestsQuery().queryKey }),
  });
}
