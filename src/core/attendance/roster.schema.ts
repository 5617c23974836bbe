import { z } from "zod";
import { APPOINTMENT_KINDS } from "../schedule/appointment.schema";
import { OCCURRENCE_PROBLEMS, OCCURRENCE_STATUSES } from "../schedule/recurrence.rules";
import { EXCEPTION_KINDS, localDateSchema, type OccurrenceRef } from "../schedule/track-pattern.schema";
import { ATTENDANCE_STATUSES, attendanceStatusSchema } from "./attendance.schema";
import { AGE_GROUPS } from "./program-hours.schema";
import { WEEK_SESSION_KINDS, WEEK_VERDICTS } from "./weekly-hours.rules";

/**
 * Taking attendance over the API: the roster of one occurrence of a track's series (who is enrolled
 * that day, each with their mark so far), the marks sent back for it, and one participant's weekly
 * hours. The rules live in `attendance.schema.ts` and `weekly-hours.rules.ts`; these are the shapes
 * that cross the wire.
 */

const OCCURRENCE_KEY = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;
const KEY_MESSAGE = "Name the session by its original date and start, like 2026-11-26T18:00.";

/** An occurrence's key: its original local date and slot start, "2026-11-26T18:00". */
export const occurrenceKeySchema = z
  .string({ message: KEY_MESSAGE })
  .regex(OCCURRENCE_KEY, KEY_MESSAGE)
  .refine((key) => localDateSchema.safeParse(key.slice(0, 10)).success, KEY_MESSAGE);

/** The date and start an occurrence key names (the key must have passed `occurrenceKeySchema`). */
export function occurrenceRefOf(key: string): OccurrenceRef {
  return { date: key.slice(0, 10), start: key.slice(11, 16) };
}

export const occurrenceParamsSchema = z.object({
  trackId: z.uuid("This is not a valid track id."),
  key: occurrenceKeySchema,
});
export type OccurrenceParams = z.infer<typeof occurrenceParamsSchema>;

export const rosterOccurrenceSchema = z.object({
  key: z.string(),
  track: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), telehealth: z.boolean() }),
  /** Where it takes place (a moved session: its new date and times), local to the track's zone. */
  date: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  problem: z.enum(OCCURRENCE_PROBLEMS).nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  exception: z.object({ kind: z.enum(EXCEPTION_KINDS), reason: z.string() }).nullable(),
});
export type RosterOccurrence = z.infer<typeof rosterOccurrenceSchema>;

export const recordedMarkSchema = z.object({
  status: z.enum(ATTENDANCE_STATUSES),
  minutesAttended: z.number().int(),
  sessionMinutes: z.number().int(),
  telehealth: z.boolean(),
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type RecordedMark = z.infer<typeof recordedMarkSchema>;

export const rosterSchema = z.object({
  occurrence: rosterOccurrenceSchema,
  /** Everyone enrolled on the session's date, by family name, each with their mark or null. */
  participants: z.array(
    z.object({
      participant: z.object({ id: z.uuid(), name: z.string() }),
      mark: recordedMarkSchema.nullable(),
      /** The care team approved the participant's request to be excused: the mark defaults to excused. */
      excusedInAdvance: z.boolean().optional(),
    }),
  ),
});
export type Roster = z.infer<typeof rosterSchema>;

/** A roster holds at most this many marks in one request. */
export const MAX_MARKS = 200;

/**
 * The marks for one occurrence, as sent. Each mark is checked against the session's length by
 * `attendanceMarkSchema` (or `attendanceEditSchema` when it changes a saved mark, with `reason`) once
 * the server knows the occurrence: field errors name `marks.<n>.<field>` and `reason`.
 */
export const attendanceSubmissionSchema = z.object({
  marks: z
    .array(
      z.object({
        participantId: z.uuid("Choose a participant on the roster."),
        status: attendanceStatusSchema,
        minutesAttended: z.number({ message: "Enter the minutes attended as a number." }).optional(),
        telehealth: z.boolean({ message: "Telehealth is yes or no." }).optional(),
        note: z.string({ message: "The note is text." }).nullish(),
      }),
      { message: "List the marks to record." },
    )
    .min(1, "Mark at least one participant.")
    .max(MAX_MARKS, `Record at most ${MAX_MARKS} marks at a time.`)
    .superRefine((marks, ctx) => {
      const seen = new Set<string>();
      marks.forEach((mark, index) => {
        if (seen.has(mark.participantId))
          ctx.addIssue({
            code: "custom",
            path: [index, "participantId"],
            message: "This participant is marked twice.",
          });
        seen.add(mark.participantId);
      });
    }),
  /** Why saved marks change; required when any does. */
  reason: z.string({ message: "Say why the attendance is being changed." }).optional(),
});
export type AttendanceSubmission = z.infer<typeof attendanceSubmissionSchema>;

// ---- weekly hours ---------------------------------------------------------------------------------

export const weeklyHoursQuerySchema = z.object({
  /** Any date in the ISO week; this week (in the participant's track zone, or UTC) when left out. */
  week: localDateSchema.optional(),
});
export type WeeklyHoursQuery = z.infer<typeof weeklyHoursQuerySchema>;

const verdictSchema = z.enum(WEEK_VERDICTS);

export const weeklyHoursViewSchema = z.object({
  participantId: z.uuid(),
  /** Today in the zone the week is counted in (the participant's track, or UTC without one). */
  today: z.string(),
  timeZone: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  weekState: z.enum(["upcoming", "in_progress", "ended"]),
  ageGroup: z.enum(AGE_GROUPS),
  scheduledMinutes: z.number().int(),
  cancelledMinutes: z.number().int(),
  attendedMinutes: z.number().int(),
  openMinutes: z.number().int(),
  openSessions: z.number().int(),
  unrecordedSessions: z.number().int(),
  projectedMinutes: z.number().int(),
  minimumMinutes: z.number().int(),
  maximumMinutes: z.number().int(),
  shortfallMinutes: z.number().int(),
  verdict: verdictSchema,
  scheduleBelowMinimum: z.boolean(),
  scheduleAtOrAboveMaximum: z.boolean(),
  /** The parts of the scheduled and attended minutes: group sessions, individual and family appointments. */
  byKind: z.record(
    z.enum(WEEK_SESSION_KINDS),
    z.object({ scheduledMinutes: z.number().int(), attendedMinutes: z.number().int() }),
  ),
  days: z.array(
    z.object({
      date: z.string(),
      scheduledMinutes: z.number().int(),
      attendedMinutes: z.number().int(),
      openMinutes: z.number().int(),
      counts: z.boolean(),
    }),
  ),
  payer: z.object({
    dailyMinimumMinutes: z.number().int(),
    daysRequired: z.number().int(),
    countingDays: z.number().int(),
    possibleDays: z.number().int(),
    scheduledDays: z.number().int(),
    verdict: verdictSchema,
  }),
  /** The sessions counted, in order, each with its mark (null while none is recorded). */
  sessions: z.array(
    z.object({
      track: z.object({ id: z.uuid(), name: z.string() }),
      key: z.string(),
      date: z.string(),
      start: z.string(),
      /** Null for a mark whose key the series no longer produces (shown from the mark alone). */
      end: z.string().nullable(),
      status: z.enum(OCCURRENCE_STATUSES),
      scheduledMinutes: z.number().int(),
      mark: z.object({ status: z.enum(ATTENDANCE_STATUSES), minutesAttended: z.number().int() }).nullable(),
    }),
  ),
  /** The individual and family sessions counted (cancelled ones are off the schedule), in order. */
  appointments: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(APPOINTMENT_KINDS),
      staff: z.object({ id: z.uuid(), name: z.string() }),
      date: z.string(),
      start: z.string(),
      end: z.string(),
      scheduledMinutes: z.number().int(),
      mark: z.object({ status: z.enum(ATTENDANCE_STATUSES), minutesAttended: z.number().int() }).nullable(),
    }),
  ),
});
export type WeeklyHoursView = z.infer<typeof weeklyHoursViewSchema>;
