import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SessionUser } from "../../../../core/identity/identity.schema";
import { apiRequest } from "../../../app/api-client";

/** The signed-in user, or null when nobody is signed in. */
export async function getCurrentSession(): Promise<SessionUser | null> {
  return (await apiRequest<{ user: SessionUser | null }>("GET", "/api/v1/sessions/current")).user;
}

export const currentSessionQuery = queryOptions({
  queryKey: ["session", "current"],
  queryFn: getCurrentSession,
  staleTime: 60_000,
});

export const useCurrentSession = () => useQuery(currentSessionQuery);
