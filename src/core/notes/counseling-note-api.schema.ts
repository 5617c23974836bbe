import { z } from "zod";
import { counselingNoteContentSchema } from "./counseling-note.schema";
import { localDateSchema, reauthSchema } from "./note.schema";

/**
 * What the SUD counseling-note routes take and answer (42 CFR Part 2, 2024 rule). These notes live in
 * their own tables and their own routes: nothing here is part of a chart note, an export or a family
 * view. Shared by the server (the response schemas are the allow-list) and the web app.
 */

const person = z.object({ id: z.uuid(), name: z.string() });

/** draft (the author may still change it) → signed (immutable; corrections are addenda). */
export const COUNSELING_NOTE_STATUSES = ["draft", "signed"] as const;
export type CounselingNoteStatus = (typeof COUNSELING_NOTE_STATUSES)[number];
export const counselingNoteStatusSchema = z.enum(COUNSELING_NOTE_STATUSES);

/** A signed addendum to a counseling note: why, what, who and when. */
export const counselingNoteAddendumViewSchema = z.object({
  id: z.uuid(),
  reason: z.string(),
  body: z.string(),
  author: person,
  method: z.enum(["password", "totp"]),
  createdAt: z.iso.datetime(),
});
export type CounselingNoteAddendumView = z.infer<typeof counselingNoteAddendumViewSchema>;

/** One row of a participant's counseling-note list (only the notes the viewer may read). */
export const counselingNoteListItemSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  sessionDate: localDateSchema,
  appointmentId: z.uuid().nullable(),
  status: counselingNoteStatusSchema,
  author: person,
  signedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  addendaCount: z.number().int().min(0),
});
export type CounselingNoteListItem = z.infer<typeof counselingNoteListItemSchema>;

export const counselingNoteListSchema = z.object({
  items: z.array(counselingNoteListItemSchema),
});
export type CounselingNoteList = z.infer<typeof counselingNoteListSchema>;

/** A counseling note as its author (or a reader the program's policy allows) sees it. */
export const counselingNoteViewSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  sessionDate: localDateSchema,
  appointmentId: z.uuid().nullable(),
  status: counselingNoteStatusSchema,
  revision: z.number().int().min(1),
  content: counselingNoteContentSchema,
  author: person,
  signedAt: z.iso.datetime().nullable(),
  signMethod: z.enum(["password", "totp"]).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  addenda: z.array(counselingNoteAddendumViewSchema),
  /** The viewer is the author and the note is a draft. */
  canEdit: z.boolean(),
  /** The viewer is the author and the note is signed (corrections go in addenda). */
  canAddAddendum: z.boolean(),
});
export type CounselingNoteView = z.infer<typeof counselingNoteViewSchema>;

/** Start a counseling note (a draft; the body may be empty until signing). */
export const counselingNoteCreateSchema = z.object({
  sessionDate: localDateSchema,
  /** The appointment the session was, when there was one (it must be this participant's). */
  appointmentId: z.uuid("Choose an appointment of this participant.").nullable().optional(),
  content: counselingNoteContentSchema,
});
export type CounselingNoteCreateInput = z.infer<typeof counselingNoteCreateSchema>;

/** Save a draft: the revision the author last read (optimistic locking), the date and the body. */
export const counselingNoteSaveSchema = z.object({
  revision: z.number().int().min(1),
  sessionDate: localDateSchema,
  content: counselingNoteContentSchema,
});
export type CounselingNoteSaveInput = z.infer<typeof counselingNoteSaveSchema>;

/** Sign a draft: the revision being signed and re-authentication (password or authenticator code). */
export const counselingNoteSignSchema = z.intersection(
  z.object({ revision: z.number().int().min(1) }),
  reauthSchema,
);
export type CounselingNoteSignInput = z.infer<typeof counselingNoteSignSchema>;

/** An addendum to a signed counseling note, signed on writing (re-authentication). */
export const counselingNoteAddendumInputSchema = z.intersection(
  z.object({
    reason: z
      .string({ message: "Say why you are adding to a signed note." })
      .trim()
      .min(3, "Say why you are adding to a signed note (at least 3 characters).")
      .max(300, "Keep the reason to 300 characters."),
    body: z
      .string({ message: "Write the addendum." })
      .trim()
      .min(1, "Write the addendum.")
      .max(6000, "Keep the addendum to 6000 characters."),
  }),
  reauthSchema,
);
export type CounselingNoteAddendumInput = z.infer<typeof counselingNoteAddendumInputSchema>;
