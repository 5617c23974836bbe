import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router";
import { apiRequest } from "../../../app/api-client";
import { whenQueriesSettle } from "../../../app/query-client";
import { forgetSavedPlans } from "../../personal-plans/saved-plans";
import { forgetOfflineSession } from "../offline-session";
import { currentSessionQuery } from "./get-current-session";

export const signOut = () => apiRequest<void>("DELETE", "/api/v1/sessions/current");

/**
 * Forget everything cached for this user and go to `to` (the sign-in page, maybe with a reason).
 * The navigation comes first so the guarded shell is gone before the cache empties.
 */
export function useForgetSession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (to = "/sign-in") => {
      const navigation = navigate(to, { replace: true });
      queryClient.clear();
      // The plans kept on this device for offline reading belong to the person leaving.
      forgetSavedPlans(localStorage);
      forgetOfflineSession(localStorage);
      queryClient.setQueryData(currentSessionQuery.queryKey, null);
      return navigation;
    },
    [navigate, queryClient],
  );
}

/**
 * Ends the server session, forgets everything cached for this user and returns to the sign-in page.
 * Requests already under way finish first, so none of them reaches the server after the session ends.
 */
export function useSignOut() {
  const forget = useForgetSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await whenQueriesSettle(queryClient);
      await signOut();
    },
    onSettled: () => forget(),
  });
}
