import type { AttendanceStatus } from "../../core/attendance/attendance.schema";
import type { WeeklyHoursView } from "../../core/attendance/roster.schema";
import type { WeekOccurrence } from "../../core/attendance/weekly-hours.rules";
import { localTimesOf } from "../../core/schedule/conflicts.rules";
import type { AppointmentRow } from "./appointments.sql";

/**
 * A participant's individual and family sessions as weekly hours shows and counts them, beside the
 * group sessions: their scheduled minutes (the real length of the session) and, once recorded, the
 * attendance. A cancelled appointment is off the schedule and counts for nothing.
 */

export type WeekAppointment = WeeklyHoursView["appointments"][number];

export function weekAppointmentsOf(rows: readonly AppointmentRow[]): WeekAppointment[] {
  return rows
    .filter((row) => row.status === "scheduled")
    .map((row) => {
      const local = localTimesOf(row.time_zone, row.starts_at, row.ends_at);
      return {
        id: row.id,
        kind: row.kind,
        staff: { id: row.staff_id, name: row.staff_name },
        date: row.local_date,
        start: local.start,
        end: local.end,
        scheduledMinutes: local.durationMinutes,
        mark:
          row.attendance_status !== null && row.minutes_attended !== null
            ? { status: row.attendance_status as AttendanceStatus, minutesAttended: row.minutes_attended }
            : null,
      };
    });
}

/** The appointments as the weekly-hours rule counts them. */
export function appointmentOccurrencesOf(appointments: readonly WeekAppointment[]): WeekOccurrence[] {
  return appointments.map((a) => ({
    kind: a.kind,
    date: a.date,
    scheduledMinutes: a.scheduledMinutes,
    mark: a.mark,
  }));
}
