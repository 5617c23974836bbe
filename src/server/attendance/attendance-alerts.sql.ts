import { type SQL, sql } from "drizzle-orm";
import { ATTENDANCE_ALERT_KINDS, type AttendanceAlertKind } from "../../core/attendance/attendance-findings";
import { type Queryable, queryRows } from "../db/connection";

/**
 * The attendance alerts' storage: who is enrolled now, the sessions with attendance recorded that the
 * absence rules read (group marks and appointments), and the attendance alerts already raised — each
 * for many participants in one query, so an hourly sweep over a site of hundreds stays a few queries.
 */

/** Ids as one array parameter: `= any(...)` plans once, where a long `in (...)` list is slow to plan. */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

const textList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export interface ActiveEnrollmentRow {
  participant_id: string;
  joined_on: string;
  time_zone: string;
}

/**
 * Each participant with an open enrollment (in a track of `siteId`, when given): its latest one,
 * with its track's zone.
 */
export function listActiveEnrollments(q: Queryable, siteId?: string): Promise<ActiveEnrollmentRow[]> {
  return queryRows<ActiveEnrollmentRow>(
    q,
    sql`select distinct on (e.participant_id) e.participant_id, e.joined_on::text as joined_on, t.time_zone
        from track_enrollments e join tracks t on t.id = e.track_id
        where e.status = 'enrolled' and e.joined_on is not null
          ${siteId === undefined ? sql`` : sql`and t.site_id = ${siteId}`}
        order by e.participant_id, e.joined_on desc, e.created_at desc`,
  );
}

export interface RecordedSessionRow {
  /** The attendance mark's id, or the appointment's. */
  id: string;
  source: "mark" | "appointment";
  participant_id: string;
  /** The local date it took place. */
  on_date: string;
  /** A mark's occurrence key (its local start), null for an appointment. */
  occurrence_key: string | null;
  time_zone: string;
  /** An appointment's start (ISO 8601, UTC), null for a mark. */
  starts_at: string | null;
  status: string;
}

const ATTENDED_OR_EXCUSED = sql`('present', 'late', 'left_early', 'absent_excused')`;

/**
 * The sessions with attendance recorded, group and individual, of each participant from the earliest
 * day the absence rules may need: the start of the rate's window, the day of their latest session
 * attended or excused up to `until` (a run of absences starts after it), and the first session of
 * any run of absences whose alert is still unresolved (to see whether it was corrected).
 */
export function listRecordedSessions(
  q: Queryable,
  participantIds: readonly string[],
  windowStart: string,
  until: string,
): Promise<RecordedSessionRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return queryRows<RecordedSessionRow>(
    q,
    sql`with targets as (
          select p.id as participant_id, least(
            ${windowStart}::date,
            coalesce((select max(s.on_date) from (
                select m.occurred_on as on_date from attendance_marks m
                where m.participant_id = p.id and m.status in ${ATTENDED_OR_EXCUSED} and m.occurred_on <= ${until}::date
                union all
                select a.local_date from appointments a
                where a.participant_id = p.id and a.status = 'scheduled'
                  and a.attendance_status in ${ATTENDED_OR_EXCUSED} and a.local_date <= ${until}::date
              ) s), '-infinity'::date),
            coalesce((select min(s.on_date) from alerts al
                cross join lateral (
                  select case when al.evidence_id ~ '^[0-9a-fA-F-]{36}$' then al.evidence_id::uuid end as ref
                ) r
                cross join lateral (
                  select m.occurred_on as on_date from attendance_marks m where m.id = r.ref
                  union all
                  select a.local_date from appointments a where a.id = r.ref
                ) s
                where al.participant_id = p.id and al.kind = 'consecutive_unexcused_absences'
                  and al.state <> 'resolved'), 'infinity'::date)
          ) as since
          from participants p where p.id = any(${uuidArray(participantIds)})
        )
        select m.id, 'mark' as source, m.participant_id, m.occurred_on::text as on_date, m.occurrence_key,
          t.time_zone, null as starts_at, m.status
        from attendance_marks m
          join targets g on g.participant_id = m.participant_id
          join tracks t on t.id = m.track_id
        where m.occurred_on >= g.since
        union all
        select a.id, 'appointment', a.participant_id, a.local_date::text, null, a.time_zone,
          to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), a.attendance_status
        from appointments a join targets g on g.participant_id = a.participant_id
        where a.status = 'scheduled' and a.attendance_status is not null and a.local_date >= g.since`,
  );
}

export interface AttendanceAlertRow {
  id: string;
  kind: AttendanceAlertKind;
  participant_id: string;
  evidence_id: string;
  evidence_item: string | null;
  state: "open" | "acknowledged" | "resolved";
  resolution_note: string | null;
}

/**
 * The attendance alerts of these participants that are unresolved, or about one of the evidence
 * items (weeks) or ids (runs of absences) given, whatever their state.
 */
export function listAttendanceAlerts(
  q: Queryable,
  participantIds: readonly string[],
  evidenceItems: readonly string[],
  evidenceIds: readonly string[],
): Promise<AttendanceAlertRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  const about: SQL[] = [sql`state <> 'resolved'`];
  if (evidenceItems.length > 0) about.push(sql`evidence_item in (${textList(evidenceItems)})`);
  if (evidenceIds.length > 0) about.push(sql`evidence_id in (${textList(evidenceIds)})`);
  return queryRows<AttendanceAlertRow>(
    q,
    sql`select id, kind, participant_id, evidence_id, evidence_item, state, resolution_note
        from alerts
        where participant_id = any(${uuidArray(participantIds)})
          and kind in (${textList(ATTENDANCE_ALERT_KINDS)})
          and (${sql.join(about, sql` or `)})`,
  );
}
