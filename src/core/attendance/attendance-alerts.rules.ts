import type { AlertEvidence, AlertSeverity } from "../alerts/alerts.schema";
import { addDays } from "../platform/dates";
import {
  countable,
  detectConsecutiveUnexcusedAbsences,
  detectLowAttendanceRate,
  type ParticipantOccurrence,
} from "./absence.rules";
import type { AbsenceSettings } from "./absence-settings.schema";
import { type AttendanceAlertKind, type AttendanceFinding, formatHours } from "./attendance-findings";
import { deriveWeeklyHoursFindings, isoWeekStart, type WeeklyHours } from "./weekly-hours.rules";

/**
 * Which attendance findings become alerts, and which alerts they resolve. Pure: the caller passes a
 * participant's week (or null), their recorded sessions, the program's absence settings, today, and
 * the attendance alerts already stored about them.
 *
 * What identifies an alert (the alerts module keeps one unresolved alert per identity):
 * - the week's shortfall and the payer's days: the participant and the week's Monday;
 * - a run of unexcused absences: the run's first session;
 * - a low attendance rate: the participant and the week it was found in.
 *
 * Each is raised **once**: not while one about it is unresolved, and not again after a person has
 * resolved it (an hourly sweep would otherwise bring back what a counselor has just dealt with). An
 * alert resolved automatically does not count: when the facts change back, it is raised again.
 *
 * Resolved automatically, with a note saying why:
 * - the week's shortfall and the payer's days, when the week can reach them again (a session
 *   corrected to attended, one added or moved back);
 * - a run of absences, when its sessions no longer make the program's count of unexcused absences
 *   in a row (a mark corrected). A participant who simply comes back keeps the alert: the absences
 *   happened, and the counselor acts on them.
 * A low rate is not resolved automatically: it is a pattern to talk over, and rises and falls with
 * each session.
 */

/** The start of every automatic resolution's note (how the plan tells them from a person's). */
export const AUTOMATIC_NOTE_PREFIX = "Resolved automatically: ";

export interface AttendanceAlertInput {
  participantId: string;
  /** Today in the zone of the participant's track. */
  today: string;
  /** The week evaluated, or null when it is not (the participant joined or left part-way through it). */
  week: WeeklyHours | null;
  /** The participant's recorded sessions (any dates; those after today are left out). */
  occurrences: readonly ParticipantOccurrence[];
  settings: AbsenceSettings;
}

export interface AttendanceCandidates {
  input: AttendanceAlertInput;
  /** Recorded sessions up to today. */
  past: ParticipantOccurrence[];
  weekFindings: AttendanceFinding[];
  consecutive: AttendanceFinding | null;
  rate: AttendanceFinding | null;
}

/** What the rules find now, before looking at the alerts already stored. */
export function findAttendanceCandidates(input: AttendanceAlertInput): AttendanceCandidates {
  const past = input.occurrences.filter((o) => o.date <= input.today);
  return {
    input,
    past,
    weekFindings: input.week ? deriveWeeklyHoursFindings(input.week) : [],
    consecutive: detectConsecutiveUnexcusedAbsences(past, input.settings),
    rate: detectLowAttendanceRate(past, input.today, input.settings),
  };
}

/**
 * The stored alerts the plan must see besides the unresolved ones: those about the evaluated week
 * and this week (evidence items), and those about the run found now (evidence ids).
 */
export function candidateKeys(c: AttendanceCandidates): { evidenceItems: string[]; evidenceIds: string[] } {
  const items = new Set([isoWeekStart(c.input.today)]);
  if (c.input.week) items.add(c.input.week.weekStart);
  const runStart = runStartOf(c.consecutive);
  return { evidenceItems: [...items], evidenceIds: runStart ? [runStart] : [] };
}

/** The first session of a run of absences: what identifies its alert. */
function runStartOf(finding: AttendanceFinding | null): string | undefined {
  return finding?.evidence.kind === "session_occurrences" ? finding.evidence.occurrenceIds[0] : undefined;
}

export interface StoredAttendanceAlert {
  kind: AttendanceAlertKind;
  evidenceId: string;
  evidenceItem: string | null;
  /** `resolved_automatically`: its resolution note starts with AUTOMATIC_NOTE_PREFIX. */
  state: "unresolved" | "resolved_by_person" | "resolved_automatically";
}

export interface AlertToRaise {
  kind: AttendanceAlertKind;
  severity: AlertSeverity;
  reason: string;
  evidence: AlertEvidence;
}

/** The unresolved alerts of one kind about one piece of evidence, and why they no longer hold. */
export interface AlertToResolve {
  kind: AttendanceAlertKind;
  evidence: { id: string; item: string | null };
  note: string;
}

export interface AttendanceAlertPlan {
  raise: AlertToRaise[];
  resolve: AlertToResolve[];
}

type RunState = "holds" | "broken" | "unknown";

/**
 * Whether the run of absences that starts at `firstId` still makes `count` unexcused absences in a
 * row: unknown when that session is not among those given.
 */
export function checkAbsenceRun(
  occurrences: readonly ParticipantOccurrence[],
  firstId: string,
  count: number,
): RunState {
  const first = occurrences.find((o) => o.occurrenceId === firstId);
  if (!first) return "unknown";
  if (first.status !== "absent_unexcused") return "broken";
  const ordered = countable(occurrences);
  const at = ordered.findIndex((o) => o.occurrenceId === firstId);
  const run = ordered.slice(at, at + count);
  return run.length === count && run.every((o) => o.status === "absent_unexcused") ? "holds" : "broken";
}

function weekNote(kind: AttendanceAlertKind, week: WeeklyHours): string {
  if (kind === "payer_days_short") {
    const { countingDays, possibleDays, daysRequired } = week.payer;
    const most = countingDays + possibleDays;
    return (
      `${AUTOMATIC_NOTE_PREFIX}the week of ${week.weekStart} can have ${most} ` +
      `${most === 1 ? "day" : "days"} with the payer's daily hours again (${daysRequired} required).`
    );
  }
  const reach = week.verdict === "met" ? "reached" : "can reach";
  return (
    `${AUTOMATIC_NOTE_PREFIX}the week of ${week.weekStart} ${reach} the weekly minimum of ` +
    `${formatHours(week.minimumMinutes)} again (${formatHours(week.projectedMinutes)} projected).`
  );
}

export function planAttendanceAlerts(
  c: AttendanceCandidates,
  stored: readonly StoredAttendanceAlert[],
): AttendanceAlertPlan {
  const { participantId, today, week, settings } = c.input;
  const raise: AlertToRaise[] = [];
  const resolve: AlertToResolve[] = [];
  /** An alert about it is unresolved, or a person resolved one: do not raise it again. */
  const handled = (kind: AttendanceAlertKind, matches: (a: StoredAttendanceAlert) => boolean) =>
    stored.some((a) => a.kind === kind && matches(a) && a.state !== "resolved_automatically");
  const toRaise = (finding: AttendanceFinding, evidence: AlertEvidence): AlertToRaise => ({
    kind: finding.kind,
    severity: finding.severity,
    reason: finding.reason,
    evidence,
  });

  if (week) {
    for (const kind of ["weekly_hours_short", "payer_days_short"] as const) {
      const aboutWeek = (a: StoredAttendanceAlert) =>
        a.evidenceId === participantId && a.evidenceItem === week.weekStart;
      const finding = c.weekFindings.find((f) => f.kind === kind);
      if (finding) {
        if (!handled(kind, aboutWeek))
          raise.push(toRaise(finding, { kind: "attendance_week", id: participantId, item: week.weekStart }));
      } else if (stored.some((a) => a.kind === kind && aboutWeek(a) && a.state === "unresolved")) {
        resolve.push({
          kind,
          evidence: { id: participantId, item: week.weekStart },
          note: weekNote(kind, week),
        });
      }
    }
  }

  const consecutive = c.consecutive;
  const runStart = runStartOf(consecutive);
  if (consecutive && runStart && !handled(consecutive.kind, (a) => a.evidenceId === runStart)) {
    // The item is the first missed session's date: the chart opens at its week.
    const on = c.past.find((o) => o.occurrenceId === runStart)?.date ?? null;
    raise.push(toRaise(consecutive, { kind: "attendance_record", id: runStart, item: on }));
  }
  for (const a of stored) {
    if (a.kind !== "consecutive_unexcused_absences" || a.state !== "unresolved" || a.evidenceId === runStart)
      continue;
    if (checkAbsenceRun(c.past, a.evidenceId, settings.consecutiveUnexcused) !== "broken") continue;
    resolve.push({
      kind: a.kind,
      evidence: { id: a.evidenceId, item: null },
      note:
        `${AUTOMATIC_NOTE_PREFIX}the attendance was corrected: these sessions are no longer ` +
        `${settings.consecutiveUnexcused} missed in a row without an excuse.`,
    });
  }

  if (c.rate) {
    const thisWeek = isoWeekStart(today);
    const open = stored.some((a) => a.kind === "low_attendance_rate" && a.state === "unresolved");
    if (!open && !handled("low_attendance_rate", (a) => a.evidenceItem === thisWeek)) {
      raise.push(toRaise(c.rate, { kind: "attendance_week", id: participantId, item: thisWeek }));
    }
  }
  return { raise, resolve };
}

/**
 * Whether enrollments (open, or exited on their last day) together cover every day of the week: a
 * week the participant joined or left part-way through is short by design, not a warning.
 */
export function coversWeek(
  enrollments: readonly { joinedOn: string; exitedOn: string | null }[],
  weekStart: string,
  weekEnd: string,
): boolean {
  let coveredTo = addDays(weekStart, -1);
  const sorted = [...enrollments].sort((a, b) =>
    a.joinedOn < b.joinedOn ? -1 : a.joinedOn > b.joinedOn ? 1 : 0,
  );
  for (const e of sorted) {
    if (e.joinedOn > addDays(coveredTo, 1)) return false;
    if (e.exitedOn === null) return true;
    if (e.exitedOn > coveredTo) coveredTo = e.exitedOn;
    if (coveredTo >= weekEnd) return true;
  }
  return false;
}
