import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CurrentSession } from "../../../../core/identity/session.schema";
import { apiRequest } from "../../../app/api-client";
import { currentSessionQuery } from "./get-current-session";

/** Keep an idle session alive ("Stay signed in"). */
export const refreshSession = () => apiRequest<CurrentSession>("POST", "/api/v1/sessions/current/refresh");

export function useRefreshSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refreshSession,
    onSuccess: (session) => queryClient.setQueryData(currentSessionQuery.queryKey, session),
  });
}
