import { queryOptions, useQuery } from "@tanstack/react-query";
import type {
  CounselingNoteList,
  CounselingNoteView,
} from "../../../../core/notes/counseling-note-api.schema";
import { ApiError, apiRequest } from "../../../app/api-client";

export type { CounselingNoteList, CounselingNoteView };

/** A participant's counseling notes (GET lists those the viewer may read, POST starts one). */
export const counselingNotesPath = (participantId: string) =>
  `/api/v1/participants/${encodeURIComponent(participantId)}/counseling-notes`;

/** One counseling note. */
export const counselingNotePath = (noteId: string) =>
  `/api/v1/counseling-notes/${encodeURIComponent(noteId)}`;

const noRetryOfRefusals = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** The list is audited on each read: no refetch on focus. */
export const counselingNotesQuery = (participantId: string) =>
  queryOptions({
    queryKey: ["counseling-notes", "list", participantId],
    queryFn: () => apiRequest<CounselingNoteList>("GET", counselingNotesPath(participantId)),
    refetchOnWindowFocus: false,
    retry: noRetryOfRefusals,
  });

export const useCounselingNotes = (participantId: string) => useQuery(counselingNotesQuery(participantId));

/** One note; a note the viewer may not read answers 404, exactly like one that does not exist. */
export const counselingNoteQuery = (noteId: string) =>
  queryOptions({
    queryKey: ["counseling-notes", "note", noteId],
    queryFn: () => apiRequest<CounselingNoteView>("GET", counselingNotePath(noteId)),
    refetchOnWindowFocus: false,
    retry: noRetryOfRefusals,
  });

export const useCounselingNote = (noteId: string) => useQuery(counselingNoteQuery(noteId));
