import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AbsenceRequest } from "../../../../core/absence-requests/absence-requests.schema";
import { apiRequest } from "../../../app/api-client";
import { participantAbsenceRequestsQuery } from "./get-participant-absence-requests";

export const decideAbsenceRequest = ({
  id,
  decision,
  note,
}: {
  id: string;
  decision: "approve" | "decline";
  note: string;
}) =>
  apiRequest<AbsenceRequest>("POST", `/api/v1/absence-requests/${encodeURIComponent(id)}/decision`, {
    decision,
    note,
  });

/** The care team approves or declines a request; the chart's list reloads. */
export function useDecideAbsenceRequest(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAbsenceRequest,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: participantAbsenceRequestsQuery(participantId).queryKey }),
  });
}
