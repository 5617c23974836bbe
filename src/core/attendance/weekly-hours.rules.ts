import { addDays, toDayNumber } from "../platform/dates";
import { type AttendanceStatus, isAttended } from "./attendance.schema";
import { type AttendanceFinding, formatHours } from "./attendance-findings";
import { type AgeGroup, MINUTES_PER_DAY, type ProgramHours } from "./program-hours.schema";

/**
 * One participant's hours in one ISO week (Monday to Sunday), against the level-of-care minimum of
 * their age group and the payer's days rule. Pure: the caller passes the week's session occurrences
 * (group sessions, and individual and family appointments, which count alike) for this participant with their dates in the site's zone (YYYY-MM-DD), the marks so far, and today
 * (also in the site's zone). Everything is counted in whole minutes, so sums are exact.
 *
 * Definitions:
 * - A session **cancelled by the program** is not scheduled for the participant: it leaves the
 *   scheduled hours (shown as `cancelledMinutes`) and never counts against them. When cancellations
 *   leave the schedule itself under the minimum, the week can still fall short — `scheduleBelowMinimum`
 *   says it is the schedule, not the participant, and the care team makes the hours up elsewhere.
 * - A session is **open** while it has no mark: upcoming (today or later) or, before today, not yet
 *   recorded. The projection counts every open session as attended in full — a session nobody has
 *   recorded yet is not an absence, so a late roster never raises a warning by itself;
 *   `unrecordedSessions` shows how many there are. A marked session counts what the mark says, on
 *   any date (an absence announced ahead is known now).
 * - **Verdicts**, for the weekly minimum:
 *   `met` — the attended minutes reach the minimum;
 *   `cannot_reach` — even with every open session attended in full, the week stays under it (this
 *   raises the mid-week warning);
 *   `at_risk` — it can still be reached, but missing the longest open session would leave it short:
 *   there is no session they can afford to miss;
 *   `on_track` — they could miss any one open session and still reach it.
 *   The payer's days rule gets its own verdict on the same terms, counting days instead of minutes.
 */

export const WEEK_VERDICTS = ["met", "on_track", "at_risk", "cannot_reach"] as const;
export type WeekVerdict = (typeof WEEK_VERDICTS)[number];

/** What a session is: a track's group session, or an individual or family appointment. */
export const WEEK_SESSION_KINDS = ["group", "individual", "family"] as const;
export type WeekSessionKind = (typeof WEEK_SESSION_KINDS)[number];

export interface WeekOccurrence {
  /** A group session unless said otherwise; every kind counts toward the week alike. */
  kind?: WeekSessionKind;
  /** The session's date in the site's time zone. */
  date: string;
  /** The session's length. */
  scheduledMinutes: number;
  /** The participant's mark, or null while none is recorded. */
  mark: { status: AttendanceStatus; minutesAttended: number } | null;
}

export interface WeeklyHoursInput {
  /** The Monday that starts the week. */
  weekStart: string;
  /** Today in the site's time zone. */
  today: string;
  ageGroup: AgeGroup;
  occurrences: readonly WeekOccurrence[];
}

export interface DayHours {
  date: string;
  /** Minutes of sessions that are not cancelled by the program. */
  scheduledMinutes: number;
  attendedMinutes: number;
  /** Minutes of sessions without a mark yet. */
  openMinutes: number;
  /** At least the payer's daily minimum was attended this day. */
  counts: boolean;
}

export interface PayerDays {
  dailyMinimumMinutes: number;
  daysRequired: number;
  /** Days with at least the daily minimum attended. */
  countingDays: number;
  /** Days not counting yet that still can, if every open session that day is attended. */
  possibleDays: number;
  /** Days whose schedule (after cancellations) reaches the daily minimum at all. */
  scheduledDays: number;
  verdict: WeekVerdict;
}

export interface WeeklyHours {
  weekStart: string;
  weekEnd: string;
  /** Where today falls: before the week, in it, or after it. */
  weekState: "upcoming" | "in_progress" | "ended";
  ageGroup: AgeGroup;
  scheduledMinutes: number;
  cancelledMinutes: number;
  attendedMinutes: number;
  openMinutes: number;
  openSessions: number;
  /** Open sessions dated before today: attendance not recorded yet. */
  unrecordedSessions: number;
  /** Attended plus every open session in full. */
  projectedMinutes: number;
  minimumMinutes: number;
  /** The level's intensity stays under this. */
  maximumMinutes: number;
  /** How far the projection stays under the minimum (0 when it reaches it). */
  shortfallMinutes: number;
  verdict: WeekVerdict;
  /** The sessions scheduled this week (after cancellations) add up to less than the minimum. */
  scheduleBelowMinimum: boolean;
  /** The sessions scheduled this week reach the maximum: the intensity of the next level of care. */
  scheduleAtOrAboveMaximum: boolean;
  /** The scheduled (not cancelled by the program) and attended minutes of each kind of session. */
  byKind: Record<WeekSessionKind, { scheduledMinutes: number; attendedMinutes: number }>;
  /** Monday to Sunday, seven entries. */
  days: DayHours[];
  payer: PayerDays;
}

/** Monday = 0 … Sunday = 6 (day 0 of the day numbers, 1970-01-01, was a Thursday). */
function weekdayIndex(isoDate: string): number {
  return (((toDayNumber(isoDate) + 3) % 7) + 7) % 7;
}

/** The Monday on or before a date: the start of its ISO week. */
export function isoWeekStart(isoDate: string): string {
  return addDays(isoDate, -weekdayIndex(isoDate));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkInput(input: WeeklyHoursInput, weekEnd: string): void {
  if (!ISO_DATE.test(input.weekStart) || weekdayIndex(input.weekStart) !== 0)
    throw new RangeError(`weekStart must be a Monday (YYYY-MM-DD), not ${input.weekStart}.`);
  if (!ISO_DATE.test(input.today))
    throw new RangeError(`today must be a date (YYYY-MM-DD), not ${input.today}.`);
  for (const o of input.occurrences) {
    if (o.kind !== undefined && !WEEK_SESSION_KINDS.includes(o.kind))
      throw new RangeError(`A session's kind is group, individual or family, not ${o.kind}.`);
    if (!ISO_DATE.test(o.date) || o.date < input.weekStart || o.date > weekEnd)
      throw new RangeError(`A session on ${o.date} is outside the week ${input.weekStart}–${weekEnd}.`);
    if (
      !Number.isInteger(o.scheduledMinutes) ||
      o.scheduledMinutes < 1 ||
      o.scheduledMinutes > MINUTES_PER_DAY
    )
      throw new RangeError(
        `A session's length is whole minutes from 1 to ${MINUTES_PER_DAY}, not ${o.scheduledMinutes}.`,
      );
    if (!o.mark) continue;
    const { status, minutesAttended } = o.mark;
    const most = isAttended(status) ? o.scheduledMinutes : 0;
    if (!Number.isInteger(minutesAttended) || minutesAttended < 0 || minutesAttended > most)
      throw new RangeError(
        `A session on ${o.date} marked ${status} has ${minutesAttended} minutes attended (0 to ${most} allowed).`,
      );
  }
}

/**
 * The verdict for a target, from what is attended, what could still be, and what one miss costs:
 * `cost` is the most that missing one open session (or day) takes away.
 */
function verdictFor(done: number, possible: number, cost: number, target: number): WeekVerdict {
  if (done >= target) return "met";
  if (done + possible < target) return "cannot_reach";
  return done + possible - cost < target ? "at_risk" : "on_track";
}

export function computeWeeklyHours(input: WeeklyHoursInput, hours: ProgramHours): WeeklyHours {
  const weekEnd = addDays(input.weekStart, 6);
  checkInput(input, weekEnd);
  const rules = hours[input.ageGroup];

  const days: DayHours[] = Array.from({ length: 7 }, (_, i) => ({
    date: addDays(input.weekStart, i),
    scheduledMinutes: 0,
    attendedMinutes: 0,
    openMinutes: 0,
    counts: false,
  }));
  const byKind = Object.fromEntries(
    WEEK_SESSION_KINDS.map((kind) => [kind, { scheduledMinutes: 0, attendedMinutes: 0 }]),
  ) as WeeklyHours["byKind"];
  let cancelledMinutes = 0;
  let openSessions = 0;
  let unrecordedSessions = 0;
  let longestOpen = 0;

  for (const o of input.occurrences) {
    const day = days[weekdayIndex(o.date)]!;
    if (o.mark?.status === "cancelled_by_program") {
      cancelledMinutes += o.scheduledMinutes;
      continue;
    }
    day.scheduledMinutes += o.scheduledMinutes;
    const kind = byKind[o.kind ?? "group"];
    kind.scheduledMinutes += o.scheduledMinutes;
    if (o.mark) {
      day.attendedMinutes += o.mark.minutesAttended;
      kind.attendedMinutes += o.mark.minutesAttended;
    } else {
      day.openMinutes += o.scheduledMinutes;
      openSessions += 1;
      if (o.date < input.today) unrecordedSessions += 1;
      longestOpen = Math.max(longestOpen, o.scheduledMinutes);
    }
  }

  let scheduledMinutes = 0;
  let attendedMinutes = 0;
  let openMinutes = 0;
  let countingDays = 0;
  let possibleDays = 0;
  let scheduledDays = 0;
  for (const day of days) {
    scheduledMinutes += day.scheduledMinutes;
    attendedMinutes += day.attendedMinutes;
    openMinutes += day.openMinutes;
    day.counts = day.attendedMinutes >= rules.dailyMinimumMinutes;
    if (day.counts) countingDays += 1;
    else if (day.attendedMinutes + day.openMinutes >= rules.dailyMinimumMinutes) possibleDays += 1;
    if (day.scheduledMinutes >= rules.dailyMinimumMinutes) scheduledDays += 1;
  }

  const projectedMinutes = attendedMinutes + openMinutes;
  const minimumMinutes = rules.weeklyMinimumMinutes;
  return {
    weekStart: input.weekStart,
    weekEnd,
    weekState: input.today < input.weekStart ? "upcoming" : input.today > weekEnd ? "ended" : "in_progress",
    ageGroup: input.ageGroup,
    scheduledMinutes,
    cancelledMinutes,
    attendedMinutes,
    openMinutes,
    openSessions,
    unrecordedSessions,
    projectedMinutes,
    minimumMinutes,
    maximumMinutes: rules.weeklyMaximumMinutes,
    shortfallMinutes: Math.max(0, minimumMinutes - projectedMinutes),
    verdict: verdictFor(attendedMinutes, openMinutes, longestOpen, minimumMinutes),
    scheduleBelowMinimum: scheduledMinutes < minimumMinutes,
    scheduleAtOrAboveMaximum: scheduledMinutes >= rules.weeklyMaximumMinutes,
    byKind,
    days,
    payer: {
      dailyMinimumMinutes: rules.dailyMinimumMinutes,
      daysRequired: rules.daysRequired,
      countingDays,
      possibleDays,
      scheduledDays,
      verdict: verdictFor(countingDays, possibleDays, possibleDays > 0 ? 1 : 0, rules.daysRequired),
    },
  };
}

const GROUP_WORDS: Record<AgeGroup, string> = { adult: "adults", adolescent: "adolescents" };

/**
 * The alerts a week's figures raise: the mid-week warning when the minimum cannot be reached any
 * more (warning, for the primary counselor), and a note when the payer's days rule cannot (info) —
 * only when the schedule allowed it: a track whose days are all shorter than the payer's daily
 * minimum (a 2-hour adolescent track) is a matter for the program's setup, not a weekly alert about
 * each participant on it.
 */
export function deriveWeeklyHoursFindings(week: WeeklyHours): AttendanceFinding[] {
  const findings: AttendanceFinding[] = [];
  const evidence = { kind: "attendance_week", weekStart: week.weekStart } as const;
  if (week.verdict === "cannot_reach") {
    const minimum = `the weekly minimum of ${formatHours(week.minimumMinutes)} for ${GROUP_WORDS[week.ageGroup]}`;
    const short = `${formatHours(week.shortfallMinutes)} short`;
    const reached =
      week.openSessions === 0
        ? `The week of ${week.weekStart} reached only ${formatHours(week.projectedMinutes)} of ${minimum}: ${short}.`
        : `The week of ${week.weekStart} can reach at most ${formatHours(week.projectedMinutes)} of ${minimum}, ` +
          `even attending every remaining session: ${short}.`;
    const cancelled =
      week.cancelledMinutes > 0 ? ` (${formatHours(week.cancelledMinutes)} cancelled by the program)` : "";
    const cause = week.scheduleBelowMinimum
      ? ` The schedule has only ${formatHours(week.scheduledMinutes)} this week${cancelled}: schedule more to make it up.`
      : "";
    findings.push({
      kind: "weekly_hours_short",
      severity: "warning",
      reason: reached + cause,
      evidence,
    });
  }
  if (week.payer.verdict === "cannot_reach" && week.payer.scheduledDays >= week.payer.daysRequired) {
    const { countingDays, possibleDays, daysRequired, dailyMinimumMinutes } = week.payer;
    const most = countingDays + possibleDays;
    findings.push({
      kind: "payer_days_short",
      // Info, not a warning: the treatment is not short (the weekly minimum has its own warning);
      // what is at stake is whether the week bills as H0015, and how each payer counts days varies
      // (clinical.md §9.6). The counselor can add a day; no one needs to act before reading it.
      severity: "info",
      reason:
        `The week of ${week.weekStart} can have at most ${most} ${most === 1 ? "day" : "days"} with ` +
        `${formatHours(dailyMinimumMinutes)} attended; the payer rule asks for ${daysRequired}.`,
      evidence,
    });
  }
  return findings;
}
