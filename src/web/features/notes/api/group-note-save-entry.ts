import type { GroupEntryContent } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { groupNoteIdPath } from "./group-note-get";
import type { SavedDraft } from "./group-note-save-shared";

/**
 * Save one participant's individualized entry: `revision: null` writes their first entry, otherwise
 * the entry's revision read (409 NOTE_EDIT_CONFLICT when someone saved it in between).
 */
export const saveGroupNoteEntry = (input: {
  noteId: string;
  participantId: string;
  revision: number | null;
  content: GroupEntryContent;
}) =>
  apiRequest<SavedDraft>(
    "PUT",
    `${groupNoteIdPath(input.noteId)}/entries/${encodeURIComponent(input.participantId)}`,
    { revision: input.revision, content: input.content },
  );
