import { queryOptions, useQuery } from "@tanstack/react-query";
import type { GroupNoteScreen } from "../../../../core/notes/notes-api.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

/** The API address of a session's group note; the occurrence key keeps its colon ("2026-11-26T18:00"). */
export const groupNotePath = (trackId: string, occurrenceKey: string) =>
  `/api/v1/tracks/${encodeURIComponent(trackId)}/occurrences/${encodeURIComponent(occurrenceKey).replace(/%3A/gi, ":")}/group-note`;

/** The API address of a group note once it exists (entries, check, signing). */
export const groupNoteIdPath = (noteId: string) => `/api/v1/group-notes/${encodeURIComponent(noteId)}`;

export const getGroupNote = (trackId: string, occurrenceKey: string) =>
  apiRequest<GroupNoteScreen>("GET", groupNotePath(trackId, occurrenceKey));

export const groupNoteKeys = {
  screen: (trackId: string, occurrenceKey: string) =>
    ["notes", "group-note", trackId, occurrenceKey] as const,
  cloned: (noteId: string) => ["notes", "group-note", "cloned", noteId] as const,
};

/**
 * The group-note screen of one session: the note (null before the first save) and the roster with
 * each participant's entry. Each read is audited, so it is read once per visit, not on focus.
 */
export const groupNoteQuery = (trackId: string, occurrenceKey: string) =>
  queryOptions({
    queryKey: groupNoteKeys.screen(trackId, occurrenceKey),
    queryFn: () => getGroupNote(trackId, occurrenceKey),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export const useGroupNote = (trackId: string, occurrenceKey: string) =>
  useQuery(groupNoteQuery(trackId, occurrenceKey));
