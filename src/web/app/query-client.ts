import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { currentSessionQuery } from "../features/identity/api/get-current-session";
import { ApiError } from "./api-client";

/** A 4xx will not change on retry; network failures and 5xx get one more try. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/**
 * A 401 means the session has ended, except a wrong password typed into a form, or a session that still
 * owes its MFA step (the guard then sends the person to that step).
 */
export function endsSession(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 401 &&
    error.code !== "AUTH_INVALID_CREDENTIALS" &&
    error.code !== "AUTH_MFA_PENDING"
  );
}

/**
 * The app's query client. When any call answers 401 while someone is signed in, the session has ended
 * (idle or absolute timeout, revoked, or signed out elsewhere): forget their data and the user, and the
 * shell's guard sends them to sign in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "AUTH_MFA_PENDING")
      void client.invalidateQueries({ queryKey: currentSessionQuery.queryKey });
    if (!endsSession(error) || !client.getQueryData(currentSessionQuery.queryKey)) return;
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== currentSessionQuery.queryKey[0] });
    client.setQueryData(currentSessionQuery.queryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { retry: shouldRetry }, mutations: { retry: false } },
  });
  return client;
}

/**
 * Resolves once no query is fetching, or after `timeoutMs` whichever comes first. Signing out waits for
 * this so a request already on its way is not answered 401 after the session ends.
 */
export function whenQueriesSettle(client: QueryClient, timeoutMs = 3000): Promise<void> {
  if (client.isFetching() === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (client.isFetching() === 0) done();
    });
  });
}
