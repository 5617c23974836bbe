import { z } from "zod";
import {
  ATTENDANCE_STATUSES,
  type AttendanceMark,
  attendanceEditSchema,
  attendanceMarkSchema,
  attendanceStatusSchema,
} from "../attendance/attendance.schema";
import { daysBetween } from "../platform/dates";
import type { FieldError } from "../platform/errors";
import { localDateSchema, localTimeSchema } from "./track-pattern.schema";

/**
 * Individual and family sessions (appointments): booking one or a weekly series, moving one
 * occurrence, cancelling one or the rest of a series, and recording attendance. Dates and times are
 * local to the site's time zone ("2026-11-24", "18:00"); a session never crosses midnight. Turning
 * them into instants and checking conflicts is the job of `conflicts.rules.ts`.
 */

export const APPOINTMENT_KINDS = ["individual", "family"] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const appointmentKindSchema = z.enum(APPOINTMENT_KINDS, {
  message: "Choose an individual or a family session.",
});

export const APPOINTMENT_STATUSES = ["scheduled", "cancelled"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const CANCEL_SCOPES = ["one", "this_and_following"] as const;
export type CancelScope = (typeof CANCEL_SCOPES)[number];

/** A recurring booking has at most this many sessions (a year of weekly sessions). */
export const MAX_APPOINTMENT_OCCURRENCES = 52;
export const MAX_FAMILY_ATTENDEES = 10;
const MAX_EVERY_WEEKS = 4;

const END_AFTER_START = "The session must end after it starts.";
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** End after start on the same day, judged only when both are times (a malformed one has its own message). */
function endsAfterStart({ start, end }: { start: unknown; end: unknown }): boolean {
  const comparable =
    typeof start === "string" && typeof end === "string" && LOCAL_TIME.test(start) && LOCAL_TIME.test(end);
  return !comparable || end > start;
}

const reasonSchema = z
  .string({ message: "Say why, in a few words." })
  .trim()
  .min(3, "Say why, in a few words.")
  .max(500, "Keep the reason under 500 characters.");

export const familyAttendeeSchema = z.object({
  /** The family member's Bridgeway account, when they have one (a family user linked to the participant). */
  userId: z
    .uuid("Choose a family member linked to the participant.")
    .nullish()
    .transform((id) => id ?? null),
  name: z
    .string({ message: "Give the family member's name." })
    .trim()
    .min(1, "Give the family member's name.")
    .max(120, "Keep the name under 120 characters."),
  relationship: z
    .string({ message: "Say how they are related (mother, partner, friend…)." })
    .trim()
    .min(1, "Say how they are related (mother, partner, friend…).")
    .max(60, "Keep the relationship under 60 characters."),
});
export type FamilyAttendee = z.output<typeof familyAttendeeSchema>;

/**
 * A weekly repetition: every 1 to 4 weeks, either a number of sessions in all (the first included)
 * or until a date (inclusive). At most 52 sessions either way.
 */
export const recurrenceSchema = z
  .object(
    {
      everyWeeks: z
        .number({ message: "Repeat every 1 to 4 weeks." })
        .int("Repeat every 1 to 4 weeks.")
        .min(1, "Repeat every 1 to 4 weeks.")
        .max(MAX_EVERY_WEEKS, "Repeat every 1 to 4 weeks."),
      count: z
        .number({ message: "Give the number of sessions." })
        .int("Give a whole number of sessions.")
        .min(2, "A repeating booking has at least 2 sessions.")
        .max(MAX_APPOINTMENT_OCCURRENCES, `Book at most ${MAX_APPOINTMENT_OCCURRENCES} sessions at a time.`)
        .optional(),
      until: localDateSchema.optional(),
    },
    { message: "Say how the session repeats." },
  )
  .superRefine((recurrence, ctx) => {
    if ((recurrence.count === undefined) === (recurrence.until === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["count"],
        message: "Give either the number of sessions or the date they repeat until.",
      });
    }
  });
export type Recurrence = z.output<typeof recurrenceSchema>;

/** How many sessions a booking on `date` with `recurrence` has (the dates are checked already). */
export function occurrenceCount(date: string, recurrence: Recurrence | null): number {
  if (recurrence === null) return 1;
  if (recurrence.count !== undefined) return recurrence.count;
  return Math.floor(daysBetween(date, recurrence.until!) / (7 * recurrence.everyWeeks)) + 1;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const appointmentBookingSchema = z
  .object({
    participantId: z.uuid("Choose a participant."),
    kind: appointmentKindSchema,
    staffId: z.uuid("Choose the staff member who holds the session."),
    roomId: z
      .uuid("Choose a room.")
      .nullish()
      .transform((id) => id ?? null),
    /** A video link (telehealth) or a place in words when no room is booked. */
    location: z
      .string({ message: "Give a place or a video link." })
      .trim()
      .max(300, "Keep the place or link under 300 characters.")
      .default(""),
    telehealth: z.boolean({ message: "Say whether the session is held by video." }).default(false),
    /** The (first) session's local date and times in the site's time zone. */
    date: localDateSchema,
    start: localTimeSchema,
    end: localTimeSchema,
    recurrence: recurrenceSchema.nullish().transform((r) => r ?? null),
    familyAttendees: z
      .array(familyAttendeeSchema, { message: "List the family members who attend." })
      .max(MAX_FAMILY_ATTENDEES, `List at most ${MAX_FAMILY_ATTENDEES} family members.`)
      .default([]),
    /** Book over the participant's declared unavailability (never over another booking). */
    allowUnavailability: z.boolean({ message: "Say yes or no." }).default(false),
  })
  .superRefine((booking, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    if (!endsAfterStart(booking)) problem(["end"], END_AFTER_START);
    if (booking.kind === "family" && booking.familyAttendees.length === 0) {
      problem(["familyAttendees"], "A family session needs at least one family member: list who attends.");
    }
    if (booking.kind === "individual" && booking.familyAttendees.length > 0) {
      problem(["familyAttendees"], "An individual session has no family members: book a family session.");
    }
    const seen = new Set<string>();
    booking.familyAttendees.forEach((attendee, index) => {
      if (attendee.userId === null) return;
      if (seen.has(attendee.userId))
        problem(["familyAttendees", index, "userId"], "This person is listed twice.");
      seen.add(attendee.userId);
    });
    if (booking.telehealth && !/^https:\/\/\S+$/i.test(booking.location)) {
      problem(["location"], "Give the video link (https://…) for a session held by video.");
    }
    if (!booking.telehealth && booking.roomId === null && booking.location === "") {
      problem(["roomId"], "Choose a room, or give the place in words.");
    }
    const { recurrence } = booking;
    if (recurrence?.until !== undefined && ISO_DATE.test(booking.date)) {
      if (recurrence.until <= booking.date) {
        problem(["recurrence", "until"], "Repeat until a date after the first session.");
      } else if (occurrenceCount(booking.date, recurrence) > MAX_APPOINTMENT_OCCURRENCES) {
        problem(
          ["recurrence", "until"],
          `That makes more than ${MAX_APPOINTMENT_OCCURRENCES} sessions: choose an earlier date.`,
        );
      }
    }
  });
export type AppointmentBookingInput = z.input<typeof appointmentBookingSchema>;
export type AppointmentBooking = z.output<typeof appointmentBookingSchema>;

/** Moving one session (drag to reschedule): its new local date and times. */
export const appointmentMoveSchema = z
  .object({
    date: localDateSchema,
    start: localTimeSchema,
    end: localTimeSchema,
    allowUnavailability: z.boolean({ message: "Say yes or no." }).default(false),
  })
  .refine(endsAfterStart, { path: ["end"], message: END_AFTER_START });
export type AppointmentMove = z.output<typeof appointmentMoveSchema>;

export const appointmentCancelSchema = z.object({
  reason: reasonSchema,
  scope: z
    .enum(CANCEL_SCOPES, { message: "Cancel this session only, or this and the following ones." })
    .default("one"),
});
export type AppointmentCancel = z.output<typeof appointmentCancelSchema>;

/**
 * Attendance at one session, as sent: the status and minutes attended (checked against the
 * session's length by `checkAppointmentAttendance`), and the reason when it changes a recorded one.
 */
export const appointmentAttendanceSchema = z.object({
  status: attendanceStatusSchema,
  minutesAttended: z.number({ message: "Enter the minutes attended as a number." }).optional(),
  reason: z.string({ message: "Say why the attendance is being changed." }).optional(),
});
export type AppointmentAttendanceInput = z.output<typeof appointmentAttendanceSchema>;

export type AttendanceCheck =
  | { ok: true; mark: Pick<AttendanceMark, "status" | "minutesAttended">; edit: boolean; changed: boolean }
  | { ok: false; problems: FieldError[] };

/**
 * An appointment's attendance under the group attendance rules: minutes within the session's
 * length (`minutesAttended` named when over), present meaning the whole session; a change to a
 * recorded mark is an edit and needs a `reason`. `changed` is false when it repeats the saved mark.
 */
export function checkAppointmentAttendance(
  input: AppointmentAttendanceInput,
  sessionMinutes: number,
  saved: Pick<AttendanceMark, "status" | "minutesAttended"> | null,
): AttendanceCheck {
  const mark = { status: input.status, minutesAttended: input.minutesAttended };
  const parsed = attendanceMarkSchema(sessionMinutes).safeParse(mark);
  if (!parsed.success) return { ok: false, problems: issuesOf(parsed.error) };
  const next = { status: parsed.data.status, minutesAttended: parsed.data.minutesAttended };
  if (saved === null) return { ok: true, mark: next, edit: false, changed: true };
  if (saved.status === next.status && saved.minutesAttended === next.minutesAttended) {
    return { ok: true, mark: next, edit: true, changed: false };
  }
  const edit = attendanceEditSchema(sessionMinutes).safeParse({ ...mark, reason: input.reason });
  if (!edit.success) return { ok: false, problems: issuesOf(edit.error) };
  return { ok: true, mark: next, edit: true, changed: true };
}

function issuesOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

// ---- over the API ---------------------------------------------------------------------------------

export const appointmentIdParamsSchema = z.object({ id: z.uuid("No such appointment.") });

const personSchema = z.object({ id: z.uuid(), name: z.string() });

export const appointmentSchema = z.object({
  id: z.uuid(),
  /** Shared by the sessions of one recurring booking; null for a one-off. */
  seriesId: z.uuid().nullable(),
  siteId: z.uuid(),
  participant: personSchema,
  kind: z.enum(APPOINTMENT_KINDS),
  staff: personSchema,
  room: personSchema.nullable(),
  location: z.string(),
  telehealth: z.boolean(),
  timeZone: z.string(),
  /** Local to `timeZone`. */
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  familyAttendees: z.array(
    z.object({ userId: z.uuid().nullable(), name: z.string(), relationship: z.string() }),
  ),
  status: z.enum(APPOINTMENT_STATUSES),
  cancelReason: z.string().nullable(),
  attendance: z.object({ status: z.enum(ATTENDANCE_STATUSES), minutesAttended: z.number().int() }).nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentListSchema = z.object({ appointments: z.array(appointmentSchema) });
export type AppointmentList = z.infer<typeof appointmentListSchema>;

export const CONFLICT_FIELDS = ["staffId", "roomId", "participantId", "start"] as const;
export const CONFLICT_SOURCES = ["staff", "room", "participant", "unavailability"] as const;

export const scheduleConflictSchema = z.object({
  /** The booking field to change: the staff member, the room, the participant or the time. */
  field: z.enum(CONFLICT_FIELDS),
  source: z.enum(CONFLICT_SOURCES),
  /** The proposed session that clashes: its local date and start. */
  date: z.string(),
  start: z.string(),
  /** What it clashes with, without clinical detail: "Dana Reyes has Adult evening group 18:00–21:00 on Tue 24 Nov". */
  message: z.string(),
  /** Only the participant's declared unavailability may be booked over (allowUnavailability). */
  overridable: z.boolean(),
});
export type ScheduleConflictView = z.infer<typeof scheduleConflictSchema>;

/** The 409 of a booking or a move that clashes: nothing was saved; each clash listed. */
export const scheduleConflictErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      conflicts: z.array(scheduleConflictSchema).optional(),
    }),
  })
  .describe("Error");
