import { isAttended } from "../../core/attendance/attendance.schema";
import type { PlannedAppointment } from "../../core/demo/appointment-plan";
import { DEMO_SITES, type DemoParticipant, type DemoScale } from "../../core/demo/demo-plan";
import { createSchedulePlanner, type ParticipantSchedule } from "../../core/demo/schedule-plan";
import { createAlertsService } from "../alerts/alerts.service";
import { createAttendanceAlertsService } from "../attendance/attendance-alerts.service";
import type { Database, Queryable } from "../db/connection";
import { type appointments, participantUnavailability } from "../db/schema";
import * as demo from "./demo.sql";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { demoUuid } from "./demo-ids";
import { episodeId, type ProgramRows, participantId, siteId, trackId } from "./demo-rows";

/**
 * The demo's schedule written as rows: attendance marks recorded by a facilitator when each group
 * session ended, individual and family sessions (past ones with attendance, a few cancelled with a
 * reason), the current participants' declared unavailability — planned in
 * src/core/demo/schedule-plan.ts — and then this week's attendance alerts, raised by the same sweep
 * the app runs every hour.
 */

/** Participants per step: one progress tick and one round of inserts. */
const STEP = 1_000;

/** The family account's name and how they are related to the demo participant (see linkDemoFamily). */
const LINKED_RELATIVE = {
  name: DEMO_ACCOUNTS.find((a) => a.kind === "family")!.displayName,
  relationship: "sister",
};

export interface ScheduleRows {
  marks: demo.DemoMarkRow[];
  appointments: (typeof appointments.$inferInsert)[];
  unavailability: (typeof participantUnavailability.$inferInsert)[];
}

/** A fictional video-room link for a telehealth session. */
const videoLink = (id: string) => `https://video.demo.bridgeway.example/r/${id.slice(0, 8)}`;

function appointmentRow(
  seed: number,
  person: DemoParticipant,
  n: number,
  index: number,
  a: PlannedAppointment,
  program: ProgramRows,
  familyUserId: string,
  now: Date,
): typeof appointments.$inferInsert {
  const id = demoUuid(`${seed}/appointment/${person.key}/${n}/${index}`);
  const staff = program.counselorIds[person.site]![a.counselor]!;
  const createdAt = new Date(`${a.bookedOn}T15:00:00Z`);
  const startsAt = new Date(a.startsAt);
  // Cancelled a day ahead (never after now); attendance recorded when the session ended.
  const cancelledAt = new Date(Math.min(startsAt.getTime() - 86_400_000, now.getTime()));
  return {
    id,
    siteId: siteId(person.site),
    participantId: participantId(seed, person.key),
    episodeId: episodeId(seed, person.key, n),
    kind: a.kind,
    staffId: staff,
    roomId: a.room === null ? null : program.counselingRoomIds[person.site]![a.room]!,
    location: a.telehealth ? videoLink(id) : "",
    telehealth: a.telehealth,
    timeZone: DEMO_SITES[person.site]!.timeZone,
    startsAt,
    endsAt: new Date(a.endsAt),
    localDate: a.date,
    seriesId: a.recurring ? demoUuid(`${seed}/appointment-series/${person.key}/${n}/${a.booking}`) : null,
    familyAttendees: a.family.map((f) => ({
      userId: f.linkedAccount ? familyUserId : null,
      name: f.name,
      relationship: f.relationship,
    })),
    status: a.status,
    cancelReason: a.cancelReason,
    attendanceStatus: a.outcome?.status ?? null,
    minutesAttended: a.outcome?.minutesAttended ?? null,
    createdBy: staff,
    createdAt,
    updatedAt: a.outcome
      ? new Date(a.endsAt)
      : a.status === "cancelled"
        ? new Date(Math.max(cancelledAt.getTime(), createdAt.getTime()))
        : createdAt,
  };
}

/** The rows of planned schedules; `byKey` finds each participant's plan. */
export function buildScheduleRows(
  seed: number,
  schedules: readonly ParticipantSchedule[],
  byKey: ReadonlyMap<number, DemoParticipant>,
  program: ProgramRows,
  now: Date,
): ScheduleRows {
  const familyUserId = program.users.find((u) => u.kind === "family")!.id!;
  const facilitators = program.tracks.map((t) =>
    program.trackFacilitators.filter((f) => f.trackId === t.id).map((f) => f.userId),
  );
  const rows: ScheduleRows = { marks: [], appointments: [], unavailability: [] };
  for (const schedule of schedules) {
    const person = byKey.get(schedule.key)!;
    const who = participantId(seed, person.key);
    for (const e of schedule.episodes) {
      const track = trackId(e.track);
      const runners = facilitators[e.track]!;
      for (const m of e.marks) {
        rows.marks.push({
          track_id: track,
          occurrence_key: m.key,
          participant_id: who,
          occurred_on: m.date,
          status: m.outcome.status,
          minutes_attended: m.outcome.minutesAttended,
          session_minutes: m.sessionMinutes,
          telehealth: m.telehealth && isAttended(m.outcome.status),
          note: m.outcome.note,
          // The facilitators take turns recording, week by week.
          recorded_by: runners[Number(m.date.slice(8, 10)) % runners.length]!,
          recorded_at: m.recordedAt,
        });
      }
      e.appointments.forEach((a, index) => {
        rows.appointments.push(appointmentRow(seed, person, e.n, index, a, program, familyUserId, now));
      });
    }
    const open = person.episodes.at(-1)!;
    schedule.unavailability.forEach((u) => {
      rows.unavailability.push({
        participantId: who,
        weekday: u.weekday,
        startTime: u.start,
        endTime: u.end,
        reason: u.reason,
        note: u.note,
        createdBy: program.counselorIds[person.site]![open.counselor]!,
        createdAt: new Date(`${open.admittedOn}T16:00:00Z`),
      });
    });
  }
  return rows;
}

export interface WrittenSchedule {
  marks: number;
  appointments: number;
}

/** Plan and write the schedule of every participant, a step at a time. */
export async function writeSchedule(
  q: Queryable,
  options: { seed: number; scale: DemoScale; today: string; now: Date },
  plan: readonly DemoParticipant[],
  program: ProgramRows,
  progress: (done: number, total: number) => void,
): Promise<WrittenSchedule> {
  const { seed, now } = options;
  const planner = createSchedulePlanner({
    seed,
    scale: options.scale,
    today: options.today,
    nowMs: now.getTime(),
    plan,
    linkedRelative: LINKED_RELATIVE,
  });
  const byKey = new Map(plan.map((p) => [p.key, p]));
  const written: WrittenSchedule = { marks: 0, appointments: 0 };
  progress(0, plan.length);
  for (let i = 0; i < plan.length; i += STEP) {
    const schedules = planner.plan(plan.slice(i, i + STEP));
    const rows = buildScheduleRows(seed, schedules, byKey, program, now);
    await demo.insertAttendanceMarkRows(q, rows.marks);
    await demo.insertAppointmentRows(q, rows.appointments);
    await demo.insertRows(q, participantUnavailability, rows.unavailability);
    written.marks += rows.marks.length;
    written.appointments += rows.appointments.length;
    progress(Math.min(i + STEP, plan.length), plan.length);
  }
  return written;
}

/**
 * This week's attendance alerts, raised by the sweep the app runs every hour (at `now`, by the
 * system): the weeks that can no longer reach the minimum, absences in a row, low rates.
 */
export async function raiseAttendanceAlerts(db: Database, now: Date): Promise<number> {
  const clock = () => now;
  // No attendance alert is urgent: the base address (used only in urgent alerts' emails) is unused.
  const alerts = createAlertsService({ db, now: clock, baseUrl: "http://localhost" });
  const attendanceAlerts = createAttendanceAlertsService({
    db,
    now: clock,
    raiseAlert: alerts.raiseAlert,
    resolveFindings: alerts.resolveFindings,
  });
  const { raised } = await attendanceAlerts.sweep(now);
  return raised;
}
