import type { AttendanceStatus } from "../../../core/attendance/attendance.schema";
import type { WeeklyHoursView } from "../../../core/attendance/roster.schema";
import type { WeekVerdict } from "../../../core/attendance/weekly-hours.rules";

/**
 * How the chart shows a week's hours. The verdicts come from the server (weekly-hours.rules.ts);
 * this only names them for the screen: a week with no group session at all says so instead of a
 * verdict, and "cannot reach" reads as short.
 */
export type HoursTone = "met" | "on_track" | "at_risk" | "short" | "none";

export function toneOf(verdict: WeekVerdict): Exclude<HoursTone, "none"> {
  return verdict === "cannot_reach" ? "short" : verdict;
}

export function hoursToneOf(view: Pick<WeeklyHoursView, "verdict" | "sessions" | "appointments">): HoursTone {
  return view.sessions.length === 0 && view.appointments.length === 0 ? "none" : toneOf(view.verdict);
}

/** One line of the week's table: a group session or an individual or family appointment. */
export interface WeekRow {
  id: string;
  kind: "group" | "individual" | "family";
  /** The track's name for a group; the staff member's for an appointment. */
  name: string;
  date: string;
  start: string;
  end: string | null;
  cancelled: boolean;
  scheduledMinutes: number;
  mark: WeeklyHoursView["sessions"][number]["mark"];
}

/** The week's group sessions and appointments together, in the order they take place. */
export function weekRowsOf(view: Pick<WeeklyHoursView, "sessions" | "appointments">): WeekRow[] {
  const rows: WeekRow[] = [
    ...view.sessions.map((s) => ({
      id: `group:${s.track.id}:${s.key}`,
      kind: "group" as const,
      name: s.track.name,
      date: s.date,
      start: s.start,
      end: s.end,
      cancelled: s.status === "cancelled",
      scheduledMinutes: s.scheduledMinutes,
      mark: s.mark,
    })),
    ...view.appointments.map((a) => ({
      id: `appointment:${a.id}`,
      kind: a.kind,
      name: a.staff.name,
      date: a.date,
      start: a.start,
      end: a.end,
      cancelled: false,
      scheduledMinutes: a.scheduledMinutes,
      mark: a.mark,
    })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}

/** Badge colours whose light text passes 4.5:1 in both schemes (see app/theme.ts). */
export const TONE_COLOR: Record<HoursTone, string> = {
  met: "green",
  on_track: "teal",
  at_risk: "orange",
  short: "red",
  none: "gray",
};

/** One session of the week in the table: its mark, or why it has none. */
export type SessionState = AttendanceStatus | "cancelled" | "not_recorded" | "upcoming";

export function sessionStateOf(row: WeekRow, today: string): SessionState {
  if (row.mark) return row.mark.status;
  if (row.cancelled) return "cancelled";
  return row.date < today ? "not_recorded" : "upcoming";
}

export const SESSION_STATE_COLOR: Record<SessionState, string> = {
  present: "green",
  late: "yellow",
  left_early: "yellow",
  absent_excused: "blue",
  absent_unexcused: "red",
  cancelled_by_program: "gray",
  cancelled: "gray",
  not_recorded: "orange",
  upcoming: "gray",
};

/** Whole hours and the minutes left over: 450 → { hours: 7, minutes: 30 }. */
export function hoursAndMinutes(total: number): { hours: number; minutes: number } {
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  return { hours: sign * Math.floor(abs / 60), minutes: abs % 60 };
}
