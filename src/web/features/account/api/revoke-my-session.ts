import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";
import { mySessionsQuery } from "./get-my-sessions";

/** Sign out one of my sessions (revoking the current one signs me out here). */
export const revokeMySession = (id: string) =>
  apiRequest<void>("DELETE", `/api/v1/me/sessions/${encodeURIComponent(id)}`);

export function useRevokeMySession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeMySession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mySessionsQuery.queryKey }),
  });
}
