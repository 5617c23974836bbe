import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SessionNoteView } from "../../../../core/notes/notes-api.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

export type { SessionNoteView };

/** The API address of an individual or family note. */
export const sessionNotePath = (noteId: string) => `/api/v1/session-notes/${encodeURIComponent(noteId)}`;

export const getSessionNote = (noteId: string) => apiRequest<SessionNoteView>("GET", sessionNotePath(noteId));

/**
 * An individual or family note with its state, signatures, addenda and the participant's current plan
 * objectives. Each read is audited: no refetch on focus, no retry of a refusal (a 404 stays a 404).
 */
export const sessionNoteQuery = (noteId: string) =>
  queryOptions({
    queryKey: ["notes", "session-note", noteId],
    queryFn: () => getSessionNote(noteId),
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export const useSessionNote = (noteId: string) => useQuery(sessionNoteQuery(noteId));
