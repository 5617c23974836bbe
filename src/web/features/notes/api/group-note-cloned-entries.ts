import type { z } from "zod";
import type { clonedEntriesResponseSchema } from "../../../../core/notes/notes-api.schema";
import { apiRequest } from "../../../app/api-client";
import { groupNoteIdPath } from "./group-note-get";

export type ClonedEntries = z.infer<typeof clonedEntriesResponseSchema>;

/** Run the cloned-entry check on the note as saved: the entries that read like another one. */
export const getClonedEntries = (noteId: string) =>
  apiRequest<ClonedEntries>("GET", `${groupNoteIdPath(noteId)}/cloned-entries`);
