import { z } from "zod";
import type { FieldError } from "../platform/errors";
import { MINUTES_PER_DAY } from "./program-hours.schema";

/**
 * Attendance at one session occurrence: a status, the minutes attended, whether they joined by
 * telehealth, and a note. Minutes are whole numbers checked against the session's length, which the
 * caller passes (it is a property of the occurrence, not of the mark). Changing a saved mark is an
 * edit after the fact and needs a reason, for the audit trail.
 */

export const ATTENDANCE_STATUSES = [
  "present",
  "late",
  "left_early",
  "absent_excused",
  "absent_unexcused",
  "cancelled_by_program",
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES, {
  message:
    "Choose present, late, left early, absent (excused), absent (unexcused) or cancelled by the program.",
});

/** The status in plain words, for reasons and notes (the web dictionaries have their own labels). */
export const STATUS_WORDS: Record<AttendanceStatus, string> = {
  present: "present",
  late: "late",
  left_early: "left early",
  absent_excused: "absent (excused)",
  absent_unexcused: "absent (unexcused)",
  cancelled_by_program: "cancelled by the program",
};

/** Statuses in which the participant was there for all or part of the session. */
export const ATTENDED_STATUSES = [
  "present",
  "late",
  "left_early",
] as const satisfies readonly AttendanceStatus[];
/** Attended for part of the session only. */
export const PARTIAL_STATUSES = ["late", "left_early"] as const satisfies readonly AttendanceStatus[];

export function isAttended(status: AttendanceStatus): boolean {
  return (ATTENDED_STATUSES as readonly AttendanceStatus[]).includes(status);
}

export function isPartial(status: AttendanceStatus): boolean {
  return (PARTIAL_STATUSES as readonly AttendanceStatus[]).includes(status);
}

export const NOTE_MAX = 500;
export const EDIT_REASON_MAX = 500;

/** A session lasts from 1 minute to a day; the caller's length is a contract, not user input. */
function checkSessionMinutes(sessionMinutes: number): void {
  if (!Number.isInteger(sessionMinutes) || sessionMinutes < 1 || sessionMinutes > MINUTES_PER_DAY)
    throw new RangeError(
      `A session lasts a whole number of minutes from 1 to ${MINUTES_PER_DAY}, not ${sessionMinutes}.`,
    );
}

function markShape(sessionMinutes: number) {
  return {
    status: attendanceStatusSchema,
    /** Optional in the input: present defaults to the whole session, an absence to 0. */
    minutesAttended: z
      .number({ message: "Enter the minutes attended as a number." })
      .int("Use a whole number of minutes.")
      .min(0, "Minutes attended cannot be negative.")
      .max(sessionMinutes, `Minutes attended cannot be more than the session's ${sessionMinutes} minutes.`)
      .optional(),
    telehealth: z.boolean({ message: "Telehealth is yes or no." }).default(false),
    note: z
      .string({ message: "The note is text." })
      .trim()
      .max(NOTE_MAX, `Use at most ${NOTE_MAX} characters.`)
      .nullish()
      .transform((note) => (note ? note : null)),
  };
}

type MarkFields = z.output<z.ZodObject<ReturnType<typeof markShape>>>;

/**
 * The rules between status and minutes. Each runs only when the minutes passed their own checks, so
 * a field gets one message.
 */
function checkMark(mark: MarkFields, sessionMinutes: number, ctx: z.RefinementCtx): void {
  const minutes = mark.minutesAttended;
  const minutesOk =
    minutes === undefined || (Number.isInteger(minutes) && minutes >= 0 && minutes <= sessionMinutes);
  const problem = (path: "minutesAttended" | "telehealth", message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });
  const status = mark.status;
  if (!ATTENDANCE_STATUSES.includes(status)) return;

  if (minutesOk) {
    if (status === "present" && minutes !== undefined && minutes !== sessionMinutes) {
      problem(
        "minutesAttended",
        `Present means the whole session (${sessionMinutes} minutes). For fewer minutes, mark them late or left early.`,
      );
    } else if (isPartial(status)) {
      const word = status === "late" ? "Late" : "Left early";
      if (minutes === undefined) {
        problem("minutesAttended", `${word} means part of the session: enter the minutes attended.`);
      } else if (minutes === 0) {
        problem(
          "minutesAttended",
          `${word} means they attended part of the session: enter at least 1 minute, or mark them absent.`,
        );
      } else if (minutes === sessionMinutes) {
        problem(
          "minutesAttended",
          `${word} means fewer than the session's ${sessionMinutes} minutes. For the whole session, mark them present.`,
        );
      }
    } else if (!isAttended(status) && minutes !== undefined && minutes !== 0) {
      problem(
        "minutesAttended",
        status === "cancelled_by_program"
          ? "A session the program cancelled has no minutes attended."
          : "An absence has no minutes attended: enter 0, or mark them late or left early.",
      );
    }
  }
  if (!isAttended(status) && mark.telehealth) {
    problem("telehealth", "Telehealth applies only when they attended.");
  }
}

function completeMark(mark: MarkFields, sessionMinutes: number) {
  return {
    status: mark.status,
    minutesAttended: mark.minutesAttended ?? (mark.status === "present" ? sessionMinutes : 0),
    telehealth: mark.telehealth,
    note: mark.note,
  };
}

/** A first mark for one participant at a session of `sessionMinutes`. */
export function attendanceMarkSchema(sessionMinutes: number) {
  checkSessionMinutes(sessionMinutes);
  return z
    .object(markShape(sessionMinutes))
    .superRefine((mark, ctx) => checkMark(mark, sessionMinutes, ctx))
    .transform((mark) => completeMark(mark, sessionMinutes));
}
export type AttendanceMarkInput = z.input<ReturnType<typeof attendanceMarkSchema>>;
/** A complete mark: minutes always set. */
export type AttendanceMark = z.output<ReturnType<typeof attendanceMarkSchema>>;

export const editReasonSchema = z
  .string({ message: "Say why the attendance is being changed." })
  .trim()
  .min(3, "Say why the attendance is being changed.")
  .max(EDIT_REASON_MAX, `Use at most ${EDIT_REASON_MAX} characters.`);

/**
 * A change to a mark already saved (an edit after the fact): the new mark, under the same rules, and
 * the reason, which goes to the audit entry with the before and after.
 */
export function attendanceEditSchema(sessionMinutes: number) {
  checkSessionMinutes(sessionMinutes);
  return z
    .object({ ...markShape(sessionMinutes), reason: editReasonSchema })
    .superRefine((edit, ctx) => checkMark(edit, sessionMinutes, ctx))
    .transform((edit) => ({ ...completeMark(edit, sessionMinutes), reason: edit.reason }));
}
export type AttendanceEditInput = z.input<ReturnType<typeof attendanceEditSchema>>;
export type AttendanceEdit = z.output<ReturnType<typeof attendanceEditSchema>>;

/** One participant expected at the session (from enrollment or the appointment). */
export interface RosterEntry {
  participantId: string;
  /** They join this session by video (the roster may know it from the track or the appointment). */
  telehealth?: boolean;
}

export interface RosterMark {
  participantId: string;
  mark: AttendanceMark;
}

/** The first step of taking attendance: everyone on the roster present for the whole session. */
export function markAllPresent(roster: readonly RosterEntry[], sessionMinutes: number): RosterMark[] {
  checkSessionMinutes(sessionMinutes);
  const seen = new Set<string>();
  return roster.map((entry) => {
    if (seen.has(entry.participantId))
      throw new RangeError(`Participant ${entry.participantId} is on the roster twice.`);
    seen.add(entry.participantId);
    return {
      participantId: entry.participantId,
      mark: {
        status: "present",
        minutesAttended: sessionMinutes,
        telehealth: entry.telehealth ?? false,
        note: null,
      },
    };
  });
}

/** An exception to "all present": one participant's mark, under the same rules as any mark. */
export type AttendanceException = AttendanceMarkInput & { participantId: string };

export type ApplyExceptionsResult = { ok: true; marks: RosterMark[] } | { ok: false; problems: FieldError[] };

/**
 * The second step: the exceptions replace their participants' marks; everyone else keeps theirs.
 * All or nothing — any problem and no mark changes. Problem paths are relative to the exceptions
 * list (`2.minutesAttended`). Telehealth, when an exception leaves it out, carries over from the
 * current mark for an attended status and is off for an absence.
 */
export function applyExceptions(
  marks: readonly RosterMark[],
  exceptions: readonly AttendanceException[],
  sessionMinutes: number,
): ApplyExceptionsResult {
  const schema = attendanceMarkSchema(sessionMinutes);
  const current = new Map(marks.map((m) => [m.participantId, m.mark]));
  const replaced = new Map<string, AttendanceMark>();
  const problems: FieldError[] = [];

  exceptions.forEach((exception, index) => {
    const { participantId, ...input } = exception;
    const before = current.get(participantId);
    if (!before) {
      problems.push({
        path: `${index}.participantId`,
        message: "This participant is not on the session's roster.",
      });
      return;
    }
    if (replaced.has(participantId)) {
      problems.push({
        path: `${index}.participantId`,
        message: "This participant has two exceptions: keep one.",
      });
      return;
    }
    const attended = ATTENDANCE_STATUSES.includes(input.status) && isAttended(input.status);
    const parsed = schema.safeParse({
      ...input,
      telehealth: input.telehealth ?? (attended ? before.telehealth : false),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ path: [index, ...issue.path].join("."), message: issue.message });
      return;
    }
    replaced.set(participantId, parsed.data);
  });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    marks: marks.map((m) => ({
      participantId: m.participantId,
      mark: replaced.get(m.participantId) ?? m.mark,
    })),
  };
}
