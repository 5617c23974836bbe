import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { apiRequest } from "../../../app/api-client";
import { currentSessionQuery } from "./get-current-session";

export const signOut = () => apiRequest<void>("DELETE", "/api/v1/sessions/current");

/** Ends the server session, forgets everything cached for this user and returns to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(currentSessionQuery.queryKey, null);
      return navigate("/sign-in", { replace: true });
    },
  });
}
