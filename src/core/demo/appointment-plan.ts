import { addDays, toDayNumber } from "../platform/dates";
import type { AppointmentKind } from "../schedule/appointment.schema";
import { expandSeries } from "../schedule/recurrence.rules";
import type { IsoWeekday } from "../schedule/track-pattern.schema";
import type { UnavailabilityReason } from "../schedule/unavailability.schema";
import { type AttendanceStyle, planSessionOutcomes, type SessionOutcome } from "./attendance-styles";
import { DEMO_SITES, DEMO_TRACKS } from "./demo-plan";
import { FAMILY_ROOM, facilitatedTrack } from "./demo-sessions";
import { FAMILY_NAMES_EN, FAMILY_NAMES_ES, GIVEN_NAMES_EN, GIVEN_NAMES_ES } from "./names";
import type { Random } from "./random";

/**
 * The demo's individual and family sessions, and the weekly times participants have declared they
 * cannot come. Each booking takes a time that is free for the counselor (their groups and other
 * sessions), the participant (their track's groups, their declared unavailability, their other
 * sessions) and the room: a shared book of weekly hours, each reserved over the dates the booking
 * runs, so the bookings never clash (the booking service's conflict rules agree; the demo's
 * integration test runs them over the result). Pure.
 */

/** A weekly window of local time on one weekday. */
interface Window {
  weekday: number;
  start: string;
  end: string;
}

export interface DemoUnavailability extends Window {
  reason: UnavailabilityReason;
  note: string;
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];
const every = (window: Omit<Window, "weekday">, reason: UnavailabilityReason, note: string) =>
  WEEKDAYS.map((weekday) => ({ weekday, ...window, reason, note }));

/**
 * What a current participant declares, consistent with the track they chose: people on the evening
 * track mostly work days; people on the morning track have children to collect or an evening shift;
 * adolescents are at school.
 */
export function planUnavailability(random: Random, track: number): DemoUnavailability[] {
  const roll = random.next();
  if (track === 0) {
    if (roll < 0.55) return every({ start: "08:00", end: "16:30" }, "work", "Day shift");
    if (roll < 0.65)
      return [
        {
          weekday: 3,
          start: "12:00",
          end: "17:00",
          reason: "caregiving",
          note: "Takes a parent to dialysis",
        },
      ];
    return [];
  }
  if (track === 1) {
    if (roll < 0.3)
      return every({ start: "15:00", end: "18:00" }, "childcare", "School pick-up and homework");
    if (roll < 0.5) return every({ start: "16:00", end: "23:00" }, "work", "Evening shift");
    return [];
  }
  if (roll < 0.85) return every({ start: "07:45", end: "15:00" }, "school", "");
  return [];
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** A window in minutes of the day, for checking many hours against it. */
interface Span {
  weekday: number;
  from: number;
  to: number;
}

const spansOf = (windows: readonly Window[]): Span[] =>
  windows.map((w) => ({ weekday: w.weekday, from: minutesOf(w.start), to: minutesOf(w.end) }));

/** Whether a session at `hour` for `minutes` on `weekday` overlaps one of the spans. */
function overlaps(spans: readonly Span[], weekday: number, hour: number, minutes: number): boolean {
  const from = hour * 60;
  return spans.some((w) => w.weekday === weekday && from < w.to && w.from < from + minutes);
}

/**
 * Who holds each weekly hour over which dates, per counselor, participant and room. Every booking
 * starts on the hour and lasts at most an hour, so two bookings clash exactly when they share a
 * resource, a weekday and an hour over overlapping dates.
 */
export interface SlotBook {
  /** Free over the days `from` through `to` (day numbers, see platform/dates). */
  isFree(resource: string, weekday: number, hour: number, from: number, to: number): boolean;
  reserve(resource: string, weekday: number, hour: number, from: number, to: number): void;
}

export function createSlotBook(): SlotBook {
  const taken = new Map<string, [number, number][]>();
  const cell = (resource: string, weekday: number, hour: number) => `${resource}#${weekday}#${hour}`;
  return {
    isFree(resource, weekday, hour, from, to) {
      const list = taken.get(cell(resource, weekday, hour));
      return list === undefined || !list.some(([x, y]) => x <= to && from <= y);
    },
    reserve(resource, weekday, hour, from, to) {
      const key = cell(resource, weekday, hour);
      const list = taken.get(key);
      if (list) list.push([from, to]);
      else taken.set(key, [[from, to]]);
    },
  };
}

export const counselorResource = (site: number, counselor: number) => `staff:${site}:${counselor}`;
export const roomResource = (site: number, room: number) => `room:${site}:${room}`;
const participantResource = (key: number) => `participant:${key}`;

export interface FamilyAttendeePlan {
  name: string;
  relationship: string;
  /** The demo family account (linked to the demo participant account). */
  linkedAccount: boolean;
}

export interface PlannedAppointment {
  kind: AppointmentKind;
  /** The booking within the episode (a recurring one's occurrences share it: its series). */
  booking: number;
  recurring: boolean;
  /** Index into the site's counselors. */
  counselor: number;
  /** Index into DEMO_COUNSELING_ROOMS, or null by video. */
  room: number | null;
  telehealth: boolean;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  endsAtMs: number;
  minutes: number;
  status: "scheduled" | "cancelled";
  cancelReason: string | null;
  /** Attendance once the session is over (never for a cancelled or future one). */
  outcome: SessionOutcome | null;
  family: FamilyAttendeePlan[];
  /** The date it was booked. */
  bookedOn: string;
}

export interface EpisodeAppointmentsInput {
  key: number;
  site: number;
  track: number;
  counselor: number;
  familyName: string;
  spanish: boolean;
  admittedOn: string;
  dischargedOn: string | null;
  /** Today in the site's zone, and now. */
  today: string;
  nowMs: number;
  /** Current episodes book this far ahead (days). */
  aheadDays: number;
  style: AttendanceStyle;
  /** The holidays (date → name) on which the site is closed. */
  holidays: ReadonlyMap<string, string>;
  unavailability: readonly DemoUnavailability[];
  /** The demo participant account's relative, who has a family account. */
  linkedRelative: FamilyAttendeePlan | null;
}

const INDIVIDUAL_MINUTES = 50;
const FAMILY_MINUTES = 60;
const HOURS = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19] as const;
const FAMILY_HOURS = [16, 17, 18, 19] as const;

export interface SessionTimes {
  date: string;
  startsAt: string;
  endsAt: string;
  endsAtMs: number;
  minutes: number;
}

/** The instants of a session starting on the hour at a site, by day number, hour and length. */
export type InstantTable = (day: number, hour: number, minutes: number) => SessionTimes;

/**
 * Every bookable hour's instants at a site from `from` through `to`, expanded once in the site's
 * zone by the schedule's recurrence rules (wall time kept across DST), instead of once per booking.
 */
export function createInstantTable(site: number, from: string, to: string): InstantTable {
  const zone = DEMO_SITES[site]!.timeZone;
  const table = new Map<string, SessionTimes>();
  for (const minutes of [INDIVIDUAL_MINUTES, FAMILY_MINUTES]) {
    const slots = WEEKDAYS.flatMap((weekday) =>
      HOURS.map((hour) => ({ weekday, start: timeOf(hour * 60), end: timeOf(hour * 60 + minutes) })),
    );
    const series = { timeZone: zone, startsOn: from, endsOn: to, pattern: { slots } };
    for (const o of expandSeries(series, [], from, to)) {
      if (o.problem !== null) continue;
      table.set(`${toDayNumber(o.date)}/${o.start}/${minutes}`, {
        date: o.date,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        endsAtMs: Date.parse(o.endsAt),
        minutes: o.durationMinutes,
      });
    }
  }
  return (day, hour, minutes) => {
    const times = table.get(`${day}/${timeOf(hour * 60)}/${minutes}`);
    if (!times) throw new RangeError(`No bookable hour ${hour} on day ${day} at site ${site}.`);
    return times;
  };
}

const PAST_CANCEL_REASONS = [
  "Counselor out sick",
  "Participant asked to reschedule: work shift changed",
  "Weather: the site closed early",
  "Participant asked to reschedule: no childcare",
] as const;
const FUTURE_CANCEL_REASONS = ["Counselor on leave that day", "Participant asked to reschedule"] as const;
const RELATIONSHIPS = ["mother", "father", "partner", "sister", "brother", "grandmother", "aunt", "spouse"];

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** ISO weekday of a day number (day 0, 1970-01-01, was a Thursday). */
const weekdayOfDay = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

function relatives(random: Random, input: EpisodeAppointmentsInput): FamilyAttendeePlan[] {
  if (input.linkedRelative) return [input.linkedRelative];
  const adolescent = DEMO_TRACKS[input.track]!.audience === "adolescent";
  const pool = adolescent ? ["mother", "father", "grandmother", "aunt"] : RELATIONSHIPS;
  const count = random.chance(0.35) ? 2 : 1;
  return shuffled(random, pool)
    .slice(0, count)
    .map((relationship) => {
      const inLaw = relationship === "partner" || relationship === "spouse";
      const given = random.pick(input.spanish ? GIVEN_NAMES_ES : GIVEN_NAMES_EN);
      const family = inLaw
        ? random.pick(input.spanish ? FAMILY_NAMES_ES : FAMILY_NAMES_EN)
        : input.familyName;
      return { name: `${given} ${family}`, relationship, linkedAccount: false };
    });
}

interface Booking {
  kind: AppointmentKind;
  hour: number;
  weekday: number;
  /** Day numbers of the first and last session. */
  first: number;
  last: number;
  everyWeeks: number;
  room: number | null;
  family: FamilyAttendeePlan[];
  bookedOn: string;
}

/**
 * Find a free hour for a booking from `first` (on the chosen weekday) through `last`, trying the
 * candidate hours in a random order; reserve it, or return null when none is free.
 */
function book(
  random: Random,
  slots: SlotBook,
  input: EpisodeAppointmentsInput,
  want: { kind: AppointmentKind; from: string; to: string; everyWeeks: number; hours: readonly number[] },
): Omit<Booking, "family" | "bookedOn"> | null {
  const minutes = want.kind === "family" ? FAMILY_MINUTES : INDIVIDUAL_MINUTES;
  const track = DEMO_TRACKS[input.track]!;
  const counselorTrack = DEMO_TRACKS[facilitatedTrack(input.site, input.counselor)]!;
  const busy = spansOf([...track.slots, ...counselorTrack.slots, ...input.unavailability]);
  const byVideo = random.chance(want.kind === "family" ? 0.2 : 0.25);
  const staff = counselorResource(input.site, input.counselor);
  const person = participantResource(input.key);
  const cells = shuffled(
    random,
    WEEKDAYS.flatMap((weekday) => want.hours.map((hour) => ({ weekday, hour }))),
  );
  const fromDay = toDayNumber(want.from);
  const toDay = toDayNumber(want.to);
  for (const { weekday, hour } of cells) {
    if (overlaps(busy, weekday, hour, minutes)) continue;
    const first = fromDay + ((weekday - weekdayOfDay(fromDay) + 7) % 7);
    if (first > toDay) continue;
    const last = first + Math.floor((toDay - first) / (7 * want.everyWeeks)) * 7 * want.everyWeeks;
    if (!slots.isFree(staff, weekday, hour, first, last) || !slots.isFree(person, weekday, hour, first, last))
      continue;
    const rooms = want.kind === "family" ? [FAMILY_ROOM] : [0, 1];
    const room = byVideo
      ? null
      : rooms.find((r) => slots.isFree(roomResource(input.site, r), weekday, hour, first, last));
    if (room === undefined) continue;
    slots.reserve(staff, weekday, hour, first, last);
    slots.reserve(person, weekday, hour, first, last);
    if (room !== null) slots.reserve(roomResource(input.site, room), weekday, hour, first, last);
    return { kind: want.kind, hour, weekday, first, last, everyWeeks: want.everyWeeks, room };
  }
  return null;
}

/**
 * An episode's individual sessions (weekly or every other week with the primary counselor, from
 * its first days to its discharge, or booked a few weeks ahead while it is open) and now and then
 * a family session; past ones carry attendance in the episode's style, a few were cancelled with a
 * reason, and those on a holiday were cancelled because the site was closed.
 */
export function planEpisodeAppointments(
  random: Random,
  slots: SlotBook,
  instants: InstantTable,
  input: EpisodeAppointmentsInput,
): PlannedAppointment[] {
  const until = input.dischargedOn ?? addDays(input.today, input.aheadDays);
  const bookings: Booking[] = [];
  if (random.chance(0.9)) {
    const everyWeeks = random.chance(0.7) ? 1 : 2;
    const found = book(random, slots, input, {
      kind: "individual",
      from: addDays(input.admittedOn, 1),
      to: until,
      everyWeeks,
      hours: HOURS,
    });
    if (found) bookings.push({ ...found, family: [], bookedOn: input.admittedOn });
  }
  const families = input.linkedRelative
    ? 2
    : random.chance(input.dischargedOn === null ? 0.3 : 0.15)
      ? random.int(1, 2)
      : 0;
  for (let f = 0; f < families; f++) {
    const from = addDays(input.admittedOn, f === 0 ? random.int(12, 20) : random.int(33, 42));
    const to = addDays(from, 4);
    if (from > until) break;
    const found = book(random, slots, input, {
      kind: "family",
      from,
      to: to < until ? to : until,
      everyWeeks: 1,
      hours: FAMILY_HOURS,
    });
    if (found)
      bookings.push({
        ...found,
        last: found.first,
        family: relatives(random, input),
        bookedOn: addDays(from, -7),
      });
  }

  const planned: PlannedAppointment[] = [];
  bookings.forEach((b, index) => {
    const minutes = b.kind === "family" ? FAMILY_MINUTES : INDIVIDUAL_MINUTES;
    const sessions: SessionTimes[] = [];
    for (let day = b.first; day <= b.last; day += 7 * b.everyWeeks)
      sessions.push(instants(day, b.hour, minutes));
    // The sessions are in date order: those over by now come first.
    const outcomes = planSessionOutcomes(
      random,
      input.style,
      sessions.filter((s) => s.endsAtMs <= input.nowMs).map((s) => s.minutes),
    );
    sessions.forEach((s, i) => {
      const holiday = input.holidays.get(s.date);
      const isPast = s.endsAtMs <= input.nowMs;
      const cancelReason = holiday
        ? `${holiday}: the site is closed`
        : isPast
          ? random.chance(0.04)
            ? random.pick(PAST_CANCEL_REASONS)
            : null
          : random.chance(0.03)
            ? random.pick(FUTURE_CANCEL_REASONS)
            : null;
      planned.push({
        kind: b.kind,
        booking: index,
        recurring: b.first !== b.last,
        counselor: input.counselor,
        room: b.room,
        telehealth: b.room === null,
        date: s.date,
        start: timeOf(b.hour * 60),
        end: timeOf(b.hour * 60 + minutes),
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        endsAtMs: s.endsAtMs,
        minutes: s.minutes,
        status: cancelReason ? "cancelled" : "scheduled",
        cancelReason,
        outcome: cancelReason || !isPast ? null : outcomes[i]!,
        family: b.family,
        bookedOn: b.bookedOn,
      });
    });
  });
  return planned.sort((a, b) => a.endsAtMs - b.endsAtMs);
}
