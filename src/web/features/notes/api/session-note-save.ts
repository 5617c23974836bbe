import type { NoteFormat, SessionNoteContent } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { sessionNotePath } from "./session-note-get";

export interface SessionNoteSaved {
  id: string;
  revision: number;
  updatedAt: string;
}

/**
 * Save a draft with the revision it was read at. The server refuses with 409 NOTE_EDIT_CONFLICT when
 * someone saved in between and NOTE_LOCKED once it is signed. Called by the editor's autosave.
 */
export const saveSessionNote = (
  noteId: string,
  draft: { revision: number; format: NoteFormat; content: SessionNoteContent },
) => apiRequest<SessionNoteSaved>("PUT", sessionNotePath(noteId), draft);
