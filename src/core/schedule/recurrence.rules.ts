import { Temporal } from "temporal-polyfill";
import { fromDayNumber, toDayNumber } from "../platform/dates";
import type { FieldError } from "../platform/errors";
import {
  type IsoWeekday,
  type OccurrenceRef,
  occurrenceKey,
  type Series,
  type SeriesException,
  WEEKDAY_NAMES,
  type WeeklySlot,
} from "./track-pattern.schema";

/**
 * Expanding a group series into its occurrences, in the series' IANA time zone.
 *
 * Decisions (each has a test in recurrence.rules.test.ts):
 * - **Wall time is kept.** An 18:00 session is at 18:00 local on every date, before and after a DST
 *   change; its UTC instant moves by the change instead.
 * - **Duration is real elapsed time.** `durationMinutes` is the difference of the two instants, so a
 *   01:30–03:30 session is 60 minutes on the spring-forward night and 180 minutes on the fall-back
 *   night. Attendance minutes and weekly hours count time actually spent in the room.
 * - **Ambiguous times take the earlier instant.** On the fall-back night 01:30 happens twice; a start
 *   or end at 01:30 means the first one (daylight time), when the wall clock first shows it.
 * - **Nonexistent times are flagged, never shifted.** When a start or end falls in a spring-forward
 *   gap (02:30 on 2026-03-08 in New York), the occurrence carries `problem: "nonexistent_local_time"`
 *   and no instants: staff move or cancel it. Forms refuse such one-off times with
 *   `checkLocalTimeExists`.
 * - **A moved occurrence appears on the date it moved to**, keeping its original key; a cancelled
 *   one appears on its original date with status "cancelled", so calendars can say why.
 */

export const OCCURRENCE_STATUSES = ["scheduled", "cancelled", "moved"] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export const OCCURRENCE_PROBLEMS = ["nonexistent_local_time"] as const;
export type OccurrenceProblem = (typeof OCCURRENCE_PROBLEMS)[number];

interface OccurrenceCore {
  /** The stable key of the ORIGINAL occurrence, "2026-03-09T18:00": exceptions and attendance use it. */
  key: string;
  /** The weekly slot that generated it and the date it was generated for. */
  slot: WeeklySlot;
  originalDate: string;
  /** Where it takes place, local to the series' zone (the moved-to date and times when moved). */
  date: string;
  start: string;
  end: string;
  status: OccurrenceStatus;
  /** The exception applied to this occurrence, if any (a substitute leaves the status "scheduled"). */
  exception: SeriesException | null;
}

/** Instants exist only when both local times exist in the zone on that date. */
type OccurrenceTiming =
  | {
      problem: null;
      /** UTC instants, e.g. "2026-03-09T22:00:00.000Z". */
      startsAt: string;
      endsAt: string;
      /** Real elapsed minutes between the two instants. */
      durationMinutes: number;
    }
  | { problem: OccurrenceProblem; startsAt: null; endsAt: null; durationMinutes: null };

export type Occurrence = OccurrenceCore & OccurrenceTiming;

// ---- calendar dates ------------------------------------------------------------------------------

/** ISO weekday of a day number (days since 1970-01-01, a Thursday). */
function weekdayOfDay(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** ISO weekday of a calendar date: Monday = 1 … Sunday = 7. */
export function isoWeekdayOf(date: string): IsoWeekday {
  return weekdayOfDay(toDayNumber(date));
}

/** The ISO week (Monday to Sunday) that contains `date`. */
export function weekOf(date: string): { monday: string; sunday: string } {
  const day = toDayNumber(date);
  const monday = day - (weekdayOfDay(day) - 1);
  return { monday: fromDayNumber(monday), sunday: fromDayNumber(monday + 6) };
}

// ---- local times in a zone -----------------------------------------------------------------------

function hhmm(time: Temporal.PlainTime): string {
  return time.toString({ smallestUnit: "minute" });
}

/**
 * For forms: null when the local `time` exists on `date` in `zone` (all three already validated),
 * otherwise a message saying why not, e.g. "02:30 does not exist on 2026-03-08 in America/New_York:
 * the clocks go forward from 02:00 to 03:00. Choose another time." An ambiguous time (fall back)
 * exists: it means the earlier of its two instants.
 */
export function checkLocalTimeExists(zone: string, date: string, time: string): string | null {
  const wall = Temporal.PlainDateTime.from(`${date}T${time}`);
  const earlier = wall.toZonedDateTime(zone, { disambiguation: "earlier" });
  // In a gap, "earlier" moves the wall time back by the gap's length: that is how we see the gap.
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0) return null;
  const transition = earlier.getTimeZoneTransition("next");
  if (transition === null) {
    return `${time} does not exist on ${date} in ${zone}: the clocks go forward then. Choose another time.`;
  }
  const gapMinutes = (transition.offsetNanoseconds - earlier.offsetNanoseconds) / 60e9;
  const gapEnd = transition.toPlainTime();
  return (
    `${time} does not exist on ${date} in ${zone}: the clocks go forward from ` +
    `${hhmm(gapEnd.subtract({ minutes: gapMinutes }))} to ${hhmm(gapEnd)}. Choose another time.`
  );
}

// ---- the series ----------------------------------------------------------------------------------

/** The slot that generates the occurrence `on`, or null when the series has no session then. */
export function findSlotOfOccurrence(series: Series, on: OccurrenceRef): WeeklySlot | null {
  if (on.date < series.startsOn || (series.endsOn !== null && on.date > series.endsOn)) return null;
  const weekday = isoWeekdayOf(on.date);
  return series.pattern.slots.find((slot) => slot.weekday === weekday && slot.start === on.start) ?? null;
}

/**
 * Whether an exception fits its series: it names an occurrence the series has, and a move goes to
 * local times that exist and differ from the original. Field errors name the exception's fields.
 */
export function checkExceptionAgainstSeries(series: Series, exception: SeriesException): FieldError[] {
  const { on } = exception;
  if (on.date < series.startsOn || (series.endsOn !== null && on.date > series.endsOn)) {
    const runs =
      series.endsOn === null ? `from ${series.startsOn}` : `from ${series.startsOn} to ${series.endsOn}`;
    return [{ path: "on.date", message: `The series runs ${runs}; ${on.date} is outside it.` }];
  }
  const slot = findSlotOfOccurrence(series, on);
  if (slot === null) {
    const weekday = WEEKDAY_NAMES[isoWeekdayOf(on.date)];
    return [
      { path: "on.start", message: `This track has no session on ${weekday} ${on.date} at ${on.start}.` },
    ];
  }
  if (exception.kind !== "moved") return [];
  const { movedTo } = exception;
  if (movedTo.date === on.date && movedTo.start === slot.start && movedTo.end === slot.end) {
    return [{ path: "movedTo.date", message: "Choose another date or time to move the session to." }];
  }
  const errors: FieldError[] = [];
  const startProblem = checkLocalTimeExists(series.timeZone, movedTo.date, movedTo.start);
  if (startProblem) errors.push({ path: "movedTo.start", message: startProblem });
  const endProblem = checkLocalTimeExists(series.timeZone, movedTo.date, movedTo.end);
  if (endProblem) errors.push({ path: "movedTo.end", message: endProblem });
  return errors;
}

// ---- instants --------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * A zone's UTC offsets over a span of days, read from Temporal once per expansion (a year in New
 * York is three entries): `offsetMs[i]` applies from the instant `fromMs[i]` until `fromMs[i + 1]`.
 * Resolving each occurrence against this table instead of asking Temporal per occurrence keeps a
 * year of 18 tracks in milliseconds; the tests check it against Temporal's own resolution.
 */
interface ZoneOffsets {
  fromMs: number[];
  offsetMs: number[];
}

function zoneOffsets(zone: string, firstDay: number, lastDay: number): ZoneOffsets {
  // A day of margin either side: a local day starts up to 14 hours away from its UTC day.
  const at = Temporal.Instant.fromEpochMilliseconds((firstDay - 1) * DAY_MS).toZonedDateTimeISO(zone);
  const table: ZoneOffsets = { fromMs: [Number.NEGATIVE_INFINITY], offsetMs: [at.offsetNanoseconds / 1e6] };
  const endMs = (lastDay + 2) * DAY_MS;
  for (
    let next = at.getTimeZoneTransition("next");
    next !== null && next.epochMilliseconds < endMs;
    next = next.getTimeZoneTransition("next")
  ) {
    table.fromMs.push(next.epochMilliseconds);
    table.offsetMs.push(next.offsetNanoseconds / 1e6);
  }
  return table;
}

/** Minutes since midnight of a validated "HH:MM". */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The instant (epoch milliseconds) at which the wall clock shows a local time, given as the epoch
 * milliseconds of the same wall time in UTC: the earliest when it shows it twice (fall back), null
 * when it never does (spring forward). Segments are in time order, so the first one that holds its
 * candidate holds the earliest.
 */
function instantOf(offsets: ZoneOffsets, wallMs: number): number | null {
  const { fromMs, offsetMs } = offsets;
  for (let i = 0; i < fromMs.length; i++) {
    const candidate = wallMs - offsetMs[i]!;
    if (candidate >= fromMs[i]! && (i + 1 === fromMs.length || candidate < fromMs[i + 1]!)) return candidate;
  }
  return null;
}

// ---- formatting -----------------------------------------------------------------------------------
// Formatting dates and instants is most of an expansion's cost: date names are memoised per
// expansion and whole-minute instants are written directly (same text as Date#toISOString).

type DayNames = (day: number) => string;

function dayNames(): DayNames {
  const names = new Map<number, string>();
  return (day) => {
    let name = names.get(day);
    if (name === undefined) {
      name = fromDayNumber(day);
      names.set(day, name);
    }
    return name;
  };
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));

function isoInstant(ms: number, dayName: DayNames): string {
  const day = Math.floor(ms / DAY_MS);
  const minute = (ms - day * DAY_MS) / MINUTE_MS;
  if (!Number.isInteger(minute)) return new Date(ms).toISOString();
  return `${dayName(day)}T${TWO_DIGITS[Math.floor(minute / 60)]}:${TWO_DIGITS[minute % 60]}:00.000Z`;
}

// ---- expansion ------------------------------------------------------------------------------------

/** An occurrence found before its times are resolved; `day` is the day number of the date it takes place. */
interface Pending {
  slot: WeeklySlot;
  originalDate: string;
  exception: SeriesException | null;
  day: number;
}

function occurrence(
  offsets: ZoneOffsets,
  dayName: DayNames,
  { slot, originalDate, exception, day }: Pending,
): Occurrence {
  const key = occurrenceKey({ date: originalDate, start: slot.start });
  const movedTo = exception?.kind === "moved" ? exception.movedTo : null;
  const status: OccurrenceStatus = movedTo
    ? "moved"
    : exception?.kind === "cancelled"
      ? "cancelled"
      : "scheduled";
  const { date, start, end } = movedTo ?? { date: originalDate, start: slot.start, end: slot.end };
  const startMs = instantOf(offsets, day * DAY_MS + minutesOf(start) * MINUTE_MS);
  const endMs = startMs === null ? null : instantOf(offsets, day * DAY_MS + minutesOf(end) * MINUTE_MS);
  if (startMs === null || endMs === null) {
    const problem = "nonexistent_local_time";
    return { key, slot, originalDate, date, start, end, status, exception, problem, ...NO_TIMES };
  }
  return {
    key,
    slot,
    originalDate,
    date,
    start,
    end,
    status,
    exception,
    problem: null,
    startsAt: isoInstant(startMs, dayName),
    endsAt: isoInstant(endMs, dayName),
    durationMinutes: Math.round((endMs - startMs) / MINUTE_MS),
  };
}

const NO_TIMES = { startsAt: null, endsAt: null, durationMinutes: null } as const;

/**
 * The occurrences of `series` that take place from `from` through `to` (calendar dates, inclusive),
 * in order of local date and start, with `exceptions` applied. An exception that names no occurrence
 * of the series is ignored (`checkExceptionAgainstSeries` refuses it when it is saved).
 */
export function expandSeries(
  series: Series,
  exceptions: readonly SeriesException[],
  from: string,
  to: string,
): Occurrence[] {
  const byKey = new Map(exceptions.map((exception) => [occurrenceKey(exception.on), exception]));
  const slotsByWeekday: WeeklySlot[][] = Array.from({ length: 8 }, () => []);
  for (const slot of series.pattern.slots) slotsByWeekday[slot.weekday]!.push(slot);
  for (const slots of slotsByWeekday) slots.sort((a, b) => compare(a.start, b.start));

  const dayName = dayNames();
  const pending: Pending[] = [];
  const first = toDayNumber(from > series.startsOn ? from : series.startsOn);
  const last = toDayNumber(series.endsOn !== null && series.endsOn < to ? series.endsOn : to);
  let firstDay = first;
  let lastDay = last;
  for (let day = first; day <= last; day++) {
    const slots = slotsByWeekday[weekdayOfDay(day)]!;
    if (slots.length === 0) continue;
    const originalDate = dayName(day);
    for (const slot of slots) {
      const exception = byKey.get(occurrenceKey({ date: originalDate, start: slot.start })) ?? null;
      if (exception?.kind === "moved") continue; // it appears on the date it moved to, below
      pending.push({ slot, originalDate, exception, day });
    }
  }
  for (const exception of byKey.values()) {
    if (exception.kind !== "moved" || exception.movedTo.date < from || exception.movedTo.date > to) continue;
    const slot = findSlotOfOccurrence(series, exception.on);
    if (slot === null) continue;
    const movedDay = toDayNumber(exception.movedTo.date);
    pending.push({ slot, originalDate: exception.on.date, exception, day: movedDay });
    firstDay = Math.min(firstDay, movedDay);
    lastDay = Math.max(lastDay, movedDay);
  }
  if (pending.length === 0) return [];
  const offsets = zoneOffsets(series.timeZone, firstDay, lastDay);
  return pending.map((item) => occurrence(offsets, dayName, item)).sort(byLocalStart);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byLocalStart(a: Occurrence, b: Occurrence): number {
  return compare(a.date, b.date) || compare(a.start, b.start) || compare(a.key, b.key);
}
