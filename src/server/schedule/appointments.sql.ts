import { inArray, type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { appointments } from "../db/schema";

/**
 * Appointments' storage: the rows (one per session), the facts a booking checks (the participant's
 * open episode and site, linked family), the busy time of a staff member, a room and a participant
 * (other appointments, the tracks whose groups they run, use or attend), and the advisory locks
 * that serialise bookings of the same person or room.
 */

function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// ---- the booking's facts ------------------------------------------------------------------------------

export interface BookingParticipantRow {
  id: string;
  /** What conflict messages call them: the preferred name, else the given name. */
  first_name: string;
  episode_id: string;
  site_id: string;
  time_zone: string;
}

/** The participant with their open episode (the latest admitted) and its site's zone; none when discharged. */
export async function findOpenEpisode(
  q: Queryable,
  participantId: string,
): Promise<BookingParticipantRow | undefined> {
  const rows = await queryRows<BookingParticipantRow>(
    q,
    sql`select p.id, coalesce(nullif(btrim(p.preferred_name), ''), p.given_name) as first_name,
          e.id as episode_id, e.site_id, s.time_zone
        from participants p
        join episodes e on e.participant_id = p.id and e.discharged_on is null
        join sites s on s.id = e.site_id
        where p.id = ${participantId}
        order by e.admitted_on desc, e.created_at desc
        limit 1`,
  );
  return rows[0];
}

export async function findFirstName(q: Queryable, participantId: string): Promise<string> {
  const rows = await queryRows<{ first_name: string }>(
    q,
    sql`select coalesce(nullif(btrim(preferred_name), ''), given_name) as first_name
        from participants where id = ${participantId}`,
  );
  return rows[0]?.first_name ?? "The participant";
}

/** Of `userIds`, the active family accounts linked to the participant. */
export async function filterLinkedFamily(
  q: Queryable,
  participantId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await queryRows<{ user_id: string }>(
    q,
    sql`select fl.user_id from family_links fl join users u on u.id = fl.user_id
        where fl.participant_id = ${participantId} and u.kind = 'family' and u.disabled_at is null
          and fl.user_id in (${uuidList(userIds)})`,
  );
  return rows.map((r) => r.user_id);
}

export async function findUserName(q: Queryable, userId: string): Promise<string> {
  const rows = await queryRows<{ display_name: string }>(
    q,
    sql`select display_name from users where id = ${userId}`,
  );
  return rows[0]?.display_name ?? "";
}

/**
 * Hold a transaction-scoped advisory lock per key (e.g. `schedule:staff:<id>`) until commit, in one
 * order so two bookings never wait on each other crosswise. Bookings that share a staff member, a
 * room or a participant are decided one at a time: the second sees the first's rows.
 */
export async function lockSchedules(q: Queryable, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await q.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  }
}

// ---- busy time -----------------------------------------------------------------------------------------

export interface Interval {
  startsAt: string;
  endsAt: string;
}

export interface BusyAppointmentRow {
  id: string;
  kind: "individual" | "family";
  staff_id: string;
  staff_name: string;
  room_id: string | null;
  room_name: string | null;
  participant_id: string;
  starts_at: string;
  ends_at: string;
}

/**
 * Scheduled appointments of the staff member, the room or the participant that overlap any of
 * `intervals` (touching at an end is not overlapping), except `excludeIds`.
 */
export function listBusyAppointments(
  q: Queryable,
  who: { staffId: string; roomId: string | null; participantId: string },
  intervals: readonly Interval[],
  excludeIds: readonly string[],
): Promise<BusyAppointmentRow[]> {
  if (intervals.length === 0) return Promise.resolve([]);
  const first = intervals.reduce((a, b) => (a < b.startsAt ? a : b.startsAt), intervals[0]!.startsAt);
  const last = intervals.reduce((a, b) => (a > b.endsAt ? a : b.endsAt), intervals[0]!.endsAt);
  const values = sql.join(
    intervals.map((i) => sql`(${i.startsAt}::timestamptz, ${i.endsAt}::timestamptz)`),
    sql`, `,
  );
  return queryRows<BusyAppointmentRow>(
    q,
    sql`select a.id, a.kind, a.staff_id, u.display_name as staff_name, a.room_id, r.name as room_name,
          a.participant_id, ${utc(sql`a.starts_at`)} as starts_at, ${utc(sql`a.ends_at`)} as ends_at
        from appointments a join users u on u.id = a.staff_id left join rooms r on r.id = a.room_id
        where a.status = 'scheduled'
          and (a.staff_id = ${who.staffId} or a.participant_id = ${who.participantId}
               ${who.roomId ? sql`or a.room_id = ${who.roomId}` : sql``})
          and a.starts_at < ${last}::timestamptz and a.ends_at > ${first}::timestamptz
          ${excludeIds.length > 0 ? sql`and a.id not in (${uuidList(excludeIds)})` : sql``}
          and exists (select 1 from (values ${values}) as p(s, e) where a.starts_at < p.e and a.ends_at > p.s)
        order by a.starts_at, a.id`,
  );
}

export interface BusyTrackRow {
  id: string;
  name: string;
  time_zone: string;
  starts_on: string;
  ends_on: string | null;
  pattern: { slots: { weekday: number; start: string; end: string }[] };
  room_id: string | null;
  room_name: string | null;
  facilitator_ids: string[];
}

/**
 * Tracks whose groups may take the staff member's time (they facilitate it, or substitute at some
 * session), the room's (it meets there) or the participant's (they were ever placed in it). Which
 * sessions do is decided per occurrence by the caller.
 */
export function listBusyTracks(
  q: Queryable,
  who: { staffId: string; roomId: string | null; participantId: string },
): Promise<BusyTrackRow[]> {
  return queryRows<BusyTrackRow>(
    q,
    sql`select t.id, t.name, t.time_zone, t.starts_on::text as starts_on, t.ends_on::text as ends_on, t.pattern,
          t.room_id, r.name as room_name,
          coalesce((select array_agg(f.user_id) from track_facilitators f where f.track_id = t.id), '{}'::uuid[])
            as facilitator_ids
        from tracks t left join rooms r on r.id = t.room_id
        where exists (select 1 from track_facilitators f where f.track_id = t.id and f.user_id = ${who.staffId})
          or exists (select 1 from track_exceptions x
                     where x.track_id = t.id and x.kind = 'substitute' and ${who.staffId}::uuid = any(x.facilitator_ids))
          ${who.roomId ? sql`or t.room_id = ${who.roomId}` : sql``}
          or exists (select 1 from track_enrollments e
                     where e.track_id = t.id and e.participant_id = ${who.participantId} and e.joined_on is not null)
        order by t.id`,
  );
}

export interface TrackExceptionRow {
  track_id: string;
  occurrence_key: string;
  kind: "cancelled" | "moved" | "substitute";
  reason: string;
  moved_on: string | null;
  moved_start: string | null;
  moved_end: string | null;
  facilitator_ids: string[];
}

export function listTrackExceptions(q: Queryable, trackIds: readonly string[]): Promise<TrackExceptionRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return queryRows<TrackExceptionRow>(
    q,
    sql`select track_id, occurrence_key, kind, reason, moved_on::text as moved_on, moved_start, moved_end,
          facilitator_ids
        from track_exceptions where track_id in (${uuidList(trackIds)})`,
  );
}

export interface EnrollmentSpanRow {
  track_id: string;
  joined_on: string;
  exited_on: string | null;
}

/** The participant's stays in tracks (enrolled, or exited after joining) that overlap `from`–`to`. */
export function listEnrollmentSpans(
  q: Queryable,
  participantId: string,
  from: string,
  to: string,
): Promise<EnrollmentSpanRow[]> {
  return queryRows<EnrollmentSpanRow>(
    q,
    sql`select track_id, joined_on::text as joined_on, exited_on::text as exited_on
        from track_enrollments
        where participant_id = ${participantId} and status in ('enrolled', 'exited') and joined_on is not null
          and joined_on <= ${to}::date and (exited_on is null or exited_on >= ${from}::date)`,
  );
}

export interface UnavailabilityWindowRow {
  weekday: number;
  start_time: string;
  end_time: string;
  reason: string;
}

export function listUnavailabilityWindows(
  q: Queryable,
  participantId: string,
): Promise<UnavailabilityWindowRow[]> {
  return queryRows<UnavailabilityWindowRow>(
    q,
    sql`select weekday, start_time, end_time, reason from participant_unavailability
        where participant_id = ${participantId}`,
  );
}

// ---- the rows --------------------------------------------------------------------------------------------

export interface AppointmentRow {
  id: string;
  series_id: string | null;
  site_id: string;
  participant_id: string;
  participant_name: string;
  kind: "individual" | "family";
  staff_id: string;
  staff_name: string;
  room_id: string | null;
  room_name: string | null;
  location: string;
  telehealth: boolean;
  time_zone: string;
  starts_at: string;
  ends_at: string;
  local_date: string;
  family_attendees: { userId: string | null; name: string; relationship: string }[];
  status: "scheduled" | "cancelled";
  cancel_reason: string | null;
  attendance_status: string | null;
  minutes_attended: number | null;
}

function selectAppointments(where: SQL, lock = false): SQL {
  return sql`select a.id, a.series_id, a.site_id, a.participant_id,
      p.given_name || ' ' || p.family_name as participant_name, a.kind, a.staff_id,
      u.display_name as staff_name, a.room_id, r.name as room_name, a.location, a.telehealth, a.time_zone,
      ${utc(sql`a.starts_at`)} as starts_at, ${utc(sql`a.ends_at`)} as ends_at, a.local_date::text as local_date,
      a.family_attendees, a.status, a.cancel_reason, a.attendance_status, a.minutes_attended
    from appointments a
      join participants p on p.id = a.participant_id
      join users u on u.id = a.staff_id
      left join rooms r on r.id = a.room_id
    where ${where}
    order by a.starts_at, a.id
    ${lock ? sql`for update of a` : sql``}`;
}

/** One appointment; `forUpdate` holds its row for a change in the caller's transaction. */
export async function findById(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<AppointmentRow | undefined> {
  const rows = await queryRows<AppointmentRow>(q, selectAppointments(sql`a.id = ${id}`, forUpdate));
  return rows[0];
}

export function listByIds(q: Queryable, ids: readonly string[]): Promise<AppointmentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<AppointmentRow>(q, selectAppointments(sql`a.id in (${uuidList(ids)})`));
}

/** The participant's appointments whose local date is from `from` through `to` (weekly hours). */
export function listOfParticipantBetween(
  q: Queryable,
  participantId: string,
  from: string,
  to: string,
): Promise<AppointmentRow[]> {
  return queryRows<AppointmentRow>(
    q,
    selectAppointments(
      sql`a.participant_id = ${participantId} and a.local_date between ${from}::date and ${to}::date`,
    ),
  );
}

/** The same for several participants in one query (the hourly attendance-alerts sweep). */
export function listOfParticipantsBetween(
  q: Queryable,
  participantIds: readonly string[],
  from: string,
  to: string,
): Promise<AppointmentRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return queryRows<AppointmentRow>(
    q,
    selectAppointments(
      sql`a.participant_id = any(${`{${participantIds.join(",")}}`}::uuid[])
          and a.local_date between ${from}::date and ${to}::date`,
    ),
  );
}

/**
 * The scheduled sessions of a series from `fromStartsAt` on (the one given included) that have no
 * attendance yet, held for a change.
 */
export async function lockFollowingInSeries(
  q: Queryable,
  seriesId: string,
  fromStartsAt: string,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from appointments
        where series_id = ${seriesId} and starts_at >= ${fromStartsAt}::timestamptz
          and status = 'scheduled' and attendance_status is null
        order by starts_at
        for update`,
  );
  return rows.map((r) => r.id);
}

export type NewAppointment = typeof appointments.$inferInsert;

export async function insertMany(q: Queryable, rows: readonly NewAppointment[]): Promise<string[]> {
  const inserted = await q
    .insert(appointments)
    .values([...rows])
    .returning({ id: appointments.id });
  return inserted.map((r) => r.id);
}

export async function updateTimes(
  q: Queryable,
  id: string,
  set: { startsAt: Date; endsAt: Date; localDate: string; updatedAt: Date },
): Promise<void> {
  await q
    .update(appointments)
    .set(set)
    .where(inArray(appointments.id, [id]));
}

export async function cancelMany(
  q: Queryable,
  ids: readonly string[],
  reason: string,
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await q
    .update(appointments)
    .set({ status: "cancelled", cancelReason: reason, updatedAt: at })
    .where(inArray(appointments.id, [...ids]));
}

export async function updateAttendance(
  q: Queryable,
  id: string,
  set: { attendanceStatus: string; minutesAttended: number; updatedAt: Date },
): Promise<void> {
  await q
    .update(appointments)
    .set(set)
    .where(inArray(appointments.id, [id]));
}
