import type { z } from "zod";
import { can } from "../../core/access/access.rules";
import {
  type AttendanceMark,
  type AttendanceStatus,
  attendanceEditSchema,
  attendanceMarkSchema,
} from "../../core/attendance/attendance.schema";
import {
  type AttendanceSubmission,
  type OccurrenceParams,
  occurrenceRefOf,
  type RecordedMark,
  type Roster,
  type RosterOccurrence,
  type WeeklyHoursQuery,
  type WeeklyHoursView,
} from "../../core/attendance/roster.schema";
import { computeWeeklyHours, isoWeekStart } from "../../core/attendance/weekly-hours.rules";
import { addDays } from "../../core/platform/dates";
import { DomainError, type FieldError } from "../../core/platform/errors";
import {
  expandSeries,
  findSlotOfOccurrence,
  isoWeekdayOf,
  type Occurrence,
} from "../../core/schedule/recurrence.rules";
import { WEEKDAY_NAMES } from "../../core/schedule/track-pattern.schema";
import { listApprovedForOccurrence as listApprovedAbsences } from "../absence-requests/absence-requests.sql";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { appointmentOccurrencesOf, weekAppointmentsOf } from "../schedule/appointment-weeks";
import { listOfParticipantBetween as listAppointmentsOfParticipant } from "../schedule/appointments.sql";
import * as store from "./attendance.sql";
import { readAttendanceSettings } from "./attendance-settings.repo";
import {
  ageGroupOf,
  collectSessions,
  exceptionOf,
  seriesOf,
  todayIn,
  weekOccurrencesOf,
} from "./week-sessions";

/** The track's occurrence named by `key` (its original date and start), with its exception applied. */
export function findOccurrence(
  track: store.TrackRow,
  exceptions: readonly store.ExceptionRow[],
  key: string,
) {
  const series = seriesOf(track);
  const on = occurrenceRefOf(key);
  if (findSlotOfOccurrence(series, on) === null) {
    throw new DomainError(
      "ATTENDANCE_OCCURRENCE_NOT_FOUND",
      `${track.name} has no session on ${WEEKDAY_NAMES[isoWeekdayOf(on.date)]} ${on.date} at ${on.start}.`,
    );
  }
  const row = exceptions.find((e) => e.occurrence_key === key);
  const exception = row ? exceptionOf(row) : null;
  const movedOn = exception?.kind === "moved" ? exception.movedTo.date : on.date;
  const from = movedOn < on.date ? movedOn : on.date;
  const to = movedOn > on.date ? movedOn : on.date;
  const occurrence = expandSeries(series, exception ? [exception] : [], from, to).find((o) => o.key === key);
  if (!occurrence) throw new Error(`The slot of ${key} expanded to no occurrence.`);
  return occurrence;
}

function occurrenceView(track: store.TrackRow, o: Occurrence): RosterOccurrence {
  return {
    key: o.key,
    track: { id: track.id, name: track.name, timeZone: track.time_zone, telehealth: track.telehealth },
    date: o.date,
    start: o.start,
    end: o.end,
    status: o.status,
    problem: o.problem,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    durationMinutes: o.durationMinutes,
    exception: o.exception ? { kind: o.exception.kind, reason: o.exception.reason } : null,
  };
}

function markView(row: store.MarkRow): RecordedMark {
  return {
    status: row.status as AttendanceStatus,
    minutesAttended: row.minutes_attended,
    sessionMinutes: row.session_minutes,
    telehealth: row.telehealth,
    note: row.note === "" ? null : row.note,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by ? { id: row.recorded_by, name: row.recorded_by_name ?? "" } : null,
  };
}

/** A saved mark as a complete mark, to compare with a new one and to keep in an edit. */
function savedMark(row: store.MarkRow): AttendanceMark {
  return {
    status: row.status as AttendanceStatus,
    minutesAttended: row.minutes_attended,
    telehealth: row.telehealth,
    note: row.note === "" ? null : row.note,
  };
}

function sameMark(a: AttendanceMark, b: AttendanceMark): boolean {
  return (
    a.status === b.status &&
    a.minutesAttended === b.minutesAttended &&
    a.telehealth === b.telehealth &&
    a.note === b.note
  );
}

/** Zod issues as field errors under `prefix`; an edit's `reason` is the body's own field. */
function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path[0] === "reason" ? "reason" : [prefix, ...issue.path].join("."),
    message: issue.message,
  }));
}

interface Write {
  participantId: string;
  mark: AttendanceMark;
  saved: store.MarkRow | undefined;
}

/**
 * Called inside the transaction that recorded attendance, after its audit events: the participants
 * whose marks changed and the session's date and zone (the attendance alerts are raised here).
 */
export type AfterRecording = (
  tx: Transaction,
  event: {
    participantIds: string[];
    on: string;
    timeZone: string;
    userId: string;
    context: AuditContext;
    at: Date;
  },
) => Promise<unknown>;

/** Taking attendance for a track's sessions, and a participant's weekly hours from it. */
export function createAttendanceService(deps: {
  db: Database;
  now: () => Date;
  afterRecording?: AfterRecording;
}) {
  const { db, now, afterRecording } = deps;

  /** The track, when it is at one of the actor's sites and they may record attendance there. */
  async function trackFor(actor: Actor, trackId: string): Promise<store.TrackRow> {
    const track = await store.findTrackById(db, trackId);
    const allowed =
      track && can(actor.access, "attendance.record", { type: "site", siteId: track.site_id }, now()).allowed;
    if (!track || !allowed) throw new DomainError("NOT_FOUND", "No such track.");
    return track;
  }

  async function occurrenceOf(track: store.TrackRow, key: string): Promise<Occurrence> {
    return findOccurrence(track, await store.listExceptionsByTracks(db, [track.id]), key);
  }

  async function readRoster(track: store.TrackRow, occurrence: Occurrence): Promise<Roster> {
    const [enrolled, marks, excused] = await Promise.all([
      store.listEnrolledOn(db, track.id, occurrence.date),
      store.listMarksOfOccurrence(db, track.id, occurrence.key),
      listApprovedAbsences(db, track.id, occurrence.key),
    ]);
    const byParticipant = new Map(marks.map((m) => [m.participant_id, m]));
    const excusedInAdvance = new Set(excused);
    return {
      occurrence: occurrenceView(track, occurrence),
      participants: enrolled.map((e) => {
        const mark = byParticipant.get(e.participant_id);
        return {
          participant: { id: e.participant_id, name: e.name },
          mark: mark ? markView(mark) : null,
          excusedInAdvance: excusedInAdvance.has(e.participant_id),
        };
      }),
    };
  }

  return {
    /** The occurrence and everyone enrolled on its date with their marks; the read is audited once. */
    async roster(actor: Actor, params: OccurrenceParams, context: AuditContext): Promise<Roster> {
      const track = await trackFor(actor, params.trackId);
      const roster = await readRoster(track, await occurrenceOf(track, params.key));
      await recordAudit(
        db,
        context,
        {
          action: "attendance.roster_view",
          resourceType: "track_occurrence",
          resourceId: track.id,
          purpose: "treatment",
          details: { occurrenceKey: params.key, participants: roster.participants.length },
        },
        now(),
      );
      return roster;
    },

    /**
     * Record the marks of one occurrence, all or nothing. A mark that changes a saved one is an edit:
     * it needs the reason and keeps the before and after in `attendance_mark_edits`. One audit event
     * per mark written; marks sent unchanged write nothing.
     */
    async recordAttendance(
      actor: Actor,
      params: OccurrenceParams,
      input: AttendanceSubmission,
      context: AuditContext,
    ): Promise<Roster> {
      const track = await trackFor(actor, params.trackId);
      const occurrence = await occurrenceOf(track, params.key);
      if (occurrence.status === "cancelled") throw new DomainError("ATTENDANCE_OCCURRENCE_CANCELLED");
      const sessionMinutes = occurrence.durationMinutes;
      if (sessionMinutes === null) throw new DomainError("ATTENDANCE_OCCURRENCE_TIME_MISSING");

      const enrolled = new Set(
        (await store.listEnrolledOn(db, track.id, occurrence.date)).map((e) => e.participant_id),
      );
      const strangers = input.marks.flatMap((m, i) =>
        enrolled.has(m.participantId)
          ? []
          : [
              {
                path: `marks.${i}.participantId`,
                message: `This participant is not enrolled in ${track.name} on ${occurrence.date}.`,
              },
            ],
      );
      if (strangers.length > 0) {
        throw new DomainError("ATTENDANCE_NOT_ON_ROSTER", undefined, strangers);
      }

      const at = now();
      await db.transaction(async (tx) => {
        const saved = new Map(
          (await store.listMarksOfOccurrence(tx, track.id, occurrence.key, true)).map((m) => [
            m.participant_id,
            m,
          ]),
        );
        const problems: FieldError[] = [];
        const writes: Write[] = [];
        input.marks.forEach(({ participantId, ...fields }, i) => {
          const parsed = attendanceMarkSchema(sessionMinutes).safeParse(fields);
          if (!parsed.success) {
            problems.push(...fieldErrors(parsed.error, `marks.${i}`));
            return;
          }
          const before = saved.get(participantId);
          if (before && sameMark(savedMark(before), parsed.data)) return;
          if (before) {
            const edit = attendanceEditSchema(sessionMinutes).safeParse({ ...fields, reason: input.reason });
            if (!edit.success) {
              problems.push(...fieldErrors(edit.error, `marks.${i}`));
              return;
            }
          }
          writes.push({ participantId, mark: parsed.data, saved: before });
        });
        const unique = [...new Map(problems.map((p) => [`${p.path}\u0000${p.message}`, p])).values()];
        if (unique.length > 0) throw new DomainError("VALIDATION_FAILED", undefined, unique);

        const reason = input.reason?.trim() ?? "";
        const entries: AuditEntry[] = [];
        for (const { participantId, mark, saved: before } of writes) {
          const values = {
            status: mark.status,
            minutesAttended: mark.minutesAttended,
            sessionMinutes,
            telehealth: mark.telehealth,
            note: mark.note ?? "",
            recordedBy: actor.user.id,
            recordedAt: at,
          };
          const details = {
            trackId: track.id,
            occurrenceKey: occurrence.key,
            status: mark.status,
            minutesAttended: mark.minutesAttended,
          };
          if (before) {
            await store.updateMark(tx, before.id, values);
            const editId = await store.insertEdit(tx, {
              markId: before.id,
              before: { ...savedMark(before), sessionMinutes: before.session_minutes },
              after: { ...mark, sessionMinutes },
              reason,
              editedBy: actor.user.id,
              editedAt: at,
            });
            entries.push({
              action: "attendance.edit",
              resourceType: "attendance_mark",
              resourceId: before.id,
              participantId,
              purpose: "treatment",
              details: { ...details, editId, previousStatus: before.status },
            });
          } else {
            const id = await store.insertMark(tx, {
              ...values,
              trackId: track.id,
              occurrenceKey: occurrence.key,
              participantId,
              occurredOn: occurrence.date,
            });
            // A concurrent first recording won: roll everything back rather than overwrite it.
            if (!id) throw new DomainError("ATTENDANCE_RECORDED_MEANWHILE");
            entries.push({
              action: "attendance.record",
              resourceType: "attendance_mark",
              resourceId: id,
              participantId,
              purpose: "treatment",
              details,
            });
          }
        }
        await appendAudit(tx, context, entries, at);
        if (afterRecording && writes.length > 0) {
          await afterRecording(tx, {
            participantIds: writes.map((w) => w.participantId),
            on: occurrence.date,
            timeZone: track.time_zone,
            userId: actor.user.id,
            context,
            at,
          });
        }
      });
      return readRoster(track, occurrence);
    },

    /**
     * One participant's hours in an ISO week (the route checked access): their sessions that week
     * from the tracks they were enrolled in on each date, with their marks, against the program's
     * hours for the audience of their track.
     */
    async weeklyHours(participantId: string, query: WeeklyHoursQuery): Promise<WeeklyHoursView> {
      const latest = await store.findLatestTrackOfParticipant(db, participantId);
      const timeZone = latest?.time_zone ?? "UTC";
      const today = todayIn(timeZone, now());
      const weekStart = isoWeekStart(query.week ?? today);
      const weekEnd = addDays(weekStart, 6);
      const [enrollments, marks] = await Promise.all([
        store.listEnrollmentsOfParticipant(db, participantId, weekStart, weekEnd),
        store.listMarksOfParticipant(db, participantId, weekStart, weekEnd),
      ]);
      const exceptions = await store.listExceptionsByTracks(db, [...new Set(enrollments.map((e) => e.id))]);
      const sessions = collectSessions({ enrollments, exceptions, marks }, weekStart, weekEnd);
      // Individual and family sessions count toward the week alike.
      const appointments = weekAppointmentsOf(
        await listAppointmentsOfParticipant(db, participantId, weekStart, weekEnd),
      );
      const occurrences = [...weekOccurrencesOf(sessions), ...appointmentOccurrencesOf(appointments)];
      const ageGroup = ageGroupOf(enrollments, latest);
      const { programHours } = await readAttendanceSettings(db);
      const week = computeWeeklyHours({ weekStart, today, ageGroup, occurrences }, programHours);
      return { participantId, today, timeZone, ...week, sessions, appointments };
    },
  };
}
export type AttendanceService = ReturnType<typeof createAttendanceService>;
