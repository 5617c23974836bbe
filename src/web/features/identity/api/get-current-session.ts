import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { CurrentSession, maybeSessionSchema } from "../../../../core/identity/session.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

/** The signed-in session, or null when nobody is signed in (`{ session: null }` or a 401 both mean that). */
export async function getCurrentSession(): Promise<CurrentSession | null> {
  try {
    const body = await apiRequest<z.infer<typeof maybeSessionSchema>>("GET", "/api/v1/sessions/current");
    return body.session ?? null;
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
