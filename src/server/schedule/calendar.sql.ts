import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import type { StoredTrackException, StoredTrackSeries } from "./track-series";

/**
 * The calendar's storage: the tracks whose series it expands (with room, facilitators and capacity),
 * their exceptions and enrollment spans, and the appointments of a range. Reads only.
 */

function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface CalendarTrackRow extends StoredTrackSeries {
  id: string;
  site_id: string;
  name: string;
  location: string;
  telehealth: boolean;
  capacity: number;
  room_id: string | null;
  room_name: string | null;
  facilitators: { id: string; name: string }[];
}

/** Which tracks to read: all conditions given apply. */
export interface TrackFilter {
  siteId?: string;
  roomId?: string;
  /** Tracks the staff member facilitates, or substitutes at on some occurrence. */
  staffId?: string;
  trackIds?: readonly string[];
}

export function listTracks(q: Queryable, filter: TrackFilter): Promise<CalendarTrackRow[]> {
  const conditions: SQL[] = [];
  if (filter.siteId) conditions.push(sql`t.site_id = ${filter.siteId}`);
  if (filter.roomId) conditions.push(sql`t.room_id = ${filter.roomId}`);
  if (filter.staffId) {
    conditions.push(sql`(exists (select 1 from track_facilitators f where f.track_id = t.id and f.user_id = ${filter.staffId})
      or exists (select 1 from track_exceptions x where x.track_id = t.id and ${filter.staffId}::uuid = any(x.facilitator_ids)))`);
  }
  if (filter.trackIds) {
    if (filter.trackIds.length === 0) return Promise.resolve([]);
    conditions.push(sql`t.id in (${uuidList(filter.trackIds)})`);
  }
  return queryRows<CalendarTrackRow>(
    q,
    sql`select t.id, t.site_id, t.name, t.time_zone, t.starts_on::text as starts_on, t.ends_on::text as ends_on,
          t.pattern, t.location, t.telehealth, t.capacity, t.room_id, r.name as room_name,
          coalesce((
            select json_agg(json_build_object('id', u.id, 'name', u.display_name) order by lower(u.display_name), u.id)
            from track_facilitators f join users u on u.id = f.user_id where f.track_id = t.id
          ), '[]'::json) as facilitators
        from tracks t left join rooms r on r.id = t.room_id
        ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
        order by t.name, t.id`,
  );
}

export interface TrackExceptionRow extends StoredTrackException {
  track_id: string;
}

export function listExceptions(q: Queryable, trackIds: readonly string[]): Promise<TrackExceptionRow[]> {
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
  participant_id: string;
  joined_on: string;
  exited_on: string | null;
}

/** Stays in these tracks (joined, perhaps exited) that overlap `from`–`to`: places taken per date. */
export function listEnrollmentSpans(
  q: Queryable,
  trackIds: readonly string[],
  from: string,
  to: string,
): Promise<EnrollmentSpanRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return queryRows<EnrollmentSpanRow>(
    q,
    sql`select track_id, participant_id, joined_on::text as joined_on, exited_on::text as exited_on
        from track_enrollments
        where track_id in (${uuidList(trackIds)}) and status in ('enrolled', 'exited')
          and joined_on is not null and joined_on <= ${to}::date
          and (exited_on is null or exited_on >= ${from}::date)`,
  );
}

/** One participant's stays in tracks that overlap `from`–`to`. */
export function listEnrollmentSpansOfParticipant(
  q: Queryable,
  participantId: string,
  from: string,
  to: string,
): Promise<EnrollmentSpanRow[]> {
  return queryRows<EnrollmentSpanRow>(
    q,
    sql`select track_id, participant_id, joined_on::text as joined_on, exited_on::text as exited_on
        from track_enrollments
        where participant_id = ${participantId} and status in ('enrolled', 'exited')
          and joined_on is not null and joined_on <= ${to}::date
          and (exited_on is null or exited_on >= ${from}::date)`,
  );
}

/** Display names of users, by id. */
export async function namesOf(q: Queryable, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; display_name: string }>(
    q,
    sql`select id, display_name from users where id in (${uuidList([...new Set(userIds)])})`,
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export interface AppointmentRow {
  id: string;
  site_id: string;
  participant_id: string;
  participant_site_id: string;
  given_name: string;
  family_name: string;
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
  series_id: string | null;
  status: "scheduled" | "cancelled";
  created_at: string;
  updated_at: string;
  /** Whether the reading staff member is on the participant's care team. */
  on_care_team: boolean;
}

export interface AppointmentFilter {
  siteId?: string;
  roomId?: string;
  staffId?: string;
  participantId?: string;
}

/** Appointments taking place (local date) from `from` through `to`; cancelled ones only when asked. */
export function listAppointments(
  q: Queryable,
  filter: AppointmentFilter,
  range: { from: string; to: string; includeCancelled: boolean },
  readerUserId: string | null,
): Promise<AppointmentRow[]> {
  const conditions: SQL[] = [sql`a.local_date between ${range.from}::date and ${range.to}::date`];
  if (filter.siteId) conditions.push(sql`a.site_id = ${filter.siteId}`);
  if (filter.roomId) conditions.push(sql`a.room_id = ${filter.roomId}`);
  if (filter.staffId) conditions.push(sql`a.staff_id = ${filter.staffId}`);
  if (filter.participantId) conditions.push(sql`a.participant_id = ${filter.participantId}`);
  if (!range.includeCancelled) conditions.push(sql`a.status = 'scheduled'`);
  const careTeam =
    readerUserId === null
      ? sql`false`
      : sql`exists (select 1 from care_team_members c where c.participant_id = a.participant_id and c.user_id = ${readerUserId})`;
  return queryRows<AppointmentRow>(
    q,
    sql`select a.id, a.site_id, a.participant_id, p.site_id as participant_site_id, p.given_name, p.family_name,
          a.kind, a.staff_id, su.display_name as staff_name, a.room_id, r.name as room_name, a.location,
          a.telehealth, a.time_zone, ${utc(sql`a.starts_at`)} as starts_at, ${utc(sql`a.ends_at`)} as ends_at,
          a.local_date::text as local_date, a.series_id, a.status,
          ${utc(sql`a.created_at`)} as created_at, ${utc(sql`a.updated_at`)} as updated_at,
          ${careTeam} as on_care_team
        from appointments a
          join participants p on p.id = a.participant_id
          join users su on su.id = a.staff_id
          left join rooms r on r.id = a.room_id
        where ${sql.join(conditions, sql` and `)}
        order by a.starts_at, a.id`,
  );
}

export async function findSite(
  q: Queryable,
  siteId: string,
): Promise<{ id: string; time_zone: string } | undefined> {
  const rows = await queryRows<{ id: string; time_zone: string }>(
    q,
    sql`select id, time_zone from sites where id = ${siteId}`,
  );
  return rows[0];
}

export async function findRoom(
  q: Queryable,
  roomId: string,
): Promise<{ id: string; site_id: string } | undefined> {
  const rows = await queryRows<{ id: string; site_id: string }>(
    q,
    sql`select id, site_id from rooms where id = ${roomId}`,
  );
  return rows[0];
}

/** Whether the user works (or worked: disabled accounts keep their bookings) at the site as staff. */
export async function isStaffOfSite(q: Queryable, userId: string, siteId: string): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    q,
    sql`select 1 as found from staff_sites ss join users u on u.id = ss.user_id
        where ss.user_id = ${userId} and ss.site_id = ${siteId} and u.kind = 'staff'`,
  );
  return rows.length > 0;
}

export interface ParticipantRow {
  id: string;
  given_name: string;
  family_name: string;
  site_id: string;
  time_zone: string;
}

/** A participant with their site's zone. */
export async function findParticipant(
  q: Queryable,
  participantId: string,
): Promise<ParticipantRow | undefined> {
  const rows = await queryRows<ParticipantRow>(
    q,
    sql`select p.id, p.given_name, p.family_name, p.site_id, s.time_zone
        from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  return rows[0];
}
