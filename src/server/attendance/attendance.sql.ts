import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { attendanceMarkEdits, attendanceMarks } from "../db/schema";

/** Attendance's storage: the track and its exceptions, enrollments on a date, marks and their edits. */

/** Ids as one array parameter: `= any(...)` plans once, where a long `in (...)` list is slow to plan. */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

export interface TrackRow {
  id: string;
  site_id: string;
  name: string;
  audience: "adult" | "adolescent";
  time_zone: string;
  starts_on: string;
  ends_on: string | null;
  pattern: { slots: { weekday: number; start: string; end: string }[] };
  telehealth: boolean;
}

const TRACK_COLUMNS = sql`t.id, t.site_id, t.name, t.audience, t.time_zone, t.starts_on::text as starts_on,
  t.ends_on::text as ends_on, t.pattern, t.telehealth`;

export async function findTrackById(q: Queryable, id: string): Promise<TrackRow | undefined> {
  const rows = await queryRows<TrackRow>(q, sql`select ${TRACK_COLUMNS} from tracks t where t.id = ${id}`);
  return rows[0];
}

export interface ExceptionRow {
  track_id: string;
  occurrence_key: string;
  kind: "cancelled" | "moved" | "substitute";
  reason: string;
  moved_on: string | null;
  moved_start: string | null;
  moved_end: string | null;
  facilitator_ids: string[];
}

export function listExceptionsByTracks(q: Queryable, trackIds: readonly string[]): Promise<ExceptionRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return queryRows<ExceptionRow>(
    q,
    sql`select track_id, occurrence_key, kind, reason, moved_on::text as moved_on, moved_start, moved_end,
          facilitator_ids
        from track_exceptions
        where track_id = any(${uuidArray(trackIds)})`,
  );
}

export interface EnrolledRow {
  participant_id: string;
  name: string;
}

/** Participants enrolled in the track on `on` (joined by then, not exited before), by family name. */
export function listEnrolledOn(q: Queryable, trackId: string, on: string): Promise<EnrolledRow[]> {
  return queryRows<EnrolledRow>(
    q,
    sql`select distinct p.id as participant_id, p.given_name || ' ' || p.family_name as name,
          lower(p.family_name) as family_key, lower(p.given_name) as given_key
        from track_enrollments e join participants p on p.id = e.participant_id
        where e.track_id = ${trackId} and e.status in ('enrolled', 'exited') and e.joined_on is not null
          and e.joined_on <= ${on}::date and (e.exited_on is null or e.exited_on >= ${on}::date)
        order by family_key, given_key, participant_id`,
  );
}

export interface MarkRow {
  id: string;
  track_id: string;
  occurrence_key: string;
  participant_id: string;
  occurred_on: string;
  status: string;
  minutes_attended: number;
  session_minutes: number;
  telehealth: boolean;
  note: string;
  recorded_at: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  track_name: string;
}

const MARK_COLUMNS = sql`m.id, m.track_id, m.occurrence_key, m.participant_id, m.occurred_on::text as occurred_on,
  m.status, m.minutes_attended, m.session_minutes, m.telehealth, m.note,
  to_char(m.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at,
  m.recorded_by, u.display_name as recorded_by_name, t.name as track_name`;

/** The marks of one occurrence. `forUpdate` locks them for a change in the caller's transaction. */
export function listMarksOfOccurrence(
  q: Queryable,
  trackId: string,
  key: string,
  forUpdate = false,
): Promise<MarkRow[]> {
  return queryRows<MarkRow>(
    q,
    sql`select ${MARK_COLUMNS}
        from attendance_marks m join tracks t on t.id = m.track_id left join users u on u.id = m.recorded_by
        where m.track_id = ${trackId} and m.occurrence_key = ${key}
        order by m.participant_id
        ${forUpdate ? sql`for update of m` : sql``}`,
  );
}

/** One participant's marks that took place from `from` through `to`. */
export function listMarksOfParticipant(
  q: Queryable,
  participantId: string,
  from: string,
  to: string,
): Promise<MarkRow[]> {
  return listMarksOfParticipants(q, [participantId], from, to);
}

/** The marks of several participants that took place from `from` through `to` (a sweep reads them at once). */
export function listMarksOfParticipants(
  q: Queryable,
  participantIds: readonly string[],
  from: string,
  to: string,
): Promise<MarkRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return queryRows<MarkRow>(
    q,
    sql`select ${MARK_COLUMNS}
        from attendance_marks m join tracks t on t.id = m.track_id left join users u on u.id = m.recorded_by
        where m.participant_id = any(${uuidArray(participantIds)})
          and m.occurred_on between ${from}::date and ${to}::date`,
  );
}

export interface ParticipantEnrollmentRow extends TrackRow {
  participant_id: string;
  joined_on: string;
  exited_on: string | null;
  status: "enrolled" | "exited";
}

/** A participant's enrollments that overlap `from`–`to`, each with its track, latest joined first. */
export function listEnrollmentsOfParticipant(
  q: Queryable,
  participantId: string,
  from: string,
  to: string,
): Promise<ParticipantEnrollmentRow[]> {
  return listEnrollmentsOfParticipants(q, [participantId], from, to);
}

/** The same for several participants, by participant, each one's latest joined first. */
export function listEnrollmentsOfParticipants(
  q: Queryable,
  participantIds: readonly string[],
  from: string,
  to: string,
): Promise<ParticipantEnrollmentRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return queryRows<ParticipantEnrollmentRow>(
    q,
    sql`select ${TRACK_COLUMNS}, e.participant_id, e.joined_on::text as joined_on, e.exited_on::text as exited_on,
          e.status
        from track_enrollments e join tracks t on t.id = e.track_id
        where e.participant_id = any(${uuidArray(participantIds)}) and e.status in ('enrolled', 'exited')
          and e.joined_on is not null and e.joined_on <= ${to}::date
          and (e.exited_on is null or e.exited_on >= ${from}::date)
        order by e.participant_id, e.joined_on desc, e.created_at desc`,
  );
}

/** The track of the participant's open enrollment, or else of their latest one (for their time zone). */
export async function findLatestTrackOfParticipant(
  q: Queryable,
  participantId: string,
): Promise<TrackRow | undefined> {
  const rows = await queryRows<TrackRow>(
    q,
    sql`select ${TRACK_COLUMNS}
        from track_enrollments e join tracks t on t.id = e.track_id
        where e.participant_id = ${participantId}
        order by (e.status = 'enrolled') desc, e.joined_on desc nulls last, e.created_at desc
        limit 1`,
  );
  return rows[0];
}

export type NewMark = typeof attendanceMarks.$inferInsert;

/** Insert a first mark; undefined when another request recorded this participant's mark meanwhile. */
export async function insertMark(q: Queryable, row: NewMark): Promise<string | undefined> {
  const rows = await q
    .insert(attendanceMarks)
    .values(row)
    .onConflictDoNothing({
      target: [attendanceMarks.trackId, attendanceMarks.occurrenceKey, attendanceMarks.participantId],
    })
    .returning({ id: attendanceMarks.id });
  return rows[0]?.id;
}

export async function updateMark(
  q: Queryable,
  id: string,
  set: Pick<NewMark, "status" | "minutesAttended" | "telehealth" | "note" | "recordedBy" | "recordedAt">,
): Promise<void> {
  await q.update(attendanceMarks).set(set).where(eq(attendanceMarks.id, id));
}

export async function insertEdit(
  q: Queryable,
  row: typeof attendanceMarkEdits.$inferInsert,
): Promise<string> {
  const rows = await q.insert(attendanceMarkEdits).values(row).returning({ id: attendanceMarkEdits.id });
  return rows[0]!.id;
}
