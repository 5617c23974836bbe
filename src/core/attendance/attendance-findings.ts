import type { AlertKind, AlertSeverity } from "../alerts/alerts.schema";

/**
 * What the attendance rules find for the alerts module: a kind (each one of `ALERT_KINDS`), a
 * severity and a reason in plain words. `attendance-alerts.rules.ts` decides which findings become
 * alerts and which alerts they resolve.
 */
export const ATTENDANCE_ALERT_KINDS = [
  /** Mid-week warning: even attending every remaining session, the week stays under the minimum. */
  "weekly_hours_short",
  /** The payer's days rule (≥ 3 hours on ≥ 3 days) can no longer be met this week. */
  "payer_days_short",
  "consecutive_unexcused_absences",
  "low_attendance_rate",
] as const satisfies readonly AlertKind[];
export type AttendanceAlertKind = (typeof ATTENDANCE_ALERT_KINDS)[number];

export type AttendanceEvidence =
  /** One participant's week (Monday's date). */
  | { kind: "attendance_week"; weekStart: string }
  /** Session occurrences, in order; the last one is the latest. */
  | { kind: "session_occurrences"; occurrenceIds: string[] };

export interface AttendanceFinding {
  kind: AttendanceAlertKind;
  severity: AlertSeverity;
  reason: string;
  evidence: AttendanceEvidence;
}

/** Whole minutes (≥ 0) in words: "9 hours", "7 hours 30 minutes", "1 hour", "45 minutes". */
export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = `${hours} ${hours === 1 ? "hour" : "hours"}`;
  const m = `${rest} ${rest === 1 ? "minute" : "minutes"}`;
  if (rest === 0) return h;
  return hours === 0 ? m : `${h} ${m}`;
}
