import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { CurrentSession, maybeSessionSchema } from "../../../../core/identity/session.schema";
import { ApiError, apiRequest } from "../../../app/api-client";
import { readOfflineSession, rememberOfflineSession } from "../offline-session";

/**
 * The signed-in session, or null when nobody is signed in (`{ session: null }` or a 401 both mean that).
 * When the server cannot be reached at all, a participant's last session on this device stands in, so
 * their app (check-in queue, saved safety plan) opens offline; it is asked again once back online.
 */
export async function getCurrentSession(storage: Storage = localStorage): Promise<CurrentSession | null> {
  try {
    const body = await apiRequest<z.infer<typeof maybeSessionSchema>>("GET", "/api/v1/sessions/current");
    const session = body.session ?? null;
    rememberOfflineSession(storage, session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberOfflineSession(storage, null);
      return null;
    }
    const offline = error instanceof ApiError && error.status === 0 ? readOfflineSession(storage) : null;
    if (offline) return offline;
    throw error;
  }
}

export const currentSessionQuery = queryOptions({
  queryKey: ["session", "current"],
  queryFn: () => getCurrentSession(),
  staleTime: 60_000,
});

export const useCurrentSession = () => useQuery(currentSessionQuery);
