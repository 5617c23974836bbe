import type { GroupSharedContent } from "../../../../core/notes/note.schema";
import { apiRequest } from "../../../app/api-client";
import { groupNotePath } from "./group-note-get";

/** What a draft save answers: the note (or entry) id and its new revision. */
export interface SavedDraft {
  id: string;
  revision: number;
  updatedAt: string;
}

/**
 * Save the shared part of a session's group note. `revision: null` creates the draft (the first
 * save); otherwise the revision read, and the server refuses with 409 NOTE_EDIT_CONFLICT when someone
 * saved in between.
 */
export const saveGroupNoteShared = (input: {
  trackId: string;
  occurrenceKey: string;
  revision: number | null;
  shared: GroupSharedContent;
}) =>
  apiRequest<SavedDraft>("PUT", groupNotePath(input.trackId, input.occurrenceKey), {
    revision: input.revision,
    shared: input.shared,
  });
