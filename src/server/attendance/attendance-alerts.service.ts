import { Temporal } from "temporal-polyfill";
import type { ParticipantOccurrence } from "../../core/attendance/absence.rules";
import type { AttendanceStatus } from "../../core/attendance/attendance.schema";
import {
  type AttendanceAlertPlan,
  AUTOMATIC_NOTE_PREFIX,
  candidateKeys,
  coversWeek,
  findAttendanceCandidates,
  planAttendanceAlerts,
  type StoredAttendanceAlert,
} from "../../core/attendance/attendance-alerts.rules";
import { occurrenceRefOf } from "../../core/attendance/roster.schema";
import { computeWeeklyHours, isoWeekStart } from "../../core/attendance/weekly-hours.rules";
import { addDays } from "../../core/platform/dates";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, SYSTEM_CONTEXT } from "../audit/audit.service";
import { lockChain } from "../audit/audit.sql";
import type { Database, Queryable, Transaction } from "../db/connection";
import { appointmentOccurrencesOf, weekAppointmentsOf } from "../schedule/appointment-weeks";
import { listOfParticipantsBetween as listAppointmentsOfParticipants } from "../schedule/appointments.sql";
import {
  listEnrollmentsOfParticipants,
  listExceptionsByTracks,
  listMarksOfParticipants,
} from "./attendance.sql";
import * as store from "./attendance-alerts.sql";
import { readAttendanceSettings } from "./attendance-settings.repo";
import { ageGroupOf, collectSessions, todayIn, weekOccurrencesOf } from "./week-sessions";

/**
 * Attendance alerts through the alerts module: the week that cannot reach the level-of-care minimum
 * (the mid-week warning) or the payer's days, unexcused absences in a row, and a low attendance rate
 * (core/attendance/attendance-alerts.rules.ts decides; this reads the rows and acts).
 *
 * Two ways in: right after attendance is recorded, inside the recording's transaction (the alerts
 * commit with the marks, or neither does), and an hourly sweep over everyone enrolled (weeks change
 * without a mark too: a session cancelled or added, an enrollment changed, the rate's window moving).
 * Both decide while holding the audit chain's lock — every write that appends audit events takes
 * it — so a sweep never raises what a recording has just resolved, nor the other way round.
 */

/** One participant to evaluate: the week to count and today, in the zone of their track. */
interface Target {
  participantId: string;
  weekStart: string;
  today: string;
}

interface Evaluated {
  participantId: string;
  plan: AttendanceAlertPlan;
}

/** How many participants one round of batch queries reads. */
const BATCH = 500;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** A recorded session as the absence rules read it (a group session's start from its key and zone). */
function occurrenceOf(row: store.RecordedSessionRow): ParticipantOccurrence {
  const startsAt =
    row.starts_at ??
    Temporal.PlainDateTime.from(`${row.on_date}T${occurrenceRefOf(row.occurrence_key!).start}`)
      .toZonedDateTime(row.time_zone)
      .toInstant()
      .toString();
  return { occurrenceId: row.id, date: row.on_date, startsAt, status: row.status as AttendanceStatus };
}

function storedOf(row: store.AttendanceAlertRow): StoredAttendanceAlert {
  return {
    kind: row.kind,
    evidenceId: row.evidence_id,
    evidenceItem: row.evidence_item,
    state:
      row.state !== "resolved"
        ? "unresolved"
        : row.resolution_note?.startsWith(AUTOMATIC_NOTE_PREFIX)
          ? "resolved_automatically"
          : "resolved_by_person",
  };
}

/** What the rules decide for these participants, from a few queries for all of them. */
async function evaluate(q: Queryable, targets: readonly Target[]): Promise<Evaluated[]> {
  if (targets.length === 0) return [];
  const settings = await readAttendanceSettings(q);
  const ids = targets.map((t) => t.participantId);

  const weeks = new Map<string, ReturnType<typeof computeWeeklyHours> | null>();
  for (const [weekStart, group] of groupBy(targets, (t) => t.weekStart)) {
    const weekEnd = addDays(weekStart, 6);
    const groupIds = group.map((t) => t.participantId);
    // One after another: inside a transaction the queries share one connection.
    const enrollments = await listEnrollmentsOfParticipants(q, groupIds, weekStart, weekEnd);
    const marks = await listMarksOfParticipants(q, groupIds, weekStart, weekEnd);
    const appointments = await listAppointmentsOfParticipants(q, groupIds, weekStart, weekEnd);
    const exceptions = await listExceptionsByTracks(q, [...new Set(enrollments.map((e) => e.id))]);
    const enrollmentsOf = groupBy(enrollments, (e) => e.participant_id);
    const marksOf = groupBy(marks, (m) => m.participant_id);
    const appointmentsOf = groupBy(appointments, (a) => a.participant_id);
    for (const target of group) {
      const own = enrollmentsOf.get(target.participantId) ?? [];
      const ranges = own.map((e) => ({ joinedOn: e.joined_on, exitedOn: e.exited_on }));
      if (!coversWeek(ranges, weekStart, weekEnd)) {
        weeks.set(target.participantId, null);
        continue;
      }
      const tracks = new Set(own.map((e) => e.id));
      const sessions = collectSessions(
        {
          enrollments: own,
          exceptions: exceptions.filter((x) => tracks.has(x.track_id)),
          marks: marksOf.get(target.participantId) ?? [],
        },
        weekStart,
        weekEnd,
      );
      const week = computeWeeklyHours(
        {
          weekStart,
          today: target.today,
          ageGroup: ageGroupOf(own, undefined),
          // Individual and family sessions count toward the week as they do in weekly hours.
          occurrences: [
            ...weekOccurrencesOf(sessions),
            ...appointmentOccurrencesOf(weekAppointmentsOf(appointmentsOf.get(target.participantId) ?? [])),
          ],
        },
        settings.programHours,
      );
      weeks.set(target.participantId, week);
    }
  }

  const todays = targets.map((t) => t.today).sort();
  const windowStart = addDays(todays[0]!, -(settings.absences.rateWindowDays - 1));
  const recorded = groupBy(
    await store.listRecordedSessions(q, ids, windowStart, todays.at(-1)!),
    (r) => r.participant_id,
  );

  const candidates = targets.map((t) =>
    findAttendanceCandidates({
      participantId: t.participantId,
      today: t.today,
      week: weeks.get(t.participantId) ?? null,
      occurrences: (recorded.get(t.participantId) ?? []).map(occurrenceOf),
      settings: settings.absences,
    }),
  );
  const items = new Set<string>();
  const evidenceIds = new Set<string>();
  for (const c of candidates) {
    const keys = candidateKeys(c);
    for (const item of keys.evidenceItems) items.add(item);
    for (const id of keys.evidenceIds) evidenceIds.add(id);
  }
  const stored = groupBy(
    await store.listAttendanceAlerts(q, ids, [...items], [...evidenceIds]),
    (a) => a.participant_id,
  );
  return candidates.map((c) => ({
    participantId: c.input.participantId,
    plan: planAttendanceAlerts(c, (stored.get(c.input.participantId) ?? []).map(storedOf)),
  }));
}

const hasActions = (plan: AttendanceAlertPlan) => plan.raise.length > 0 || plan.resolve.length > 0;

export interface ApplyOutcome {
  raised: number;
  resolved: number;
}

export function createAttendanceAlertsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, raiseAlert, resolveFindings } = deps;

  async function apply(
    tx: Transaction,
    evaluated: readonly Evaluated[],
    who: { userId: string | null; context: AuditContext },
    at: Date,
  ): Promise<ApplyOutcome> {
    let raised = 0;
    let resolved = 0;
    for (const { participantId, plan } of evaluated) {
      for (const r of plan.resolve) {
        resolved += await resolveFindings(
          tx,
          {
            kind: r.kind,
            participantId,
            evidenceId: r.evidence.id,
            ...(r.evidence.item === null ? {} : { evidenceItem: r.evidence.item }),
            note: r.note,
            userId: who.userId,
            context: who.context,
          },
          at,
        );
      }
      for (const r of plan.raise) {
        const result = await raiseAlert(
          tx,
          {
            kind: r.kind,
            severity: r.severity,
            participantId,
            reason: r.reason,
            evidence: r.evidence,
            context: who.context,
          },
          at,
        );
        if (result.raised) raised += 1;
      }
    }
    return { raised, resolved };
  }

  return {
    /**
     * Inside the transaction that recorded attendance: the participants marked, in the week of the
     * session (dated `on`, in the track's zone), and their absences as of today there. The person
     * who recorded is the one whose change resolved an alert.
     */
    async afterRecording(
      tx: Transaction,
      event: {
        participantIds: readonly string[];
        on: string;
        timeZone: string;
        userId: string;
        context: AuditContext;
        at: Date;
      },
    ): Promise<ApplyOutcome> {
      if (event.participantIds.length === 0) return { raised: 0, resolved: 0 };
      await lockChain(tx);
      const today = todayIn(event.timeZone, event.at);
      const weekStart = isoWeekStart(event.on);
      const evaluated = await evaluate(
        tx,
        [...new Set(event.participantIds)].map((participantId) => ({ participantId, weekStart, today })),
      );
      return apply(tx, evaluated, { userId: event.userId, context: event.context }, event.at);
    },

    /**
     * Everyone enrolled now, this week in their track's zone: raise what is new, resolve what no
     * longer holds. Reads in batches; a participant whose alerts change is decided again inside their
     * own transaction before anything is written. The job queue runs it hourly; tests call it.
     * `siteId` sweeps one site's participants only (the benchmark of a site).
     */
    async sweep(
      at: Date = now(),
      scope: { siteId?: string } = {},
    ): Promise<{ participants: number } & ApplyOutcome> {
      const active = await store.listActiveEnrollments(db, scope.siteId);
      const targets: Target[] = [];
      for (const row of active) {
        const today = todayIn(row.time_zone, at);
        if (row.joined_on > today) continue;
        targets.push({ participantId: row.participant_id, today, weekStart: isoWeekStart(today) });
      }
      let raised = 0;
      let resolved = 0;
      for (let i = 0; i < targets.length; i += BATCH) {
        const batch = targets.slice(i, i + BATCH);
        const changing = new Set(
          (await evaluate(db, batch)).filter((e) => hasActions(e.plan)).map((e) => e.participantId),
        );
        for (const target of batch.filter((t) => changing.has(t.participantId))) {
          const outcome = await db.transaction(async (tx) => {
            await lockChain(tx);
            return apply(tx, await evaluate(tx, [target]), { userId: null, context: SYSTEM_CONTEXT }, at);
          });
          raised += outcome.raised;
          resolved += outcome.resolved;
        }
      }
      return { participants: targets.length, raised, resolved };
    },
  };
}
export type AttendanceAlertsService = ReturnType<typeof createAttendanceAlertsService>;
