import { z } from "zod";

/** Why a participant cannot come (the table's check holds the same list). */
export const ABSENCE_REASONS = ["illness", "work", "family", "transport", "appointment", "other"] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const ABSENCE_STATUSES = ["pending", "approved", "declined", "withdrawn"] as const;
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number];

export const ABSENCE_NOTE_MAX = 500;

const SESSION_ID = /^(group:[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|appointment:[0-9a-f-]{36})$/i;

/** POST /me/absence-requests: the session (its id on "my week"), why, and a note if wanted. */
export const absenceRequestInputSchema = z.object({
  sessionId: z.string().regex(SESSION_ID, { message: "Choose one of your upcoming sessions." }),
  reason: z.enum(ABSENCE_REASONS, { message: "Choose a reason." }),
  note: z
    .string()
    .trim()
    .max(ABSENCE_NOTE_MAX, { message: `Keep the note to ${ABSENCE_NOTE_MAX} characters.` })
    .default(""),
});
export type AbsenceRequestInput = z.infer<typeof absenceRequestInputSchema>;

/** POST /absence-requests/:id/decision: the counselor's answer, with a note for the participant. */
export const absenceDecisionInputSchema = z.object({
  decision: z.enum(["approve", "decline"], { message: "Choose approve or decline." }),
  note: z
    .string()
    .trim()
    .max(ABSENCE_NOTE_MAX, { message: `Keep the note to ${ABSENCE_NOTE_MAX} characters.` })
    .default(""),
});
export type AbsenceDecisionInput = z.infer<typeof absenceDecisionInputSchema>;

export const absenceRequestSchema = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  /** The calendar entry's id: `group:<trackId>:<occurrence key>` or `appointment:<id>`. */
  sessionId: z.string(),
  kind: z.enum(["group", "appointment"]),
  /** The track's name, or the kind of appointment ("individual", "family"). */
  title: z.string(),
  occursOn: z.iso.date(),
  reason: z.enum(ABSENCE_REASONS),
  note: z.string(),
  status: z.enum(ABSENCE_STATUSES),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
});
export type AbsenceRequest = z.infer<typeof absenceRequestSchema>;

export const absenceRequestListSchema = z.object({ requests: z.array(absenceRequestSchema) });
export type AbsenceRequestList = z.infer<typeof absenceRequestListSchema>;
