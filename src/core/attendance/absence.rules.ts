import { addDays } from "../platform/dates";
import type { AbsenceSettings } from "./absence-settings.schema";
import { type AttendanceStatus, isAttended } from "./attendance.schema";
import type { AttendanceFinding } from "./attendance-findings";

/**
 * Absence alerts for one participant, from their session occurrences across weeks. Pure: the caller
 * passes the occurrences (dates in the site's zone, start instants for their order) and today.
 *
 * - Sessions cancelled by the program, and sessions not recorded yet, are left out of both rules:
 *   they neither count against the participant nor break a run of absences.
 * - An excused absence, or any attendance (present, late, left early), ends a run of unexcused ones.
 * - The rate counts sessions, not minutes: late and left early are attended sessions (the weekly
 *   hours rule counts their minutes).
 */

export interface ParticipantOccurrence {
  occurrenceId: string;
  /** The session's date in the site's time zone. */
  date: string;
  /** The session's start, an ISO 8601 instant: it orders sessions, including two on one day. */
  startsAt: string;
  /** The participant's status, or null while not recorded. */
  status: AttendanceStatus | null;
}

export type Recorded = ParticipantOccurrence & { status: AttendanceStatus };

/** Recorded, not cancelled by the program, in the order they took place. */
export function countable(occurrences: readonly ParticipantOccurrence[]): Recorded[] {
  const order = (o: ParticipantOccurrence) => {
    const at = Date.parse(o.startsAt);
    if (Number.isNaN(at))
      throw new RangeError(`Session ${o.occurrenceId} starts at "${o.startsAt}", not an instant.`);
    return at;
  };
  return occurrences
    .filter((o): o is Recorded => o.status !== null && o.status !== "cancelled_by_program")
    .map((o) => ({ o, at: order(o) }))
    .sort((a, b) => a.at - b.at || (a.o.occurrenceId < b.o.occurrenceId ? -1 : 1))
    .map(({ o }) => o);
}

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * The run of unexcused absences that the participant's latest recorded sessions end with, as a
 * finding once it reaches the program's count (two by default). The evidence lists the run's
 * sessions; the alert service raises it once per run (its first session identifies it).
 */
export function detectConsecutiveUnexcusedAbsences(
  occurrences: readonly ParticipantOccurrence[],
  settings: AbsenceSettings,
): AttendanceFinding | null {
  const recorded = countable(occurrences);
  const run: Recorded[] = [];
  for (let i = recorded.length - 1; i >= 0 && recorded[i]!.status === "absent_unexcused"; i -= 1)
    run.unshift(recorded[i]!);
  if (run.length < settings.consecutiveUnexcused) return null;
  return {
    kind: "consecutive_unexcused_absences",
    severity: "warning",
    reason: `${run.length} sessions in a row missed without an excuse: ${listWords(run.map((o) => o.date))}.`,
    evidence: { kind: "session_occurrences", occurrenceIds: run.map((o) => o.occurrenceId) },
  };
}

export interface AttendanceRate {
  /** The first day of the window (the last is today). */
  from: string;
  to: string;
  /** Sessions that count in the rate. */
  sessions: number;
  attended: number;
  /** Excused absences counted as missed. */
  excusedMissed: number;
  /** Whole percent, rounded down (so 74.9 % never reads as 75 %); null without sessions. */
  percent: number | null;
  /** The sessions missed, in order. */
  missedOccurrenceIds: string[];
}

/** Sessions attended over the last `rateWindowDays` days, today included. */
export function computeAttendanceRate(
  occurrences: readonly ParticipantOccurrence[],
  today: string,
  settings: AbsenceSettings,
): AttendanceRate {
  const from = addDays(today, -(settings.rateWindowDays - 1));
  const inWindow = countable(occurrences).filter(
    (o) =>
      o.date >= from && o.date <= today && (settings.excusedCountsAsMissed || o.status !== "absent_excused"),
  );
  const attended = inWindow.filter((o) => isAttended(o.status)).length;
  return {
    from,
    to: today,
    sessions: inWindow.length,
    attended,
    excusedMissed: inWindow.filter((o) => o.status === "absent_excused").length,
    percent: inWindow.length === 0 ? null : Math.floor((attended * 100) / inWindow.length),
    missedOccurrenceIds: inWindow.filter((o) => !isAttended(o.status)).map((o) => o.occurrenceId),
  };
}

/**
 * A finding when the rate over the window is under the program's minimum, once the window holds at
 * least the program's minimum number of sessions. Compared in whole numbers: attended × 100 against
 * minimum × sessions.
 */
export function detectLowAttendanceRate(
  occurrences: readonly ParticipantOccurrence[],
  today: string,
  settings: AbsenceSettings,
): AttendanceFinding | null {
  const rate = computeAttendanceRate(occurrences, today, settings);
  if (rate.sessions < settings.minimumSessions) return null;
  if (rate.attended * 100 >= settings.minimumRatePercent * rate.sessions) return null;
  const excused =
    rate.excusedMissed === 0
      ? ""
      : ` ${rate.excusedMissed} excused ${rate.excusedMissed === 1 ? "absence counts" : "absences count"} as missed.`;
  return {
    kind: "low_attendance_rate",
    severity: "warning",
    reason:
      `Attended ${rate.attended} of ${rate.sessions} sessions (${rate.percent}%) in the last ` +
      `${settings.rateWindowDays} days, under the program's ${settings.minimumRatePercent}%.${excused}`,
    evidence: { kind: "session_occurrences", occurrenceIds: rate.missedOccurrenceIds },
  };
}

/** Both absence rules for one participant. */
export function deriveAbsenceFindings(
  occurrences: readonly ParticipantOccurrence[],
  today: string,
  settings: AbsenceSettings,
): AttendanceFinding[] {
  return [
    detectConsecutiveUnexcusedAbsences(occurrences, settings),
    detectLowAttendanceRate(occurrences, today, settings),
  ].filter((f): f is AttendanceFinding => f !== null);
}
