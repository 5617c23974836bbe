import { Temporal } from "temporal-polyfill";
import { addDays, daysBetween } from "../platform/dates";
import type { FieldError } from "../platform/errors";
import {
  MAX_APPOINTMENT_OCCURRENCES,
  occurrenceCount,
  type Recurrence,
  type ScheduleConflictView,
} from "./appointment.schema";
import { checkLocalTimeExists, expandSeries, isoWeekdayOf } from "./recurrence.rules";
import type { IsoWeekday } from "./track-pattern.schema";

/**
 * Conflict checks for individual and family sessions, pure. The caller expands the proposed
 * sessions in the site's zone (`expandAppointmentTimes`), reads what is already busy (the staff
 * member's, the room's and the participant's other sessions, and the participant's declared
 * unavailability) as instants with a human label, and asks `findConflicts`.
 *
 * Decisions (each has a test in conflicts.rules.test.ts):
 * - **Wall time is kept** across DST for a weekly series, as for group series (the same
 *   `expandSeries`): a 10:00 session stays 10:00 local, its instant moves.
 * - **A local time that does not exist** (spring forward) is an error naming `start` (or `end`),
 *   never shifted; an ambiguous one (fall back) means the earlier instant.
 * - **Back-to-back is not a conflict**: two sessions clash when each starts before the other ends.
 * - **Labels carry no clinical detail**: a track's name, "an individual session", a reason category
 *   (never the note); another participant is never named.
 */

export interface ProposedSession {
  /** Local date and times in the site's zone. */
  date: string;
  start: string;
  end: string;
  /** UTC instants, e.g. "2026-11-24T15:00:00.000Z". */
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
}

export type ExpandResult = { ok: true; sessions: ProposedSession[] } | { ok: false; problems: FieldError[] };

/**
 * The sessions of a booking in `zone`: the first on `date` from `start` to `end`, then every
 * `recurrence.everyWeeks` weeks. Problems name `end` (not after the start), `start`/`end` (a local
 * time that does not exist that day; one problem per date) or `recurrence.until` (too many).
 */
export function expandAppointmentTimes(
  zone: string,
  when: { date: string; start: string; end: string; recurrence: Recurrence | null },
): ExpandResult {
  const { date, start, end, recurrence } = when;
  if (!(end > start))
    return { ok: false, problems: [{ path: "end", message: "The session must end after it starts." }] };
  const count = occurrenceCount(date, recurrence);
  if (count < 1 || count > MAX_APPOINTMENT_OCCURRENCES) {
    return {
      ok: false,
      problems: [
        {
          path: recurrence?.until !== undefined ? "recurrence.until" : "recurrence.count",
          message: `Book from 1 to ${MAX_APPOINTMENT_OCCURRENCES} sessions at a time.`,
        },
      ],
    };
  }
  const step = 7 * (recurrence?.everyWeeks ?? 1);
  const last = addDays(date, (count - 1) * step);
  const weekday: IsoWeekday = isoWeekdayOf(date);
  const occurrences = expandSeries(
    { timeZone: zone, startsOn: date, endsOn: last, pattern: { slots: [{ weekday, start, end }] } },
    [],
    date,
    last,
  ).filter((o) => daysBetween(date, o.date) % step === 0);

  const problems: FieldError[] = [];
  const sessions: ProposedSession[] = [];
  for (const o of occurrences) {
    if (o.problem === null) {
      sessions.push({
        date: o.date,
        start,
        end,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        durationMinutes: o.durationMinutes,
      });
      continue;
    }
    const startProblem = checkLocalTimeExists(zone, o.date, start);
    const endProblem = startProblem === null ? checkLocalTimeExists(zone, o.date, end) : null;
    problems.push(
      startProblem !== null
        ? { path: "start", message: startProblem }
        : { path: "end", message: endProblem ?? `${end} does not exist on ${o.date} in ${zone}.` },
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, sessions };
}

// ---- busy time --------------------------------------------------------------------------------------

export type BusySource = ScheduleConflictView["source"];
export type ConflictField = ScheduleConflictView["field"];
export type ScheduleConflict = ScheduleConflictView;

/** Something already taking a person's or a room's time, with a label fit to show the booker. */
export interface BusyInterval {
  source: BusySource;
  /** UTC instants (ISO 8601). */
  startsAt: string;
  endsAt: string;
  /** Who or what is busy and with what, e.g. "Dana Reyes has Adult evening group". */
  label: string;
}

/** A participant's weekly window of unavailability, in the site's local time. */
export interface UnavailabilityWindow {
  weekday: number;
  start: string;
  end: string;
  /** E.g. "Robin is unavailable (work)". */
  label: string;
}

function instantOfLocal(zone: string, date: string, time: string): Temporal.Instant {
  // A window's edge in a spring-forward gap moves forward, so the window still covers the gap.
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(zone, { disambiguation: "compatible" })
    .toInstant();
}

/** The weekly windows as busy intervals on each of `dates` (local dates in `zone`). */
export function unavailabilityIntervals(
  zone: string,
  windows: readonly UnavailabilityWindow[],
  dates: readonly string[],
): BusyInterval[] {
  const busy: BusyInterval[] = [];
  for (const date of new Set(dates)) {
    const weekday = isoWeekdayOf(date);
    for (const window of windows) {
      if (window.weekday !== weekday) continue;
      const startsAt = instantOfLocal(zone, date, window.start);
      const endsAt = instantOfLocal(zone, date, window.end);
      if (Temporal.Instant.compare(endsAt, startsAt) <= 0) continue;
      busy.push({
        source: "unavailability",
        startsAt: startsAt.toString(),
        endsAt: endsAt.toString(),
        label: window.label,
      });
    }
  }
  return busy;
}

// ---- words -------------------------------------------------------------------------------------------

const SHORT_WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Tue 24 Nov" for 2026-11-24. */
export function formatShortDate(date: string): string {
  const month = SHORT_MONTHS[Number(date.slice(5, 7)) - 1];
  return `${SHORT_WEEKDAYS[isoWeekdayOf(date)]} ${Number(date.slice(8, 10))} ${month}`;
}

/** An interval's local date, times and length in `zone`. */
export function localTimesOf(
  zone: string,
  startsAt: string,
  endsAt: string,
): { date: string; start: string; end: string; durationMinutes: number } {
  const from = Temporal.Instant.from(startsAt);
  const to = Temporal.Instant.from(endsAt);
  const localFrom = from.toZonedDateTimeISO(zone);
  return {
    date: localFrom.toPlainDate().toString(),
    start: localFrom.toPlainTime().toString({ smallestUnit: "minute" }),
    end: to.toZonedDateTimeISO(zone).toPlainTime().toString({ smallestUnit: "minute" }),
    durationMinutes: Math.round((to.epochMilliseconds - from.epochMilliseconds) / 60_000),
  };
}

// ---- conflicts ---------------------------------------------------------------------------------------

const FIELD_OF: Record<BusySource, ConflictField> = {
  staff: "staffId",
  room: "roomId",
  participant: "participantId",
  unavailability: "start",
};
const FIELD_ORDER: Record<ConflictField, number> = { staffId: 0, roomId: 1, participantId: 2, start: 3 };

/**
 * Every proposed session that overlaps a busy interval, one conflict per pair, in order of the
 * proposed sessions, then staff, room, participant, unavailability. Times in messages are local to
 * `zone` (the booking's site): "Dana Reyes has Adult evening group 18:00–21:00 on Tue 24 Nov".
 * Only the participant's declared unavailability is `overridable`.
 */
export function findConflicts(
  zone: string,
  proposed: readonly ProposedSession[],
  busy: readonly BusyInterval[],
): ScheduleConflict[] {
  const intervals = busy.map((b) => ({
    busy: b,
    from: Temporal.Instant.from(b.startsAt).epochMilliseconds,
    to: Temporal.Instant.from(b.endsAt).epochMilliseconds,
  }));
  const found: { conflict: ScheduleConflict; at: number; busyFrom: number }[] = [];
  for (const session of proposed) {
    const from = Temporal.Instant.from(session.startsAt).epochMilliseconds;
    const to = Temporal.Instant.from(session.endsAt).epochMilliseconds;
    for (const interval of intervals) {
      if (!(interval.from < to && from < interval.to)) continue;
      const { busy: b } = interval;
      const local = localTimesOf(zone, b.startsAt, b.endsAt);
      found.push({
        at: from,
        busyFrom: interval.from,
        conflict: {
          field: FIELD_OF[b.source],
          source: b.source,
          date: session.date,
          start: session.start,
          message: `${b.label} ${local.start}–${local.end} on ${formatShortDate(local.date)}`,
          overridable: b.source === "unavailability",
        },
      });
    }
  }
  found.sort(
    (a, b) =>
      a.at - b.at || FIELD_ORDER[a.conflict.field] - FIELD_ORDER[b.conflict.field] || a.busyFrom - b.busyFrom,
  );
  return found.map((f) => f.conflict);
}
