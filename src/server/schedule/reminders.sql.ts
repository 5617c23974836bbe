import { sql } from "drizzle-orm";
import type { ReminderChannel, ReminderMoment } from "../../core/schedule/reminder-settings.schema";
import type { TrackRow } from "../attendance/attendance.sql";
import { type Queryable, queryRows } from "../db/connection";
import { reminderDeliveries } from "../db/schema";

/**
 * The reminder job's storage: the tracks running around now and who is enrolled in them, the
 * appointments coming up, each with how to reach the participant and where the session is, and the
 * deliveries already made. Sessions are read in batches (tracks a few at a time, appointments by page).
 */

/** Where and by whom a session is held, as a reminder says it. */
interface PlaceColumns {
  site_id: string;
  site_name: string;
  site_time_zone: string;
  site_phone: string;
  program_name: string;
  /** The room's name, else the place in words or the video link. */
  location: string;
  telehealth: boolean;
}

/** A track as attendance reads it (its series), with where its sessions are held. */
export interface ReminderTrackRow extends TrackRow, PlaceColumns {}

/** How a participant is reached and greeted. The email is their account's, when it is active. */
interface RecipientColumns {
  participant_id: string;
  first_name: string;
  language: "en" | "es";
  email: string | null;
  phone: string | null;
}

const RECIPIENT_COLUMNS = sql`p.id as participant_id,
  coalesce(nullif(trim(p.preferred_name), ''), p.given_name) as first_name,
  p.preferred_language as language,
  case when u.kind = 'participant' and u.disabled_at is null then u.email end as email,
  nullif(trim(p.phone), '') as phone`;

const PLACE_JOINS = sql`join sites s on s.id = x.site_id
  join organisations o on o.id = s.organisation_id
  left join rooms r on r.id = x.room_id`;

const PLACE_COLUMNS = sql`s.id as site_id, s.name as site_name, s.time_zone as site_time_zone,
  s.on_call_phone as site_phone, o.name as program_name,
  coalesce(r.name, x.location) as location, x.telehealth`;

/** Tracks whose dates overlap `from`–`to` and that have someone enrolled, after `afterId`, a page at a time. */
export function listRunningTracks(
  q: Queryable,
  from: string,
  to: string,
  afterId: string | null,
  limit: number,
): Promise<ReminderTrackRow[]> {
  return queryRows<ReminderTrackRow>(
    q,
    sql`select x.id, x.name, x.audience, x.time_zone, x.starts_on::text as starts_on,
          x.ends_on::text as ends_on, x.pattern, ${PLACE_COLUMNS}
        from tracks x ${PLACE_JOINS}
        where x.starts_on <= ${to}::date and (x.ends_on is null or x.ends_on >= ${from}::date)
          and exists (select 1 from track_enrollments e where e.track_id = x.id and e.status = 'enrolled')
          ${afterId ? sql`and x.id > ${afterId}` : sql``}
        order by x.id
        limit ${limit}`,
  );
}

export interface EnrolledRecipientRow extends RecipientColumns {
  track_id: string;
  joined_on: string;
  exited_on: string | null;
}

/** Everyone enrolled in these tracks at some time from `from` through `to`, with their stay's dates. */
export function listEnrolledRecipients(
  q: Queryable,
  trackIds: readonly string[],
  from: string,
  to: string,
): Promise<EnrolledRecipientRow[]> {
  if (trackIds.length === 0) return Promise.resolve([]);
  return queryRows<EnrolledRecipientRow>(
    q,
    sql`select e.track_id, e.joined_on::text as joined_on, e.exited_on::text as exited_on, ${RECIPIENT_COLUMNS}
        from track_enrollments e
          join participants p on p.id = e.participant_id
          left join users u on u.id = p.user_id
        where e.track_id in (${sql.join(
          trackIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and e.status in ('enrolled', 'exited') and e.joined_on is not null
          and e.joined_on <= ${to}::date and (e.exited_on is null or e.exited_on >= ${from}::date)
        order by e.track_id, p.id`,
  );
}

export interface ReminderAppointmentRow extends PlaceColumns, RecipientColumns {
  id: string;
  starts_at: string;
  ends_at: string;
  local_date: string;
}

const INSTANT = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Scheduled appointments starting after `from` and up to `to`, a page at a time in order of start
 * (keyset: after the appointment `after`).
 */
export function listUpcomingAppointments(
  q: Queryable,
  from: Date,
  to: Date,
  after: { startsAt: string; id: string } | null,
  limit: number,
): Promise<ReminderAppointmentRow[]> {
  return queryRows<ReminderAppointmentRow>(
    q,
    sql`select x.id, ${INSTANT(sql`x.starts_at`)} as starts_at, ${INSTANT(sql`x.ends_at`)} as ends_at,
          x.local_date::text as local_date, ${PLACE_COLUMNS}, ${RECIPIENT_COLUMNS}
        from appointments x ${PLACE_JOINS}
          join participants p on p.id = x.participant_id
          left join users u on u.id = p.user_id
        where x.status = 'scheduled'
          and x.starts_at > ${from.toISOString()}::timestamptz and x.starts_at <= ${to.toISOString()}::timestamptz
          ${after ? sql`and (x.starts_at, x.id) > (${after.startsAt}::timestamptz, ${after.id}::uuid)` : sql``}
        order by x.starts_at, x.id
        limit ${limit}`,
  );
}

/** The deliveries already made for these sessions, as `session participant moment channel` keys. */
export async function listDeliveredKeys(q: Queryable, sessionKeys: readonly string[]): Promise<Set<string>> {
  if (sessionKeys.length === 0) return new Set();
  const rows = await queryRows<{ k: string }>(
    q,
    sql`select session_key || ' ' || participant_id || ' ' || moment || ' ' || channel as k
        from reminder_deliveries
        where session_key in (${sql.join(
          sessionKeys.map((key) => sql`${key}`),
          sql`, `,
        )})`,
  );
  return new Set(rows.map((r) => r.k));
}

/**
 * Record a delivery; undefined when it was already recorded (by an earlier run or another process at
 * the same moment — the unique key decides, and the loser sends nothing).
 */
export async function insertDelivery(
  q: Queryable,
  row: {
    sessionKey: string;
    participantId: string;
    moment: ReminderMoment;
    channel: ReminderChannel;
    createdAt: Date;
  },
): Promise<string | undefined> {
  const rows = await q
    .insert(reminderDeliveries)
    .values(row)
    .onConflictDoNothing({
      target: [
        reminderDeliveries.sessionKey,
        reminderDeliveries.participantId,
        reminderDeliveries.moment,
        reminderDeliveries.channel,
      ],
    })
    .returning({ id: reminderDeliveries.id });
  return rows[0]?.id;
}
