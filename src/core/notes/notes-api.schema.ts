import { z } from "zod";
import { attendanceStatusSchema } from "../attendance/attendance.schema";
import { clonedEntryFindingSchema } from "./entry-similarity.schema";
import {
  addendumViewSchema,
  groupEntryContentSchema,
  groupSharedContentSchema,
  localDateSchema,
  noteFormatSchema,
  noteKindSchema,
  noteStatusSchema,
  sessionNoteContentSchema,
  signatureViewSchema,
} from "./note.schema";

/**
 * What the notes routes answer (the response schemas are the allow-list). Shared by the server and
 * the web app.
 */

const person = z.object({ id: z.uuid(), name: z.string() });

/** An objective a note may tie to: one of the participant's current plan objectives. */
export const noteObjectiveOptionSchema = z.object({
  objectiveId: z.uuid(),
  statement: z.string(),
  problemTitle: z.string(),
});

/** What every note view carries about its state and signatures. */
const noteStateShape = {
  id: z.uuid(),
  status: noteStatusSchema,
  revision: z.number().int().min(1),
  sessionDate: localDateSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  author: person,
  cosigner: person.nullable(),
  signedAt: z.iso.datetime().nullable(),
  cosignedAt: z.iso.datetime().nullable(),
  lateEntry: z.boolean(),
  signatures: z.array(signatureViewSchema),
  addenda: z.array(addendumViewSchema),
  updatedAt: z.iso.datetime(),
};

/** A participant's row on the group-note screen (the author's view: the whole roster). */
export const groupNoteRosterRowSchema = z.object({
  participantId: z.uuid(),
  name: z.string(),
  preferredName: z.string().nullable(),
  /** From attendance (edited on the attendance page only); null while not recorded. */
  attendance: z
    .object({
      status: attendanceStatusSchema,
      minutesAttended: z.number().int(),
      sessionMinutes: z.number().int(),
      telehealth: z.boolean(),
    })
    .nullable(),
  /** Present (present, late or left early): an entry is required to sign. */
  attended: z.boolean(),
  entry: z
    .object({ id: z.uuid(), revision: z.number().int().min(1), content: groupEntryContentSchema })
    .nullable(),
  hasSignedPlan: z.boolean(),
  objectives: z.array(noteObjectiveOptionSchema),
});
export type GroupNoteRosterRow = z.infer<typeof groupNoteRosterRowSchema>;

/** The group-note screen for one session: the note (null before the first save) and the roster. */
export const groupNoteScreenSchema = z.object({
  track: z.object({ id: z.uuid(), name: z.string(), siteId: z.uuid() }),
  occurrenceKey: z.string(),
  sessionDate: localDateSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** The module planned for the session, if any (pre-fills the shared part). */
  plannedModule: z.object({ key: z.string(), version: z.number().int(), title: z.string() }).nullable(),
  /** The session has ended (a note can be signed only then). */
  ended: z.boolean(),
  note: z.object({ ...noteStateShape, shared: groupSharedContentSchema }).nullable(),
  roster: z.array(groupNoteRosterRowSchema),
  /** May the viewer edit (draft and clinical.write) and sign (the author or any facilitator). */
  canEdit: z.boolean(),
});
export type GroupNoteScreen = z.infer<typeof groupNoteScreenSchema>;

/** The cloned-entry check of a group note, as run before signing. */
export const clonedEntriesResponseSchema = z.object({
  threshold: z.number(),
  findings: z.array(clonedEntryFindingSchema),
});

/** An individual or family note as its author and the care team see it. */
export const sessionNoteViewSchema = z.object({
  ...noteStateShape,
  kind: z.enum(["individual", "family"]),
  format: noteFormatSchema,
  participantId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  content: sessionNoteContentSchema,
  objectives: z.array(noteObjectiveOptionSchema),
  canEdit: z.boolean(),
  /**
   * The appointment's attendance (recorded on the appointment, PUT /appointments/:id/attendance;
   * read-only here); null while not recorded. Optional for backwards compatibility.
   */
  attendance: z
    .object({
      status: attendanceStatusSchema,
      minutesAttended: z.number().int(),
      sessionMinutes: z.number().int(),
    })
    .nullable()
    .optional(),
});
export type SessionNoteView = z.infer<typeof sessionNoteViewSchema>;

/**
 * One note in a participant's chart. A group note shows the shared part and this participant's own
 * entry only (never another participant's name or entry), and only the addenda on the shared part or
 * on this participant's entry.
 */
export const chartNoteSchema = z.object({
  id: z.uuid(),
  kind: noteKindSchema,
  status: noteStatusSchema,
  sessionDate: localDateSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** The track's name for a group note. */
  title: z.string(),
  format: noteFormatSchema.nullable(),
  author: person,
  cosigner: person.nullable(),
  signedAt: z.iso.datetime().nullable(),
  cosignedAt: z.iso.datetime().nullable(),
  lateEntry: z.boolean(),
  /**
   * Who signed and co-signed, how they confirmed it and when (the chart shows the method). Optional
   * so that the chart route may add it without breaking earlier clients.
   */
  signatures: z.array(signatureViewSchema).optional(),
  /** Group notes. */
  shared: groupSharedContentSchema.nullable(),
  entry: groupEntryContentSchema.nullable(),
  /** Individual and family notes. */
  content: sessionNoteContentSchema.nullable(),
  /** The objectives the note ties to, in words (from the plan the note was written under). */
  objectives: z.array(noteObjectiveOptionSchema),
  addenda: z.array(addendumViewSchema),
});
export type ChartNote = z.infer<typeof chartNoteSchema>;

export const chartNotesPageSchema = z.object({
  items: z.array(chartNoteSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A row of the notes worklist: a note of mine (or my site's) not yet signed, or awaiting my co-signature. */
export const noteWorklistRowSchema = z.object({
  id: z.uuid(),
  kind: noteKindSchema,
  status: noteStatusSchema,
  sessionDate: localDateSchema,
  endsAt: z.iso.datetime(),
  /** A group note: the track's name; otherwise the participant's name. */
  title: z.string(),
  participantId: z.uuid().nullable(),
  trackId: z.uuid().nullable(),
  occurrenceKey: z.string().nullable(),
  author: person,
  cosigner: person.nullable(),
  /** Unsigned past the program's alert window. */
  overdue: z.boolean(),
  hoursSinceSession: z.number().int(),
  /**
   * A late entry: awaiting co-signature, the author signed past the program's late-entry window; a
   * draft, signing it now would be past it. Optional (added after the first contract).
   */
  lateEntry: z.boolean().optional(),
});
export type NoteWorklistRow = z.infer<typeof noteWorklistRowSchema>;

export const noteWorklistSchema = z.object({
  unsigned: z.array(noteWorklistRowSchema),
  awaitingMyCosign: z.array(noteWorklistRowSchema),
  /** Group sessions I facilitated that have ended and have no note yet. */
  missingGroupNotes: z.array(
    z.object({
      trackId: z.uuid(),
      trackName: z.string(),
      occurrenceKey: z.string(),
      sessionDate: localDateSchema,
      endsAt: z.iso.datetime(),
    }),
  ),
});
