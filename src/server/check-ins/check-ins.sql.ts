import { sql } from "drizzle-orm";
import type { CheckIn, CheckInInput, Substance } from "../../core/check-ins/check-in.schema";
import { type Queryable, queryRows } from "../db/connection";

/** Storage of check-ins (issue 9): one row per submission, keyed by the device's idempotency key. */

export interface CheckInRow {
  id: number | string;
  checked_in_on: string;
  recorded_at: Date | string;
  created_at: Date | string;
  queued_offline: boolean;
  mood: number;
  craving: number;
  sleep_hours: string | number | null;
  sleep_quality: CheckIn["sleepQuality"];
  any_use: boolean;
  substances: Substance[];
  use_detail: string;
  triggers: string[];
  skills: string[];
  went_well: string;
  wants_to_talk: boolean;
  self_harm_thoughts: boolean;
  overdose: boolean;
}

const COLUMNS = sql`id, checked_in_on::text as checked_in_on, recorded_at, created_at, queued_offline, mood,
  craving, sleep_hours, sleep_quality, any_use, substances, use_detail, triggers, skills, went_well,
  wants_to_talk, self_harm_thoughts, overdose`;

export function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: Number(row.id),
    checkedInOn: row.checked_in_on,
    recordedAt: new Date(row.recorded_at).toISOString(),
    receivedAt: new Date(row.created_at).toISOString(),
    queuedOffline: row.queued_offline,
    mood: row.mood,
    craving: row.craving,
    sleepHours: row.sleep_hours === null ? null : Number(row.sleep_hours),
    sleepQuality: row.sleep_quality,
    anyUse: row.any_use,
    substances: row.substances,
    useDetail: row.use_detail,
    triggers: row.triggers,
    skills: row.skills,
    wentWell: row.went_well,
    wantsToTalk: row.wants_to_talk,
    selfHarmThoughts: row.self_harm_thoughts,
    overdose: row.overdose,
  };
}

export interface ParticipantContextRow {
  site_id: string;
  time_zone: string;
  preferred_language: "en" | "es";
  /** The open episode (admitted, not discharged), or null. */
  episode_id: string | null;
}

/** The participant's site calendar and open episode. */
export async function findParticipantContext(
  q: Queryable,
  participantId: string,
): Promise<ParticipantContextRow | undefined> {
  const rows = await queryRows<ParticipantContextRow>(
    q,
    sql`select p.site_id, s.time_zone, p.preferred_language, e.id as episode_id
          from participants p
          join sites s on s.id = p.site_id
          left join lateral (
            select id from episodes e
             where e.participant_id = p.id and e.discharged_on is null
             order by e.admitted_on desc limit 1
          ) e on true
         where p.id = ${participantId}`,
  );
  return rows[0];
}

export async function findByKey(
  q: Queryable,
  participantId: string,
  idempotencyKey: string,
): Promise<CheckInRow | undefined> {
  const rows = await queryRows<CheckInRow>(
    q,
    sql`select ${COLUMNS} from check_ins
         where participant_id = ${participantId} and idempotency_key = ${idempotencyKey}`,
  );
  return rows[0];
}

/** Insert a check-in; undefined when the same key was recorded first (by a concurrent retry). */
export async function insertCheckIn(
  q: Queryable,
  row: { participantId: string; episodeId: string | null; input: CheckInInput; receivedAt: Date },
): Promise<number | undefined> {
  const { input } = row;
  const rows = await queryRows<{ id: number | string }>(
    q,
    sql`insert into check_ins (participant_id, episode_id, idempotency_key, checked_in_on, recorded_at,
          created_at, queued_offline, mood, craving, sleep_hours, sleep_quality, any_use, substances,
          use_detail, triggers, skills, went_well, wants_to_talk, self_harm_thoughts, overdose, language)
        values (${row.participantId}, ${row.episodeId}, ${input.idempotencyKey}, ${input.checkedInOn},
          ${new Date(input.recordedAt)}, ${row.receivedAt}, ${input.queuedOffline}, ${input.mood},
          ${input.craving}, ${input.sleepHours}, ${input.sleepQuality}, ${input.anyUse},
          ${JSON.stringify(input.substances)}::jsonb, ${input.useDetail}, ${JSON.stringify(input.triggers)}::jsonb,
          ${JSON.stringify(input.skills)}::jsonb, ${input.wentWell}, ${input.wantsToTalk},
          ${input.selfHarmThoughts}, ${input.overdose}, ${input.language})
        on conflict (participant_id, idempotency_key) do nothing
        returning id`,
  );
  return rows[0] === undefined ? undefined : Number(rows[0].id);
}

/** The distinct days with a check-in, newest first, from a day on (for the streak). */
export async function listDaysSince(q: Queryable, participantId: string, from: string): Promise<string[]> {
  const rows = await queryRows<{ day: string }>(
    q,
    sql`select distinct checked_in_on::text as day from check_ins
         where participant_id = ${participantId} and checked_in_on >= ${from}
         order by day desc`,
  );
  return rows.map((r) => r.day);
}

/** The latest check-in (by day, then by when it arrived), or undefined. */
export async function findLatest(q: Queryable, participantId: string): Promise<CheckInRow | undefined> {
  const rows = await queryRows<CheckInRow>(
    q,
    sql`select ${COLUMNS} from check_ins where participant_id = ${participantId}
         order by checked_in_on desc, id desc limit 1`,
  );
  return rows[0];
}

/** A page of the participant's own history, newest first (by id: the order they arrived). */
export async function listPage(
  q: Queryable,
  participantId: string,
  page: { before: number | undefined; limit: number },
): Promise<CheckInRow[]> {
  const before = page.before === undefined ? sql`` : sql` and id < ${page.before}`;
  return queryRows<CheckInRow>(
    q,
    sql`select ${COLUMNS} from check_ins where participant_id = ${participantId}${before}
         order by id desc limit ${page.limit}`,
  );
}

/** Check-ins for days in a range (inclusive), newest day first. */
export async function listRange(
  q: Queryable,
  participantId: string,
  from: string,
  to: string,
): Promise<CheckInRow[]> {
  return queryRows<CheckInRow>(
    q,
    sql`select ${COLUMNS} from check_ins
         where participant_id = ${participantId} and checked_in_on between ${from} and ${to}
         order by checked_in_on desc, id desc`,
  );
}

/** The triggers the person named in check-ins since a day, most used first. */
export async function listRecentTriggers(
  q: Queryable,
  participantId: string,
  from: string,
  limit: number,
): Promise<string[]> {
  const rows = await queryRows<{ trigger: string }>(
    q,
    sql`select t.value as trigger
          from check_ins c, jsonb_array_elements_text(c.triggers) t(value)
         where c.participant_id = ${participantId} and c.checked_in_on >= ${from}
         group by t.value
         order by count(*) desc, max(c.id) desc
         limit ${limit}`,
  );
  return rows.map((r) => r.trigger);
}

/** Modules planned for the sessions of the person's tracks in a date range, most recent first. */
export async function listRecentModuleKeys(
  q: Queryable,
  participantId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await queryRows<{ module_key: string }>(
    q,
    sql`select m.module_key
          from track_occurrence_modules m
          join track_enrollments e on e.track_id = m.track_id
         where e.participant_id = ${participantId} and e.status in ('enrolled', 'exited')
           and left(m.occurrence_key, 10) between ${from} and ${to}
         group by m.module_key
         order by max(m.occurrence_key) desc`,
  );
  return rows.map((r) => r.module_key);
}

export interface ActiveParticipantRow {
  participant_id: string;
  time_zone: string;
  admitted_on: string;
  last_check_in_on: string | null;
}

/** Everyone with an open episode, their site's time zone, and their latest check-in day. */
export async function listActiveParticipants(q: Queryable): Promise<ActiveParticipantRow[]> {
  return queryRows<ActiveParticipantRow>(
    q,
    sql`select p.id as participant_id, s.time_zone, e.admitted_on::text as admitted_on,
               (select max(c.checked_in_on)::text from check_ins c where c.participant_id = p.id)
                 as last_check_in_on
          from episodes e
          join participants p on p.id = e.participant_id
          join sites s on s.id = p.site_id
         where e.discharged_on is null
         order by p.id`,
  );
}

/**
 * The answers of the check-ins for the day before `at` on each participant's site calendar (one
 * query for a page of the caseload list).
 */
export async function listYesterdayAnswers(
  q: Queryable,
  participantIds: readonly string[],
  at: Date,
): Promise<{ participant_id: string; any_use: boolean; craving: number }[]> {
  if (participantIds.length === 0) return [];
  return queryRows(
    q,
    sql`select c.participant_id, c.any_use, c.craving
          from check_ins c
          join participants p on p.id = c.participant_id
          join sites s on s.id = p.site_id
         where c.participant_id in (${sql.join(
           participantIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
           and c.checked_in_on = (${at}::timestamptz at time zone s.time_zone)::date - 1`,
  );
}

/** Participants with an unresolved missing-check-in alert. */
export async function listOpenMissingAlerts(q: Queryable): Promise<string[]> {
  const rows = await queryRows<{ participant_id: string }>(
    q,
    sql`select distinct participant_id from alerts where kind = 'check_in_missing' and state <> 'resolved'`,
  );
  return rows.map((r) => r.participant_id);
}
