import type { NoteWorklistRow } from "../../../core/notes/notes-api.schema";
import { groupNoteScreenPath } from "./group-note-paths";

/** Where a worklist row's note opens: the group session's note screen, or the participant's session note. */
export function worklistNotePath(row: NoteWorklistRow): string {
  if (row.kind === "group" && row.trackId && row.occurrenceKey) {
    return groupNoteScreenPath(row.trackId, row.occurrenceKey);
  }
  return `/staff/participants/${encodeURIComponent(row.participantId ?? "")}/notes/${encodeURIComponent(row.id)}`;
}
