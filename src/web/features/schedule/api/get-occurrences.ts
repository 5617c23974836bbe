import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import type { TrackOccurrences } from "../../../../core/schedule/tracks.schema";
import { apiRequest } from "../../../app/api-client";

export type Occurrence = TrackOccurrences["occurrences"][number];

export const getOccurrences = (trackId: string, from: string, to: string) =>
  apiRequest<TrackOccurrences>(
    "GET",
    `/api/v1/tracks/${encodeURIComponent(trackId)}/occurrences?${new URLSearchParams({ from, to })}`,
  );

/** A track's group sessions taking place from `from` through `to` (local dates of the track's zone). */
export const occurrencesQuery = (trackId: string, from: string, to: string) =>
  queryOptions({
    queryKey: ["schedule", "occurrences", trackId, from, to],
    queryFn: () => getOccurrences(trackId, from, to),
  });

export const useOccurrences = (trackId: string, from: string, to: string) =>
  useQuery(occurrencesQuery(trackId, from, to));

/** The sessions of several tracks over the same dates, one request per track. */
export const useOccurrencesOfTracks = (trackIds: readonly string[], from: string, to: string) =>
  useQueries({ queries: trackIds.map((id) => occurrencesQuery(id, from, to)) });
