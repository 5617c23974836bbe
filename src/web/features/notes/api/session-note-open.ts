import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NoteFormat } from "../../../../core/notes/note.schema";
import { ApiError, apiRequest } from "../../../app/api-client";
import { type SessionNoteView, sessionNoteQuery } from "./session-note-get";

/** The API address of an appointment's note (GET reads it, POST starts it). */
export const appointmentNotePath = (appointmentId: string) =>
  `/api/v1/appointments/${encodeURIComponent(appointmentId)}/note`;

/** The id of the note another request started in between, from a 409 NOTE_EXISTS. */
function existingNoteId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== "NOTE_EXISTS") return null;
  const details = error.detail.details as { noteId?: unknown } | undefined;
  return typeof details?.noteId === "string" ? details.noteId : null;
}

/**
 * The note of an appointment, started when it has none: read it (404 when there is none yet), else
 * start a draft; when someone started one in the meantime (409 NOTE_EXISTS) that one is opened.
 * Answers the note's id; the note read is kept for the editor.
 */
export async function openAppointmentNote(
  appointmentId: string,
  format: NoteFormat | undefined,
  keep: (note: SessionNoteView) => void,
): Promise<string> {
  try {
    const note = await apiRequest<SessionNoteView>("GET", appointmentNotePath(appointmentId));
    keep(note);
    return note.id;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  try {
    const note = await apiRequest<SessionNoteView>(
      "POST",
      appointmentNotePath(appointmentId),
      format ? { format } : {},
    );
    keep(note);
    return note.id;
  } catch (error) {
    const noteId = existingNoteId(error);
    if (noteId !== null) return noteId;
    throw error;
  }
}

/** "Write note" / "Open note" on an appointment: answers the id of the note to open. */
export function useOpenAppointmentNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appointmentId, format }: { appointmentId: string; format?: NoteFormat }) =>
      openAppointmentNote(appointmentId, format, (note) =>
        queryClient.setQueryData(sessionNoteQuery(note.id).queryKey, note),
      ),
  });
}
