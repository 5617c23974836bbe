import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SessionUser } from "../../../../core/identity/identity.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

/** The signed-in user, or null when nobody is signed in (`{ user: null }` or a 401 both mean that). */
export async function getCurrentSession(): Promise<SessionUser | null> {
  try {
    const body = await apiRequest<{ user: SessionUser | null }>("GET", "/api/v1/sessions/current");
    return body.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const currentSessionQuery = queryOptions({
  queryKey: ["session", "current"],
  queryFn: getCurrentSession,
  staleTime: 60_000,
});

export const useCurrentSession = () => useQuery(currentSessionQuery);
