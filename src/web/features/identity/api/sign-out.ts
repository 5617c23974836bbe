import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../app/api-client";
import { currentSessionQuery } from "./get-current-session";

export const signOut = () => apiRequest<void>("DELETE", "/api/v1/sessions/current");

/** Ends the server session and forgets everything cached for this user. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(currentSessionQuery.queryKey, null);
    },
  });
}
