import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Roster } from "../../../../core/attendance/roster.schema";
import { apiRequest } from "../../../app/api-client";

/** A session's address in the API; its key keeps its colon ("2026-11-26T18:00") for readable links. */
export const rosterPath = (trackId: string, key: string) =>
  `/api/v1/tracks/${encodeURIComponent(trackId)}/occurrences/${encodeURIComponent(key).replace(/%3A/gi, ":")}`;

export const getRoster = (trackId: string, key: string) =>
  apiRequest<Roster>("GET", `${rosterPath(trackId, key)}/roster`);

/**
 * One session and everyone enrolled that day, with their marks. Read once per visit (each read is
 * audited): no refetch on focus while someone is taking attendance.
 */
export const rosterQuery = (trackId: string, key: string) =>
  queryOptions({
    queryKey: ["schedule", "roster", trackId, key],
    queryFn: () => getRoster(trackId, key),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const useRoster = (trackId: string, key: string) => useQuery(rosterQuery(trackId, key));
