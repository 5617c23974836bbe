import { sql } from "drizzle-orm";
import type { AlumniStatus, OptOutSource, RsvpStatus } from "../../core/alumni/alumni.schema";
import { type Queryable, queryRows } from "../db/connection";

/** Storage of the alumni program (issue 11): memberships, weekly check-ins, events and RSVPs. */

export interface MembershipRow {
  participant_id: string;
  site_id: string;
  episode_id: string;
  joined_on: string;
  status: AlumniStatus;
  opted_out_at: Date | string | null;
  opt_out_source: OptOutSource | null;
  follow_ups_opted_out_at: Date | string | null;
}

const MEMBERSHIP_COLUMNS = sql`participant_id, site_id, episode_id, joined_on::text as joined_on, status,
  opted_out_at, opt_out_source, follow_ups_opted_out_at`;

export async function findMembership(
  q: Queryable,
  participantId: string,
): Promise<MembershipRow | undefined> {
  const rows = await queryRows<MembershipRow>(
    q,
    sql`select ${MEMBERSHIP_COLUMNS} from alumni_memberships where participant_id = ${participantId}`,
  );
  return rows[0];
}

export async function upsertMembership(
  q: Queryable,
  values: {
    participantId: string;
    siteId: string;
    episodeId: string;
    joinedOn: string;
    status: AlumniStatus;
    at: Date;
  },
): Promise<void> {
  await q.execute(
    sql`insert into alumni_memberships (participant_id, site_id, episode_id, joined_on, status, updated_at)
        values (${values.participantId}, ${values.siteId}, ${values.episodeId}, ${values.joinedOn}, ${values.status}, ${values.at.toISOString()})
        on conflict (participant_id) do update set site_id = excluded.site_id, episode_id = excluded.episode_id,
          joined_on = excluded.joined_on, status = excluded.status, updated_at = excluded.updated_at`,
  );
}

export async function setStatus(
  q: Queryable,
  participantId: string,
  values: {
    status: AlumniStatus;
    optedOutAt?: Date | null;
    optOutSource?: OptOutSource | null;
    followUpsOptedOutAt?: Date;
    at: Date;
  },
): Promise<void> {
  const optOut =
    values.optedOutAt === undefined
      ? sql``
      : sql`, opted_out_at = ${values.optedOutAt?.toISOString() ?? null}, opt_out_source = ${values.optOutSource ?? null}`;
  const followUps = values.followUpsOptedOutAt
    ? sql`, follow_ups_opted_out_at = coalesce(follow_ups_opted_out_at, ${values.followUpsOptedOutAt.toISOString()}::timestamptz)`
    : sql``;
  await q.execute(
    sql`update alumni_memberships set status = ${values.status}, updated_at = ${values.at.toISOString()} ${optOut} ${followUps}
        where participant_id = ${participantId}`,
  );
}

/** Follow-up surveys not yet answered are withdrawn when the person asks for no more (opt-out). */
export async function cancelPendingFollowUps(q: Queryable, participantId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`update follow_up_surveys set status = 'cancelled', cancelled_reason = 'opted_out'
        where participant_id = ${participantId} and status in ('scheduled', 'sent') returning id`,
  );
  return rows.length;
}

export interface ParticipantStateRow {
  site_id: string;
  time_zone: string;
  open_episode_id: string | null;
}

/** The participant's site calendar and whether they are in care now (an open episode). */
export async function findParticipantState(
  q: Queryable,
  participantId: string,
): Promise<ParticipantStateRow | undefined> {
  const rows = await queryRows<ParticipantStateRow>(
    q,
    sql`select p.site_id, s.time_zone,
          (select e.id from episodes e where e.participant_id = p.id and e.discharged_on is null
            order by e.admitted_on desc limit 1) as open_episode_id
        from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  return rows[0];
}

export interface CheckInRow {
  id: string;
  week_of: string;
  used_since_last: boolean;
  craving: number;
  mood: number;
  meetings_attended: number;
  wants_contact: boolean;
  note: string;
  recorded_at: Date | string;
}

const CHECK_IN_COLUMNS = sql`id, week_of::text as week_of, used_since_last, craving, mood, meetings_attended,
  wants_contact, note, recorded_at`;

export async function findCheckInForWeek(
  q: Queryable,
  participantId: string,
  week: string,
): Promise<CheckInRow | undefined> {
  const rows = await queryRows<CheckInRow>(
    q,
    sql`select ${CHECK_IN_COLUMNS} from alumni_check_ins where participant_id = ${participantId} and week_of = ${week}`,
  );
  return rows[0];
}

export async function listCheckIns(
  q: Queryable,
  participantId: string,
  limit: number,
): Promise<CheckInRow[]> {
  return queryRows<CheckInRow>(
    q,
    sql`select ${CHECK_IN_COLUMNS} from alumni_check_ins where participant_id = ${participantId}
        order by week_of desc limit ${limit}`,
  );
}

export interface CheckInValues {
  participantId: string;
  siteId: string;
  weekOf: string;
  usedSinceLast: boolean;
  craving: number;
  mood: number;
  meetingsAttended: number;
  wantsContact: boolean;
  note: string;
  idempotencyKey: string;
  at: Date;
}

/** This week's check-in, written or rewritten (one per person and week); whether it is new. */
export async function upsertCheckIn(
  q: Queryable,
  v: CheckInValues,
): Promise<{ id: string; created: boolean }> {
  const rows = await queryRows<{ id: string; created: boolean }>(
    q,
    sql`insert into alumni_check_ins (participant_id, site_id, week_of, used_since_last, craving, mood,
          meetings_attended, wants_contact, note, idempotency_key, recorded_at)
        values (${v.participantId}, ${v.siteId}, ${v.weekOf}, ${v.usedSinceLast}, ${v.craving}, ${v.mood},
          ${v.meetingsAttended}, ${v.wantsContact}, ${v.note}, ${v.idempotencyKey}, ${v.at.toISOString()})
        on conflict (participant_id, week_of) do update set used_since_last = excluded.used_since_last,
          craving = excluded.craving, mood = excluded.mood, meetings_attended = excluded.meetings_attended,
          wants_contact = excluded.wants_contact, note = excluded.note, recorded_at = excluded.recorded_at
        returning id, (xmax = 0) as created`,
  );
  return rows[0]!;
}

/** Whether a re-engagement alert was ever raised for this check-in (resolved or not). */
export async function hasReengagementAlert(q: Queryable, checkInId: string): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    q,
    sql`select 1 as found from alerts where kind = 'alumni_reengagement' and evidence_kind = 'alumni_check_in'
        and evidence_id = ${checkInId} limit 1`,
  );
  return rows.length > 0;
}

export interface EventRow {
  id: string;
  site_id: string;
  title: string;
  description: string;
  kind: "group" | "event";
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  location: string;
  online_url: string | null;
  capacity: number | null;
  cancelled_at: Date | string | null;
  going: number;
  my_rsvp: RsvpStatus | null;
}

const eventSelect = (
  participantId: string | null,
) => sql`select e.id, e.site_id, e.title, e.description, e.kind,
    e.starts_at, e.ends_at, e.time_zone, e.location, e.online_url, e.capacity, e.cancelled_at,
    (select count(*)::int from alumni_event_rsvps r where r.event_id = e.id and r.status = 'going') as going,
    (select r.status from alumni_event_rsvps r where r.event_id = e.id and r.participant_id = ${participantId}) as my_rsvp
  from alumni_events e`;

export async function findEvent(
  q: Queryable,
  eventId: string,
  participantId: string | null = null,
): Promise<EventRow | undefined> {
  const rows = await queryRows<EventRow>(q, sql`${eventSelect(participantId)} where e.id = ${eventId}`);
  return rows[0];
}

/** A site's events, soonest first; `from`: only those not yet ended; cancelled ones only on request. */
export async function listEvents(
  q: Queryable,
  siteId: string,
  options: { from: Date | null; includeCancelled: boolean; participantId?: string | null },
): Promise<EventRow[]> {
  const from = options.from ? sql`and e.ends_at > ${options.from.toISOString()}` : sql``;
  const cancelled = options.includeCancelled ? sql`` : sql`and e.cancelled_at is null`;
  return queryRows<EventRow>(
    q,
    sql`${eventSelect(options.participantId ?? null)} where e.site_id = ${siteId} ${from} ${cancelled}
        order by e.starts_at, e.id limit 200`,
  );
}

export interface EventValues {
  siteId: string;
  title: string;
  description: string;
  kind: "group" | "event";
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  onlineUrl: string | null;
  capacity: number | null;
}

export async function insertEvent(
  q: Queryable,
  v: EventValues,
  createdBy: string,
  at: Date,
): Promise<string> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into alumni_events (site_id, title, description, kind, starts_at, ends_at, time_zone, location,
          online_url, capacity, created_by, updated_at)
        values (${v.siteId}, ${v.title}, ${v.description}, ${v.kind}, ${v.startsAt}, ${v.endsAt}, ${v.timeZone},
          ${v.location}, ${v.onlineUrl}, ${v.capacity}, ${createdBy}, ${at.toISOString()}) returning id`,
  );
  return rows[0]!.id;
}

export async function updateEvent(
  q: Queryable,
  eventId: string,
  v: Omit<EventValues, "siteId">,
  at: Date,
): Promise<void> {
  await q.execute(
    sql`update alumni_events set title = ${v.title}, description = ${v.description}, kind = ${v.kind},
          starts_at = ${v.startsAt}, ends_at = ${v.endsAt}, time_zone = ${v.timeZone}, location = ${v.location},
          online_url = ${v.onlineUrl}, capacity = ${v.capacity}, updated_at = ${at.toISOString()}
        where id = ${eventId}`,
  );
}

export async function cancelEvent(q: Queryable, eventId: string, at: Date): Promise<void> {
  await q.execute(
    sql`update alumni_events set cancelled_at = coalesce(cancelled_at, ${at.toISOString()}::timestamptz),
          updated_at = ${at.toISOString()} where id = ${eventId}`,
  );
}

/** Serialises RSVPs to one event (the capacity check and the write happen under the row lock). */
export async function lockEvent(q: Queryable, eventId: string): Promise<void> {
  await q.execute(sql`select id from alumni_events where id = ${eventId} for update`);
}

export async function upsertRsvp(
  q: Queryable,
  eventId: string,
  participantId: string,
  status: RsvpStatus,
  at: Date,
): Promise<void> {
  await q.execute(
    sql`insert into alumni_event_rsvps (event_id, participant_id, status, responded_at)
        values (${eventId}, ${participantId}, ${status}, ${at.toISOString()})
        on conflict (event_id, participant_id) do update set status = excluded.status, responded_at = excluded.responded_at`,
  );
}

export interface RosterRow {
  participant_id: string;
  name: string;
  status: AlumniStatus;
  joined_on: string;
  opted_out_at: Date | string | null;
  follow_ups_opted_out_at: Date | string | null;
  last_week: string | null;
  last_used: boolean | null;
  last_wants_contact: boolean | null;
  last_craving: number | null;
  last_mood: number | null;
}

export async function listRoster(q: Queryable, siteId: string): Promise<RosterRow[]> {
  return queryRows<RosterRow>(
    q,
    sql`select m.participant_id, p.given_name || ' ' || p.family_name as name, m.status, m.joined_on::text as joined_on,
          m.opted_out_at, m.follow_ups_opted_out_at, c.week_of::text as last_week, c.used_since_last as last_used,
          c.wants_contact as last_wants_contact, c.craving as last_craving, c.mood as last_mood
        from alumni_memberships m
        join participants p on p.id = m.participant_id
        left join lateral (
          select week_of, used_since_last, wants_contact, craving, mood from alumni_check_ins c
          where c.participant_id = m.participant_id order by week_of desc limit 1
        ) c on true
        where m.site_id = ${siteId}
        order by case m.status when 'active' then 0 when 'opted_out' then 1 else 2 end, p.family_name, p.given_name`,
  );
}
