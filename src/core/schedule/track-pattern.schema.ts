import { Temporal } from "temporal-polyfill";
import { z } from "zod";

/**
 * The vocabulary of a track's group series: the weekly pattern (which weekdays, from when to when),
 * the series that repeats it in one IANA time zone between two dates, and the exceptions that change
 * one occurrence (cancelled, moved, substitute facilitator) without touching the others.
 *
 * Times are local wall-clock times ("18:00") in the series' time zone; dates are calendar dates
 * ("2026-03-09"). Turning them into instants is the job of `recurrence.rules.ts`.
 */

/** A track repeats at most this many sessions a week (two a day, every day). */
export const MAX_SLOTS_PER_WEEK = 14;

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

/** Weekday names by ISO number (Monday = 1), for messages. */
export const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};

export const localDateSchema = z.iso.date("Use a date like 2026-11-23.");

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time on the 24-hour clock, to the minute: "09:00", "18:30". */
export const localTimeSchema = z
  .string({ message: "Use a time like 18:00 (24-hour clock)." })
  .regex(LOCAL_TIME, "Use a time like 18:00 (24-hour clock).");

export const isoWeekdaySchema = z
  .number({ message: "Choose a weekday from 1 (Monday) to 7 (Sunday)." })
  .int("Choose a weekday from 1 (Monday) to 7 (Sunday).")
  .min(1, "Choose a weekday from 1 (Monday) to 7 (Sunday).")
  .max(7, "Choose a weekday from 1 (Monday) to 7 (Sunday).")
  .transform((day) => day as IsoWeekday);

const END_AFTER_START = "The session must end after it starts.";

/** End after start, judged only when both are times (a malformed one has its own message). */
function endsAfterStart({ start, end }: { start: unknown; end: unknown }): boolean {
  const comparable =
    typeof start === "string" && typeof end === "string" && LOCAL_TIME.test(start) && LOCAL_TIME.test(end);
  return !comparable || end > start;
}

/** One weekly session: a weekday and local start and end on that day (a session never crosses midnight). */
export const weeklySlotSchema = z
  .object({ weekday: isoWeekdaySchema, start: localTimeSchema, end: localTimeSchema })
  .refine(endsAfterStart, { path: ["end"], message: END_AFTER_START });
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;

/** "Tuesday 18:00–21:00", for messages. */
export function describeSlot(slot: WeeklySlot): string {
  return `${WEEKDAY_NAMES[slot.weekday]} ${slot.start}–${slot.end}`;
}

/** Two sessions overlap when each starts before the other ends; back-to-back sessions do not. */
function overlaps(a: WeeklySlot, b: WeeklySlot): boolean {
  const wellFormed = [a, b].every((slot) => LOCAL_TIME.test(slot.start) && slot.start < slot.end);
  return wellFormed && a.weekday === b.weekday && a.start < b.end && b.start < a.end;
}

/** A track's weekly pattern, e.g. Mon/Tue/Thu 18:00–21:00: its sessions in any order, none overlapping. */
export const weeklyPatternSchema = z
  .object({
    slots: z
      .array(weeklySlotSchema, { message: "List the weekly sessions." })
      .min(1, "Add at least one weekly session.")
      .max(MAX_SLOTS_PER_WEEK, `A track has at most ${MAX_SLOTS_PER_WEEK} sessions a week.`),
  })
  .superRefine((pattern, ctx) => {
    pattern.slots.forEach((slot, index) => {
      const earlier = pattern.slots.slice(0, index).find((other) => overlaps(other, slot));
      if (earlier) {
        ctx.addIssue({
          code: "custom",
          path: ["slots", index, "start"],
          message: `This session overlaps the ${describeSlot(earlier)} session.`,
        });
      }
    });
  });
export type WeeklyPattern = z.infer<typeof weeklyPatternSchema>;

/**
 * Whether `zone` names a time zone Temporal knows (IANA names and their aliases, any letter case).
 * Fixed offsets such as "+05:00" are refused: a series needs a zone's rules to follow its DST changes.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z]/.test(zone)) return null;
  try {
    return new Temporal.ZonedDateTime(0n, zone).timeZoneId;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string({ message: "Choose a time zone such as America/New_York." })
  .trim()
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) {
      ctx.addIssue({
        code: "custom",
        message: `“${zone}” is not a time zone. Choose one such as America/New_York.`,
      });
      return z.NEVER;
    }
    return canonical;
  });

/**
 * A group series: the weekly pattern repeated in `timeZone` from `startsOn` through `endsOn`
 * (inclusive; null while the track runs on).
 */
export const seriesSchema = z
  .object({
    timeZone: timeZoneSchema,
    startsOn: localDateSchema,
    endsOn: localDateSchema.nullable(),
    pattern: weeklyPatternSchema,
  })
  .refine((series) => series.endsOn === null || series.endsOn >= series.startsOn, {
    path: ["endsOn"],
    message: "The series cannot end before it starts.",
  });
export type Series = z.infer<typeof seriesSchema>;

export const EXCEPTION_KINDS = ["cancelled", "moved", "substitute"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const exceptionKindSchema = z.enum(EXCEPTION_KINDS, {
  message: "Choose cancelled, moved or substitute.",
});

/** Which occurrence an exception changes: its original local date and its slot's start time. */
export const occurrenceRefSchema = z.object(
  { date: localDateSchema, start: localTimeSchema },
  { message: "Choose the session this changes: its date and start time." },
);
export type OccurrenceRef = z.infer<typeof occurrenceRefSchema>;

/** Where a moved occurrence takes place instead: any date, local start and end in the series' zone. */
export const movedToSchema = z
  .object(
    { date: localDateSchema, start: localTimeSchema, end: localTimeSchema },
    { message: "Say where the session moves: a date, a start and an end." },
  )
  .refine(endsAfterStart, { path: ["end"], message: END_AFTER_START });

const reasonSchema = z
  .string({ message: "Say why, in a few words." })
  .trim()
  .min(1, "Say why, in a few words.")
  .max(500, "Keep the reason under 500 characters.");

export const seriesExceptionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("cancelled"), on: occurrenceRefSchema, reason: reasonSchema }),
    z.object({
      kind: z.literal("moved"),
      on: occurrenceRefSchema,
      reason: reasonSchema,
      movedTo: movedToSchema,
    }),
    z.object({
      kind: z.literal("substitute"),
      on: occurrenceRefSchema,
      reason: reasonSchema,
      facilitatorIds: z
        .array(z.uuid("Choose a staff member."), { message: "Choose who runs the session instead." })
        .min(1, "Choose who runs the session instead.")
        .max(10, "Choose at most 10 facilitators.")
        .refine((ids) => new Set(ids).size === ids.length, "A facilitator is listed twice."),
    }),
  ],
  { message: "Choose cancelled, moved or substitute." },
);
export type SeriesException = z.infer<typeof seriesExceptionSchema>;

/** The stable key of an occurrence: its ORIGINAL local date and slot start, "2026-03-09T18:00". */
export function occurrenceKey(on: OccurrenceRef): string {
  return `${on.date}T${on.start}`;
}

/** A series' exceptions: at most one per occurrence (a moved session keeps its original key). */
export const seriesExceptionsSchema = z
  .array(seriesExceptionSchema)
  .max(2000, "A series has at most 2,000 exceptions.")
  .superRefine((exceptions, ctx) => {
    const seen = new Set<string>();
    exceptions.forEach((exception, index) => {
      const key = occurrenceKey(exception.on);
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "on"],
          message: `The session of ${exception.on.date} at ${exception.on.start} already has an exception.`,
        });
      }
      seen.add(key);
    });
  });
