import { useQueries } from "@tanstack/react-query";
import type { ChartNote } from "../../../../core/notes/notes-api.schema";
import { apiRequest } from "../../../app/api-client";

/** One earlier note in a participant's chart (a group note shows only their own entry). */
export const getChartNote = (participantId: string, noteId: string) =>
  apiRequest<ChartNote>(
    "GET",
    `/api/v1/participants/${encodeURIComponent(participantId)}/notes/${encodeURIComponent(noteId)}`,
  );

/**
 * The session dates of the earlier notes a cloned-entry finding points at, so the reason can say
 * "reads like their entry of 12 Nov". A date that cannot be read is left out (the reason is then undated).
 */
export function useEarlierNoteDates(participantId: string, noteIds: readonly string[]) {
  const results = useQueries({
    queries: noteIds.map((noteId) => ({
      queryKey: ["notes", "chart-note", participantId, noteId],
      queryFn: () => getChartNote(participantId, noteId),
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      retry: false,
    })),
  });
  const dates = new Map<string, string>();
  results.forEach((result, i) => {
    const noteId = noteIds[i];
    if (noteId && result.data) dates.set(noteId, result.data.sessionDate);
  });
  return dates;
}
