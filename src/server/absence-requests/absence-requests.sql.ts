import { and, eq, sql } from "drizzle-orm";
import type { AbsenceReason, AbsenceStatus } from "../../core/absence-requests/absence-requests.schema";
import { type Queryable, queryRows } from "../db/connection";
import { absenceRequests } from "../db/schema";

/** A request with what a reader sees of its session (the track's name, the appointment's kind). */
export interface AbsenceRequestRow {
  id: string;
  participant_id: string;
  site_id: string;
  track_id: string | null;
  occurrence_key: string | null;
  appointment_id: string | null;
  title: string;
  occurs_on: string;
  reason: AbsenceReason;
  note: string;
  status: AbsenceStatus;
  requested_at: string;
  decided_at: string | null;
  decided_by_name: string | null;
  decision_note: string;
}

const ISO = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const SELECT = sql`select r.id, r.participant_id, r.site_id, r.track_id, r.occurrence_key, r.appointment_id,
    coalesce(t.name, a.kind, '') as title, r.occurs_on::text as occurs_on, r.reason, r.note, r.status,
    ${ISO("r.requested_at")} as requested_at, ${ISO("r.decided_at")} as decided_at,
    u.display_name as decided_by_name, r.decision_note
  from absence_requests r
  left join tracks t on t.id = r.track_id
  left join appointments a on a.id = r.appointment_id
  left join users u on u.id = r.decided_by`;

export async function findById(q: Queryable, id: string): Promise<AbsenceRequestRow | undefined> {
  const rows = await queryRows<AbsenceRequestRow>(q, sql`${SELECT} where r.id = ${id}`);
  return rows[0];
}

/** A participant's requests, the latest sessions first. */
export function listByParticipant(q: Queryable, participantId: string): Promise<AbsenceRequestRow[]> {
  return queryRows<AbsenceRequestRow>(
    q,
    sql`${SELECT} where r.participant_id = ${participantId}
        order by r.occurs_on desc, r.requested_at desc limit 100`,
  );
}

/** The request still in force (pending or approved) for the same session, if any. */
export async function findOpenForSession(
  q: Queryable,
  participantId: string,
  target: { trackId: string; occurrenceKey: string } | { appointmentId: string },
): Promise<{ id: string } | undefined> {
  const same =
    "appointmentId" in target
      ? sql`r.appointment_id = ${target.appointmentId}`
      : sql`r.track_id = ${target.trackId} and r.occurrence_key = ${target.occurrenceKey}`;
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select r.id from absence_requests r
        where r.participant_id = ${participantId} and ${same} and r.status in ('pending', 'approved')`,
  );
  return rows[0];
}

export async function insert(
  q: Queryable,
  values: {
    participantId: string;
    siteId: string;
    trackId: string | null;
    occurrenceKey: string | null;
    appointmentId: string | null;
    occursOn: string;
    reason: AbsenceReason;
    note: string;
    requestedAt: Date;
  },
): Promise<string> {
  const [row] = await q.insert(absenceRequests).values(values).returning({ id: absenceRequests.id });
  return row!.id;
}

export async function setStatus(
  q: Queryable,
  id: string,
  from: AbsenceStatus,
  change: {
    status: AbsenceStatus;
    decidedBy?: string | null;
    decidedAt?: Date | null;
    decisionNote?: string;
  },
): Promise<boolean> {
  const rows = await q
    .update(absenceRequests)
    .set(change)
    .where(and(eq(absenceRequests.id, id), eq(absenceRequests.status, from)))
    .returning({ id: absenceRequests.id });
  return rows.length === 1;
}

/** The approved requests of one group occurrence: whose attendance defaults to excused. */
export async function listApprovedForOccurrence(
  q: Queryable,
  trackId: string,
  occurrenceKey: string,
): Promise<string[]> {
  const rows = await queryRows<{ participant_id: string }>(
    q,
    sql`select participant_id from absence_requests
        where track_id = ${trackId} and occurrence_key = ${occurrenceKey} and status = 'approved'`,
  );
  return rows.map((r) => r.participant_id);
}
