import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AbsenceRequest } from "../../../../core/absence-requests/absence-requests.schema";
import { apiRequest } from "../../../app/api-client";
import { myAbsenceRequestsQuery } from "./get-my-absence-requests";

export const withdrawAbsenceRequest = (id: string) =>
  apiRequest<AbsenceRequest>("POST", `/api/v1/me/absence-requests/${encodeURIComponent(id)}/withdraw`);

/** The participant can come after all: withdraw a pending or approved request. */
export function useWithdrawAbsenceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawAbsenceRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myAbsenceRequestsQuery().queryKey }),
  });
}
