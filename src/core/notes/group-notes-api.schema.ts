import { z } from "zod";
import { occurrenceParamsSchema } from "../attendance/roster.schema";
import { groupEntryContentSchema, groupSharedContentSchema, noteKindSchema } from "./note.schema";

/**
 * The group-note and chart-note routes' own inputs (issue 8): the session a group note belongs to,
 * saving its shared part and one participant's entry under optimistic locking, and the chart's
 * paging. What the routes answer is in notes-api.schema.ts.
 */

/** A group note's session: the track and the occurrence's original key ("2026-03-09T18:00"). */
export const groupNoteSessionParamsSchema = occurrenceParamsSchema;

const revisionSchema = z
  .number({ message: "Send the revision you opened, or null to start the note." })
  .int()
  .min(1)
  .nullable();

/** Autosave of the shared part: revision null starts the draft. */
export const groupNoteSharedSaveSchema = z.object({
  revision: revisionSchema,
  shared: groupSharedContentSchema,
});
export type GroupNoteSharedSave = z.infer<typeof groupNoteSharedSaveSchema>;

export const groupNoteEntryParamsSchema = z.object({
  noteId: z.uuid("This is not a valid note id."),
  participantId: z.uuid("This is not a valid participant id."),
});

/** Autosave of one participant's entry: revision null writes their first entry. */
export const groupNoteEntrySaveSchema = z.object({
  revision: revisionSchema,
  content: groupEntryContentSchema,
});
export type GroupNoteEntrySave = z.infer<typeof groupNoteEntrySaveSchema>;

/** What a save answers: the saved row's id, its new revision and when. */
export const draftSavedSchema = z.object({
  id: z.uuid(),
  revision: z.number().int().min(1),
  updatedAt: z.iso.datetime(),
});
export type DraftSaved = z.infer<typeof draftSavedSchema>;

export const groupNoteIdParamsSchema = z.object({ noteId: z.uuid("This is not a valid note id.") });

/** A participant's chart notes, newest first. */
export const chartNotesQuerySchema = z.object({
  page: z.coerce.number().int().min(1, "Pages start at 1.").default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "Ask for at most 100 notes a page.").default(20),
  kind: noteKindSchema.optional(),
});
export type ChartNotesQuery = z.infer<typeof chartNotesQuerySchema>;

export const chartNoteParamsSchema = z.object({
  id: z.uuid("This is not a valid participant id."),
  noteId: z.uuid("This is not a valid note id."),
});
