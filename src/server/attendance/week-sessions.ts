import { Temporal } from "temporal-polyfill";
import type { AttendanceStatus } from "../../core/attendance/attendance.schema";
import type { AgeGroup } from "../../core/attendance/program-hours.schema";
import { occurrenceRefOf, type WeeklyHoursView } from "../../core/attendance/roster.schema";
import type { WeekOccurrence } from "../../core/attendance/weekly-hours.rules";
import { expandSeries } from "../../core/schedule/recurrence.rules";
import { seriesExceptionOf as exceptionOf, seriesOfTrack as seriesOf } from "../schedule/track-series";
import type { ExceptionRow, MarkRow, ParticipantEnrollmentRow, TrackRow } from "./attendance.sql";

/**
 * A participant's sessions over a range of dates, assembled from stored rows: the series of the
 * tracks they were enrolled in on each date (with the tracks' exceptions) and their marks. One
 * participant's weekly hours and the sweep over every participant (loading rows for many at once)
 * both build their weeks here, so the two always count the same sessions.
 */

/**
 * A track's stored series and its exceptions in the core's vocabulary: the schedule's one translation
 * (`schedule/track-series.ts`), under the names this domain's readers use.
 */
export { exceptionOf, seriesOf };

/** Today's date in a time zone. */
export function todayIn(zone: string, at: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

export type WeekSession = WeeklyHoursView["sessions"][number];

/** One participant's rows: enrollments overlapping the range, their tracks' exceptions, their marks in it. */
export interface SessionSources {
  enrollments: readonly ParticipantEnrollmentRow[];
  exceptions: readonly ExceptionRow[];
  marks: readonly MarkRow[];
}

/**
 * The participant's sessions from `from` through `to`, in order: each occurrence of a track on a
 * date they were enrolled in it, with its mark (a session the program cancelled counts as
 * `cancelled_by_program`), and marks whose key the series no longer produces (a changed pattern).
 */
export function collectSessions(sources: SessionSources, from: string, to: string): WeekSession[] {
  const marksByKey = new Map(sources.marks.map((m) => [`${m.track_id} ${m.occurrence_key}`, m]));
  const sessions: WeekSession[] = [];
  const seen = new Set<string>();
  for (const enrollment of sources.enrollments) {
    const start = enrollment.joined_on > from ? enrollment.joined_on : from;
    const exitedOn = enrollment.exited_on ?? to;
    const end = exitedOn < to ? exitedOn : to;
    if (start > end) continue;
    const trackExceptions = sources.exceptions.filter((e) => e.track_id === enrollment.id).map(exceptionOf);
    for (const o of expandSeries(seriesOf(enrollment), trackExceptions, start, end)) {
      const id = `${enrollment.id} ${o.key}`;
      const mark = marksByKey.get(id);
      if (seen.has(id) || (o.durationMinutes === null && !mark)) continue;
      seen.add(id);
      sessions.push({
        track: { id: enrollment.id, name: enrollment.name },
        key: o.key,
        date: o.date,
        start: o.start,
        end: o.end,
        status: o.status,
        scheduledMinutes: mark ? mark.session_minutes : o.durationMinutes!,
        mark: mark
          ? { status: mark.status as AttendanceStatus, minutesAttended: mark.minutes_attended }
          : o.status === "cancelled"
            ? { status: "cancelled_by_program", minutesAttended: 0 }
            : null,
      });
    }
  }
  for (const mark of sources.marks) {
    const id = `${mark.track_id} ${mark.occurrence_key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    sessions.push({
      track: { id: mark.track_id, name: mark.track_name },
      key: mark.occurrence_key,
      date: mark.occurred_on,
      start: occurrenceRefOf(mark.occurrence_key).start,
      end: null,
      status: "scheduled",
      scheduledMinutes: mark.session_minutes,
      mark: { status: mark.status as AttendanceStatus, minutesAttended: mark.minutes_attended },
    });
  }
  return sessions.sort((a, b) =>
    a.date + a.start < b.date + b.start ? -1 : a.date + a.start > b.date + b.start ? 1 : 0,
  );
}

/** The sessions as the weekly-hours rule counts them. */
export function weekOccurrencesOf(sessions: readonly WeekSession[]): WeekOccurrence[] {
  return sessions.map((s) => ({ date: s.date, scheduledMinutes: s.scheduledMinutes, mark: s.mark }));
}

/** The audience of the latest enrollment that overlaps the week, else of the participant's latest track. */
export function ageGroupOf(
  enrollments: readonly ParticipantEnrollmentRow[],
  latest: TrackRow | undefined,
): AgeGroup {
  return enrollments[0]?.audience ?? latest?.audience ?? "adult";
}
