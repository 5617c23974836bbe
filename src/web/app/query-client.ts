import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { currentSessionQuery } from "../features/identity/api/get-current-session";
import { ApiError } from "./api-client";

/** A 4xx will not change on retry; network failures and 5xx get one more try. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/**
 * The app's query client. When any call answers AUTH_REQUIRED the session has ended (idle or absolute
 * timeout, or signed out elsewhere): forget the user, and the shell's guard sends them to sign in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "AUTH_REQUIRED")
      client.setQueryData(currentSessionQuery.queryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { retry: shouldRetry }, mutations: { retry: false } },
  });
  return client;
}
