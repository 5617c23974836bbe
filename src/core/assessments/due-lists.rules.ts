import { addDays, daysBetween } from "../platform/dates";
import type { DueStatusFilter } from "./measurement-schedule.schema";
import type { DueMeasure, MeasurementSchedule } from "./schedule.rules";

/**
 * Which of an episode's scheduled measures belong on staff worklists and in the overdue sweep. Pure:
 * `today` is passed in.
 */

/**
 * After its date, a measure that falls after discharge (the discharge measure, a follow-up) stays on
 * worklists this many days; after that the person has left and it is no longer chased (it still shows
 * on the participant's own list).
 */
export const AFTER_DISCHARGE_CHASE_DAYS = 30;

/**
 * The earliest discharge date whose episode can still put something on a worklist on `today`: the
 * longest follow-up of the schedule plus the chase window. Episodes discharged earlier need not be read.
 */
export function worklistDischargeCutoff(schedule: MeasurementSchedule, today: string): string {
  const longest = Math.max(0, ...schedule.map((e) => (e.at === "follow_up" ? e.days : 0)));
  return addDays(today, -(longest + AFTER_DISCHARGE_CHASE_DAYS));
}

/** Owed now (due or overdue) and, when it falls after discharge, still within the chase window. */
export function isOnWorklist(measure: DueMeasure, today: string): boolean {
  if (measure.status === "upcoming") return false;
  if (measure.reason.at === "discharge" || measure.reason.at === "follow_up")
    return daysBetween(measure.dueOn, today) <= AFTER_DISCHARGE_CHASE_DAYS;
  return true;
}

export function matchesStatusFilter(measure: Pick<DueMeasure, "status">, filter: DueStatusFilter): boolean {
  return filter === "all" ? measure.status !== "upcoming" : measure.status === filter;
}

/** Worklist order: the longest-waiting first, then by participant name, then questionnaire. */
export function compareWorklist(
  a: { dueOn: string; participantName: string; instrumentKey: string },
  b: { dueOn: string; participantName: string; instrumentKey: string },
): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  const byName = a.participantName.localeCompare(b.participantName, "en", { sensitivity: "base" });
  if (byName !== 0) return byName;
  return a.instrumentKey < b.instrumentKey ? -1 : a.instrumentKey > b.instrumentKey ? 1 : 0;
}

/** The overdue alert's reason, in plain words (English, like every alert reason). */
export function overdueReason(title: string, measure: DueMeasure, today: string): string {
  const late = daysBetween(measure.dueOn, today);
  return `${title} is overdue (due ${late} ${late === 1 ? "day" : "days"} ago). ${measure.explanation}`;
}
