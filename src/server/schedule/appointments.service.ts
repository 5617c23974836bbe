import { randomUUID } from "node:crypto";
import { can } from "../../core/access/access.rules";
import type { Permission } from "../../core/access/permissions";
import type { AttendanceStatus } from "../../core/attendance/attendance.schema";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError, type FieldError } from "../../core/platform/errors";
import {
  type Appointment,
  type AppointmentAttendanceInput,
  type AppointmentBooking,
  type AppointmentCancel,
  type AppointmentList,
  type AppointmentMove,
  checkAppointmentAttendance,
} from "../../core/schedule/appointment.schema";
import { expandAppointmentTimes, localTimesOf } from "../../core/schedule/conflicts.rules";
import { loadParticipantFacts } from "../access/access.service";
import type { AfterRecording } from "../attendance/attendance.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { filterStaffAtSite } from "../participants/participants.sql";
import { assertNoConflicts, lockKeysOf, unique, type Who } from "./appointment-conflicts";
import * as store from "./appointments.sql";
import * as rooms from "./rooms.sql";

function toAppointment(row: store.AppointmentRow): Appointment {
  const local = localTimesOf(row.time_zone, row.starts_at, row.ends_at);
  return {
    id: row.id,
    seriesId: row.series_id,
    siteId: row.site_id,
    participant: { id: row.participant_id, name: row.participant_name },
    kind: row.kind,
    staff: { id: row.staff_id, name: row.staff_name },
    room: row.room_id && row.room_name !== null ? { id: row.room_id, name: row.room_name } : null,
    location: row.location,
    telehealth: row.telehealth,
    timeZone: row.time_zone,
    date: row.local_date,
    start: local.start,
    end: local.end,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: local.durationMinutes,
    familyAttendees: row.family_attendees,
    status: row.status,
    cancelReason: row.cancel_reason,
    attendance:
      row.attendance_status !== null && row.minutes_attended !== null
        ? { status: row.attendance_status as AttendanceStatus, minutesAttended: row.minutes_attended }
        : null,
  };
}

/**
 * Individual and family sessions: booking (one-off or weekly), reading, moving one session,
 * cancelling one or the rest of a series, and recording attendance. Bookings and moves are checked
 * against the staff member's, the room's and the participant's other sessions and the participant's
 * declared unavailability, under advisory locks so two requests for the same slot cannot both win.
 */
export function createAppointmentsService(deps: {
  db: Database;
  now: () => Date;
  /** Attendance alerts for the participant's week, raised in the transaction that records the mark. */
  afterRecording?: AfterRecording;
}) {
  const { db, now, afterRecording } = deps;

  /**
   * `permission` on the participant, decided by the one policy; a refusal is audited and answers as
   * the route guard would (forbidden for staff of the participant's site, otherwise not found).
   */
  async function authorize(
    actor: Actor,
    participantId: string,
    permission: Permission,
    action: string,
    context: AuditContext,
    notFound: string,
  ): Promise<AuditPurpose> {
    const at = now();
    const facts = await loadParticipantFacts(db, actor.access, participantId, at);
    if (!facts) throw new DomainError("NOT_FOUND", notFound);
    const decision = can(actor.access, permission, facts, at);
    if (decision.allowed) return decision.purpose;
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "appointment",
        participantId,
        purpose: actor.user.kind === "staff" ? "treatment" : "self",
        outcome: "denied",
        details: { reason: decision.reason },
      },
      at,
    );
    const sameSiteStaff = actor.user.kind === "staff" && actor.access.siteIds.includes(facts.siteId);
    if (sameSiteStaff) throw new DomainError("AUTH_FORBIDDEN");
    throw new DomainError("NOT_FOUND", notFound);
  }

  async function findVisible(id: string): Promise<store.AppointmentRow> {
    const row = await store.findById(db, id);
    if (!row) throw new DomainError("NOT_FOUND", "No such appointment.");
    return row;
  }

  async function viewsOf(ids: readonly string[]): Promise<AppointmentList> {
    return { appointments: (await store.listByIds(db, ids)).map(toAppointment) };
  }

  return {
    /** Book one session or a weekly series, all or nothing. */
    async book(actor: Actor, input: AppointmentBooking, context: AuditContext): Promise<AppointmentList> {
      const action = "appointment.book";
      const purpose = await authorize(
        actor,
        input.participantId,
        "schedule.manage",
        action,
        context,
        "No such participant.",
      );
      const at = now();
      const ids = await db.transaction(async (tx) => {
        const participant = await store.findOpenEpisode(tx, input.participantId);
        if (!participant) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "This participant has no open episode: admit them before booking sessions.",
            "participantId",
          );
        }
        const siteId = participant.site_id;
        const problems: FieldError[] = [];
        if ((await filterStaffAtSite(tx, siteId, [input.staffId])).length === 0) {
          problems.push({
            path: "staffId",
            message: "Choose an active staff member who works at the participant's site.",
          });
        }
        const room = input.roomId ? await rooms.findById(tx, input.roomId) : undefined;
        if (input.roomId && (!room || room.site_id !== siteId || !room.active)) {
          problems.push({ path: "roomId", message: "Choose a room in use at the participant's site." });
        }
        const familyIds = input.familyAttendees.flatMap((a) => (a.userId ? [a.userId] : []));
        const linked = new Set(await store.filterLinkedFamily(tx, input.participantId, familyIds));
        input.familyAttendees.forEach((attendee, index) => {
          if (attendee.userId && !linked.has(attendee.userId)) {
            problems.push({
              path: `familyAttendees.${index}.userId`,
              message: "This account is not a family member linked to the participant.",
            });
          }
        });
        const expanded = expandAppointmentTimes(participant.time_zone, input);
        if (!expanded.ok) problems.push(...expanded.problems);
        if (problems.length > 0 || !expanded.ok) {
          throw new DomainError("VALIDATION_FAILED", undefined, unique(problems));
        }

        const who: Who = {
          staffId: input.staffId,
          staffName: await store.findUserName(tx, input.staffId),
          roomId: input.roomId,
          roomName: room?.name ?? "",
          participantId: input.participantId,
          firstName: participant.first_name,
        };
        await store.lockSchedules(tx, lockKeysOf(who));
        const overridden = await assertNoConflicts(tx, participant.time_zone, who, expanded.sessions, {
          excludeIds: [],
          allowUnavailability: input.allowUnavailability,
        });

        const seriesId = expanded.sessions.length > 1 ? randomUUID() : null;
        const inserted = await store.insertMany(
          tx,
          expanded.sessions.map((s) => ({
            siteId,
            participantId: input.participantId,
            episodeId: participant.episode_id,
            kind: input.kind,
            staffId: input.staffId,
            roomId: input.roomId,
            location: input.location,
            telehealth: input.telehealth,
            timeZone: participant.time_zone,
            startsAt: new Date(s.startsAt),
            endsAt: new Date(s.endsAt),
            localDate: s.date,
            seriesId,
            familyAttendees: input.familyAttendees,
            createdBy: actor.user.id,
            createdAt: at,
            updatedAt: at,
          })),
        );
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "appointment",
            resourceId: inserted[0]!,
            participantId: input.participantId,
            purpose,
            details: {
              kind: input.kind,
              seriesId,
              sessions: inserted.length,
              firstDate: expanded.sessions[0]!.date,
              staffId: input.staffId,
              roomId: input.roomId,
              telehealth: input.telehealth,
              bookedOverUnavailability: overridden,
            },
          },
          at,
        );
        return inserted;
      });
      return viewsOf(ids);
    },

    /** One appointment, for whoever may see the participant's schedule; the read is audited. */
    async get(actor: Actor, id: string, context: AuditContext): Promise<Appointment> {
      const action = "appointment.view";
      const row = await findVisible(id);
      const purpose = await authorize(
        actor,
        row.participant_id,
        "schedule.view",
        action,
        context,
        "No such appointment.",
      );
      await recordAudit(
        db,
        context,
        { action, resourceType: "appointment", resourceId: id, participantId: row.participant_id, purpose },
        now(),
      );
      return toAppointment(row);
    },

    /** Move one session to another date or time (drag to reschedule), checked against everything but itself. */
    async move(
      actor: Actor,
      id: string,
      input: AppointmentMove,
      context: AuditContext,
    ): Promise<Appointment> {
      const action = "appointment.move";
      const row = await findVisible(id);
      const purpose = await authorize(
        actor,
        row.participant_id,
        "schedule.manage",
        action,
        context,
        "No such appointment.",
      );
      const at = now();
      await db.transaction(async (tx) => {
        const current = (await store.findById(tx, id, true))!;
        if (current.status === "cancelled") throw new DomainError("SCHEDULE_APPOINTMENT_CANCELLED");
        if (current.attendance_status !== null) throw new DomainError("SCHEDULE_ATTENDANCE_RECORDED");
        const expanded = expandAppointmentTimes(current.time_zone, { ...input, recurrence: null });
        if (!expanded.ok) throw new DomainError("VALIDATION_FAILED", undefined, expanded.problems);
        const [session] = expanded.sessions;
        const who: Who = {
          staffId: current.staff_id,
          staffName: current.staff_name,
          roomId: current.room_id,
          roomName: current.room_name ?? "",
          participantId: current.participant_id,
          firstName: await store.findFirstName(tx, current.participant_id),
        };
        await store.lockSchedules(tx, lockKeysOf(who));
        const overridden = await assertNoConflicts(tx, current.time_zone, who, [session!], {
          excludeIds: [id],
          allowUnavailability: input.allowUnavailability,
        });
        await store.updateTimes(tx, id, {
          startsAt: new Date(session!.startsAt),
          endsAt: new Date(session!.endsAt),
          localDate: session!.date,
          updatedAt: at,
        });
        const before = localTimesOf(current.time_zone, current.starts_at, current.ends_at);
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "appointment",
            resourceId: id,
            participantId: current.participant_id,
            purpose,
            details: {
              fromDate: before.date,
              fromStart: before.start,
              fromEnd: before.end,
              toDate: session!.date,
              toStart: session!.start,
              toEnd: session!.end,
              bookedOverUnavailability: overridden,
            },
          },
          at,
        );
        if (afterRecording) {
          await afterRecording(tx, {
            participantIds: [current.participant_id],
            on: current.local_date,
            timeZone: current.time_zone,
            userId: actor.user.id,
            context,
            at,
          });
        }
      });
      return toAppointment((await store.findById(db, id))!);
    },

    /** Cancel one session, or it and the following sessions of its series that have no attendance. */
    async cancel(
      actor: Actor,
      id: string,
      input: AppointmentCancel,
      context: AuditContext,
    ): Promise<AppointmentList> {
      const action = "appointment.cancel";
      const row = await findVisible(id);
      const purpose = await authorize(
        actor,
        row.participant_id,
        "schedule.manage",
        action,
        context,
        "No such appointment.",
      );
      const at = now();
      const ids = await db.transaction(async (tx) => {
        const current = (await store.findById(tx, id, true))!;
        if (current.status === "cancelled") throw new DomainError("SCHEDULE_APPOINTMENT_CANCELLED");
        if (current.attendance_status !== null) {
          throw new DomainError(
            "SCHEDULE_ATTENDANCE_RECORDED",
            "Attendance is recorded for this session; it cannot be cancelled.",
          );
        }
        const cancelled =
          input.scope === "one" || current.series_id === null
            ? [id]
            : await store.lockFollowingInSeries(tx, current.series_id, current.starts_at);
        await store.cancelMany(tx, cancelled, input.reason, at);
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "appointment",
            resourceId: id,
            participantId: current.participant_id,
            purpose,
            details: { scope: input.scope, seriesId: current.series_id, sessions: cancelled.length },
          },
          at,
        );
        return cancelled;
      });
      return viewsOf(ids);
    },

    /**
     * Record attendance at one session: minutes within its length; a change to a recorded mark is an
     * edit that needs a reason, kept with the before and after in the audit trail.
     */
    async recordAttendance(
      actor: Actor,
      id: string,
      input: AppointmentAttendanceInput,
      context: AuditContext,
    ): Promise<Appointment> {
      const row = await findVisible(id);
      const purpose = await authorize(
        actor,
        row.participant_id,
        "attendance.record",
        "appointment.attendance_record",
        context,
        "No such appointment.",
      );
      const at = now();
      await db.transaction(async (tx) => {
        const current = (await store.findById(tx, id, true))!;
        if (current.status === "cancelled") throw new DomainError("SCHEDULE_APPOINTMENT_CANCELLED");
        const { durationMinutes } = localTimesOf(current.time_zone, current.starts_at, current.ends_at);
        const saved =
          current.attendance_status !== null && current.minutes_attended !== null
            ? {
                status: current.attendance_status as AttendanceStatus,
                minutesAttended: current.minutes_attended,
              }
            : null;
        const check = checkAppointmentAttendance(input, durationMinutes, saved);
        if (!check.ok) throw new DomainError("VALIDATION_FAILED", undefined, check.problems);
        if (!check.changed) return;
        await store.updateAttendance(tx, id, {
          attendanceStatus: check.mark.status,
          minutesAttended: check.mark.minutesAttended,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: check.edit ? "appointment.attendance_edit" : "appointment.attendance_record",
            resourceType: "appointment",
            resourceId: id,
            participantId: current.participant_id,
            purpose,
            details: {
              status: check.mark.status,
              minutesAttended: check.mark.minutesAttended,
              sessionMinutes: durationMinutes,
              ...(check.edit && saved
                ? {
                    previousStatus: saved.status,
                    previousMinutesAttended: saved.minutesAttended,
                    reason: input.reason?.trim() ?? "",
                  }
                : {}),
            },
          },
          at,
        );
        if (afterRecording) {
          await afterRecording(tx, {
            participantIds: [current.participant_id],
            on: current.local_date,
            timeZone: current.time_zone,
            userId: actor.user.id,
            context,
            at,
          });
        }
      });
      return toAppointment((await store.findById(db, id))!);
    },
  };
}
export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
