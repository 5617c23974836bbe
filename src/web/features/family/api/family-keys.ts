import { ApiError } from "../../../app/api-client";

/** Query keys of the family portal: everything a family member sees of the people they support. */
export const familyKey = ["family"] as const;
export const familyPersonKey = (participantId: string) => [...familyKey, "person", participantId] as const;

/** What a family view answers: the data, or that the person no longer shares it (nothing else). */
export type Shared<T> = { ended: false; data: T } | { ended: true };

/** The server's words for "no access now": the consent ended or changed, or no link to this person. */
export const endsAccess = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === "FAMILY_ACCESS_ENDED" || error.code === "NOT_FOUND");

/**
 * Run a family request, turning "access ended" into a result instead of an error. A refused refetch
 * then replaces what was shown (the query's data becomes `{ ended: true }`): a revoked consent never
 * leaves the last answer on screen, as an error would (TanStack Query keeps data beside an error).
 */
export async function shared<T>(request: () => Promise<T>): Promise<Shared<T>> {
  try {
    return { ended: false, data: await request() };
  } catch (error) {
    if (endsAccess(error)) return { ended: true };
    throw error;
  }
}

/**
 * Every page load asks the server again (the consent is checked on each request), and nothing is
 * kept in memory once no page shows it.
 */
export const FAMILY_QUERY_OPTIONS = { staleTime: 0, gcTime: 0, refetchOnMount: "always" } as const;
