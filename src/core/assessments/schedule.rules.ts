import { z } from "zod";
import { addDays, daysBetween } from "../platform/dates";

/**
 * A program's measurement schedule (which questionnaire, when) and what is due for one episode.
 * Pure: calendar dates (YYYY-MM-DD) in, calendar dates out; the caller passes today.
 */

export const SCHEDULE_AUDIENCES = ["adult", "adolescent", "any"] as const;
export type ScheduleAudience = (typeof SCHEDULE_AUDIENCES)[number];

/** When an entry falls: at admission, repeatedly while in care, at discharge, or days after discharge. */
export const SCHEDULE_TIMINGS = ["intake", "every_n_days", "discharge", "follow_up"] as const;
export type ScheduleTiming = (typeof SCHEDULE_TIMINGS)[number];

/** Limits for `n` and follow-up `days`. */
export const SCHEDULE_DAYS_MIN = 1;
export const SCHEDULE_DAYS_MAX = 365;

const entryBase = {
  instrumentKey: z.string().trim().min(1, "Choose a questionnaire.").max(40),
  audience: z.enum(SCHEDULE_AUDIENCES).default("any"),
};

/** The shape of an entry; `validateSchedule` checks the rest (known questionnaire, ranges, duplicates). */
export const scheduleEntrySchema = z.discriminatedUnion("at", [
  z.object({ ...entryBase, at: z.literal("intake") }),
  z.object({ ...entryBase, at: z.literal("every_n_days"), n: z.number() }),
  z.object({ ...entryBase, at: z.literal("discharge") }),
  z.object({ ...entryBase, at: z.literal("follow_up"), days: z.number() }),
]);
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

export const measurementScheduleSchema = z.array(scheduleEntrySchema).max(200);
export type MeasurementSchedule = readonly ScheduleEntry[];

/**
 * The schedule a new program starts with. Keys are instrument keys of the registry. Intervals are
 * Bridgeway's defaults, not a published standard; each program can change them.
 */
export const DEFAULT_SCHEDULE: MeasurementSchedule = [
  { instrumentKey: "phq9", at: "intake", audience: "any" },
  { instrumentKey: "phq9", at: "every_n_days", n: 14, audience: "any" },
  { instrumentKey: "phq9", at: "discharge", audience: "any" },
  { instrumentKey: "gad7", at: "intake", audience: "any" },
  { instrumentKey: "gad7", at: "every_n_days", n: 14, audience: "any" },
  { instrumentKey: "gad7", at: "discharge", audience: "any" },
  { instrumentKey: "bam", at: "every_n_days", n: 7, audience: "any" },
  { instrumentKey: "bam", at: "discharge", audience: "any" },
  { instrumentKey: "bam", at: "follow_up", days: 30, audience: "any" },
  { instrumentKey: "bam", at: "follow_up", days: 90, audience: "any" },
  { instrumentKey: "audit_c", at: "intake", audience: "any" },
  { instrumentKey: "dast10", at: "intake", audience: "any" },
  { instrumentKey: "pcl5", at: "intake", audience: "any" },
  { instrumentKey: "pcl5", at: "every_n_days", n: 30, audience: "any" },
  { instrumentKey: "pcl5", at: "discharge", audience: "any" },
  { instrumentKey: "who5", at: "intake", audience: "any" },
  { instrumentKey: "who5", at: "every_n_days", n: 14, audience: "any" },
  { instrumentKey: "asq", at: "intake", audience: "any" },
];

function overlaps(a: ScheduleAudience, b: ScheduleAudience): boolean {
  return a === "any" || b === "any" || a === b;
}

function timingWords(entry: ScheduleEntry): string {
  switch (entry.at) {
    case "intake":
      return "at intake";
    case "every_n_days":
      return `every ${entry.n} days`;
    case "discharge":
      return "at discharge";
    case "follow_up":
      return `${entry.days} days after discharge`;
  }
}

function checkDays(value: number, path: string, problems: { path: string; message: string }[]): void {
  if (!Number.isInteger(value) || value < SCHEDULE_DAYS_MIN || value > SCHEDULE_DAYS_MAX)
    problems.push({
      path,
      message: `Enter a whole number of days from ${SCHEDULE_DAYS_MIN} to ${SCHEDULE_DAYS_MAX}.`,
    });
}

/**
 * Problems with a schedule a program wants to save, by field (`<index>.<field>`). An entry repeated
 * for an overlapping audience is a duplicate; so is a second repeat interval for the same
 * questionnaire and audience (one questionnaire repeats at one interval).
 */
export function validateSchedule(
  schedule: MeasurementSchedule,
  knownInstrumentKeys: readonly string[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const known = new Set(knownInstrumentKeys);
  schedule.forEach((entry, i) => {
    if (!known.has(entry.instrumentKey))
      problems.push({
        path: `${i}.instrumentKey`,
        message: `“${entry.instrumentKey}” is not a questionnaire of this program.`,
      });
    if (entry.at === "every_n_days") checkDays(entry.n, `${i}.n`, problems);
    if (entry.at === "follow_up") checkDays(entry.days, `${i}.days`, problems);

    const earlier = schedule.slice(0, i);
    const sameSlot = earlier.findIndex(
      (e) =>
        e.instrumentKey === entry.instrumentKey &&
        e.at === entry.at &&
        overlaps(e.audience, entry.audience) &&
        (e.at !== "follow_up" || entry.at !== "follow_up" || e.days === entry.days),
    );
    if (sameSlot !== -1) {
      const other = earlier[sameSlot]!;
      const sameInterval = other.at !== "every_n_days" || entry.at !== "every_n_days" || other.n === entry.n;
      problems.push(
        sameInterval
          ? {
              path: `${i}`,
              message: `${entry.instrumentKey} ${timingWords(entry)} is already in the schedule (entry ${sameSlot + 1}).`,
            }
          : {
              path: `${i}.n`,
              message: `${entry.instrumentKey} already repeats ${timingWords(other)} (entry ${sameSlot + 1}); keep one interval.`,
            },
      );
    }
  });
  return problems;
}

export interface EpisodeDates {
  admittedOn: string;
  /** The discharge date, actual or planned; null while none is set. */
  dischargedOn: string | null;
  /** Which audience's entries apply to this participant. */
  audience: Exclude<ScheduleAudience, "any">;
}

export interface Administration {
  instrumentKey: string;
  on: string;
}

export interface DueOptions {
  /**
   * Days a measure stays `due` after its date before it is `overdue`; also how early an
   * administration may be and still count for a dated time point (intake, discharge, follow-up).
   */
  graceDays: number;
}
export const DEFAULT_DUE_OPTIONS: DueOptions = { graceDays: 3 };

export const DUE_STATUSES = ["due", "overdue", "upcoming"] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export type DueReason =
  | { at: "intake"; admittedOn: string }
  | { at: "every_n_days"; n: number; since: "admission" | "last_administration"; sinceOn: string }
  | { at: "discharge"; dischargedOn: string }
  | { at: "follow_up"; days: number; dischargedOn: string };

export interface DueMeasure {
  instrumentKey: string;
  dueOn: string;
  status: DueStatus;
  reason: DueReason;
  /** Other entries for the same questionnaire that are open, later (or tied), not listed separately. */
  alsoScheduled: { dueOn: string; reason: DueReason }[];
  /** Why this date, in English (the web composes its own words from `reason`). */
  explanation: string;
}

/** On a tie, the named time point wins over the repeat. */
const TIE_ORDER: Record<ScheduleTiming, number> = { intake: 0, discharge: 1, follow_up: 2, every_n_days: 3 };

function reasonWords(reason: DueReason): string {
  switch (reason.at) {
    case "intake":
      return `intake (admitted ${reason.admittedOn})`;
    case "every_n_days":
      return reason.since === "admission"
        ? `every ${reason.n} days, none since admission on ${reason.sinceOn}`
        : `every ${reason.n} days, last given ${reason.sinceOn}`;
    case "discharge":
      return `discharge (${reason.dischargedOn})`;
    case "follow_up":
      return `${reason.days}-day follow-up after discharge on ${reason.dischargedOn}`;
  }
}

function statusOn(dueOn: string, today: string, graceDays: number): DueStatus {
  const late = daysBetween(dueOn, today);
  if (late < 0) return "upcoming";
  return late <= graceDays ? "due" : "overdue";
}

interface Candidate {
  dueOn: string;
  reason: DueReason;
  order: number;
}

/** The open time point for one entry, or null when it is done or does not apply. */
function candidateFor(
  entry: ScheduleEntry,
  episode: EpisodeDates,
  given: readonly string[],
  today: string,
  graceDays: number,
): Omit<Candidate, "order"> | null {
  const { admittedOn, dischargedOn } = episode;
  const hasLeft = dischargedOn !== null && today > dischargedOn;
  const doneSince = (date: string) => given.some((on) => on >= addDays(date, -graceDays));
  switch (entry.at) {
    case "intake":
      if (hasLeft || doneSince(admittedOn)) return null;
      return { dueOn: admittedOn, reason: { at: "intake", admittedOn } };
    case "every_n_days": {
      if (hasLeft) return null;
      const last = given.at(-1);
      const sinceOn = last ?? admittedOn;
      const dueOn = addDays(sinceOn, entry.n);
      if (dischargedOn !== null && dueOn > dischargedOn) return null;
      return {
        dueOn,
        reason: {
          at: "every_n_days",
          n: entry.n,
          since: last ? "last_administration" : "admission",
          sinceOn,
        },
      };
    }
    case "discharge":
      if (dischargedOn === null || doneSince(dischargedOn)) return null;
      return { dueOn: dischargedOn, reason: { at: "discharge", dischargedOn } };
    case "follow_up": {
      if (dischargedOn === null) return null;
      const dueOn = addDays(dischargedOn, entry.days);
      if (doneSince(dueOn)) return null;
      return { dueOn, reason: { at: "follow_up", days: entry.days, dischargedOn } };
    }
  }
}

/**
 * What is due for one episode, one line per questionnaire: the earliest open time point, with the
 * others for that questionnaire in `alsoScheduled` (one administration on the listed date re-anchors
 * the repeat and counts for every time point whose date it is no more than `graceDays` before).
 *
 * - Only administrations from `graceDays` before admission up to today count for the episode.
 * - A dated time point (intake, discharge, follow-up at discharge + days) is done by an
 *   administration on or after its date minus `graceDays`; a late one still counts.
 * - A repeat (`every_n_days`) is due n days after the last administration, or after admission when
 *   there is none; it stops at discharge (no repeat after the discharge date is listed).
 * - Once the discharge date has passed, intake and repeats are no longer listed.
 * - Status: `upcoming` before the date, `due` up to `graceDays` after it, `overdue` after that.
 */
export function computeDue(
  schedule: MeasurementSchedule,
  episode: EpisodeDates,
  administrations: readonly Administration[],
  today: string,
  options: DueOptions = DEFAULT_DUE_OPTIONS,
): DueMeasure[] {
  const { graceDays } = options;
  if (!Number.isInteger(graceDays) || graceDays < 0)
    throw new RangeError("graceDays must be a whole number ≥ 0");
  if (episode.dischargedOn !== null && episode.dischargedOn < episode.admittedOn)
    throw new RangeError("dischargedOn is before admittedOn");

  const countsFrom = addDays(episode.admittedOn, -graceDays);
  const byKey = new Map<string, Candidate[]>();
  schedule.forEach((entry, order) => {
    if (!overlaps(entry.audience, episode.audience)) return;
    const given = administrations
      .filter((a) => a.instrumentKey === entry.instrumentKey && a.on >= countsFrom && a.on <= today)
      .map((a) => a.on)
      .sort();
    const candidate = candidateFor(entry, episode, given, today, graceDays);
    if (!candidate) return;
    const list = byKey.get(entry.instrumentKey) ?? [];
    list.push({ ...candidate, order });
    byKey.set(entry.instrumentKey, list);
  });

  const due: DueMeasure[] = [];
  for (const [instrumentKey, candidates] of byKey) {
    candidates.sort(
      (a, b) =>
        daysBetween(b.dueOn, a.dueOn) || TIE_ORDER[a.reason.at] - TIE_ORDER[b.reason.at] || a.order - b.order,
    );
    const [first, ...rest] = candidates as [Candidate, ...Candidate[]];
    const others = rest.map((c) => `${reasonWords(c.reason)} on ${c.dueOn}`);
    due.push({
      instrumentKey,
      dueOn: first.dueOn,
      status: statusOn(first.dueOn, today, graceDays),
      reason: first.reason,
      alsoScheduled: rest.map((c) => ({ dueOn: c.dueOn, reason: c.reason })),
      explanation:
        `Due ${first.dueOn} for ${reasonWords(first.reason)}.` +
        (others.length ? ` Also scheduled: ${others.join("; ")}; the earliest is listed.` : ""),
    });
  }
  return due.sort((a, b) => daysBetween(b.dueOn, a.dueOn) || (a.instrumentKey < b.instrumentKey ? -1 : 1));
}
