import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** Storage for the demo's participant app: only storage verbs, no rules. */

const BATCH = 1_000;

/** The app accounts some participants already have. */
export async function findParticipantUsers(
  q: Queryable,
  participantIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < participantIds.length; i += BATCH) {
    const ids = sql.join(
      participantIds.slice(i, i + BATCH).map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = await queryRows<{ id: string; user_id: string }>(
      q,
      sql`select id, user_id from participants where id in (${ids}) and user_id is not null`,
    );
    for (const row of rows) found.set(row.id, row.user_id);
  }
  return found;
}

/** Each participant's app account: the participant row points at its user. */
export async function linkParticipantAccounts(
  q: Queryable,
  pairs: readonly { participantId: string; userId: string }[],
): Promise<void> {
  for (let i = 0; i < pairs.length; i += BATCH) {
    const document = JSON.stringify(
      pairs.slice(i, i + BATCH).map((p) => ({ participant_id: p.participantId, user_id: p.userId })),
    );
    await q.execute(
      sql`update participants p set user_id = r.user_id
          from jsonb_to_recordset(${document}::jsonb) as r(participant_id uuid, user_id uuid)
          where p.id = r.participant_id`,
    );
  }
}

/**
 * Skills named in check-ins: on about half of the days after an attended group with a module (the
 * last one in the week before), one or all of that module's skills. `moduleSkills`: module key →
 * skill keys. Returns the check-ins updated.
 */
export async function fillCheckInSkills(
  q: Queryable,
  seed: number,
  from: string,
  moduleSkills: Record<string, string[]>,
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    q,
    sql`with recent as (
          select distinct on (c.id) c.id, m.module_key
            from check_ins c
            join attendance_marks a on a.participant_id = c.participant_id
             and a.occurred_on between c.checked_in_on - 6 and c.checked_in_on
             and a.status in ('present', 'late', 'left_early')
            join track_occurrence_modules m on m.track_id = a.track_id and m.occurrence_key = a.occurrence_key
           where c.checked_in_on >= ${from}::date
           order by c.id, a.occurred_on desc
        ), chosen as (
          select r.id, s.skills, hashint8extended(r.id, ${seed}::bigint) & 1023 as h
            from recent r join jsonb_each(${JSON.stringify(moduleSkills)}::jsonb) as s(module_key, skills)
              on s.module_key = r.module_key
        ), updated as (
          update check_ins c
             set skills = case when ch.h % 3 = 0 then ch.skills
                               else jsonb_build_array(ch.skills -> (ch.h % jsonb_array_length(ch.skills))::int) end
            from chosen ch
           where c.id = ch.id and ch.h < 560
          returning 1
        )
        select count(*)::int as n from updated`,
  );
  return rows[0]!.n;
}

export interface AttendedModuleRow {
  participant_id: string;
  track_id: string;
  occurrence_key: string;
  module_key: string;
}

/** Attended group sessions that taught a module, up to `today`. */
export async function listAttendedModules(q: Queryable, today: string): Promise<AttendedModuleRow[]> {
  return queryRows<AttendedModuleRow>(
    q,
    sql`select a.participant_id, a.track_id, a.occurrence_key, m.module_key
          from attendance_marks a
          join track_occurrence_modules m on m.track_id = a.track_id and m.occurrence_key = a.occurrence_key
         where a.status in ('present', 'late', 'left_early') and a.occurred_on <= ${today}::date
         order by a.participant_id, a.occurrence_key`,
  );
}

export interface MarkRow {
  participant_id: string;
  track_id: string;
  occurrence_key: string;
  occurred_on: string;
  status: string;
}

/** Group attendance marks of some participants, oldest first. */
export async function listMarks(q: Queryable, participantIds: readonly string[]): Promise<MarkRow[]> {
  const out: MarkRow[] = [];
  for (let i = 0; i < participantIds.length; i += BATCH) {
    const ids = sql.join(
      participantIds.slice(i, i + BATCH).map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    out.push(
      ...(await queryRows<MarkRow>(
        q,
        sql`select participant_id, track_id, occurrence_key, occurred_on::text as occurred_on, status
              from attendance_marks where participant_id in (${ids})
             order by participant_id, occurrence_key`,
      )),
    );
  }
  return out;
}

/** The last day with use in [from, to] of each episode asked about (episodes without one are left out). */
export async function findLastUseDays(
  q: Queryable,
  windows: readonly { episodeId: string; from: string; to: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < windows.length; i += BATCH) {
    const document = JSON.stringify(
      windows.slice(i, i + BATCH).map((w) => ({ episode_id: w.episodeId, from_on: w.from, to_on: w.to })),
    );
    const rows = await queryRows<{ episode_id: string; day: string }>(
      q,
      sql`select w.episode_id, max(c.checked_in_on)::text as day
            from jsonb_to_recordset(${document}::jsonb) as w(episode_id uuid, from_on date, to_on date)
            join check_ins c on c.episode_id = w.episode_id and c.any_use
             and c.checked_in_on between w.from_on and w.to_on
           group by w.episode_id`,
    );
    for (const row of rows) found.set(row.episode_id, row.day);
  }
  return found;
}

/** Days-in-recovery counters restarted: the participants' sobriety dates follow their restarts. */
export async function applySobrietyRestarts(
  q: Queryable,
  restarts: readonly { participantId: string; toOn: string }[],
): Promise<void> {
  if (restarts.length === 0) return;
  const document = JSON.stringify(restarts.map((r) => ({ participant_id: r.participantId, to_on: r.toOn })));
  await q.execute(
    sql`update participants p set sobriety_on = r.to_on
        from jsonb_to_recordset(${document}::jsonb) as r(participant_id uuid, to_on date)
        where p.id = r.participant_id`,
  );
}

export interface RecentCheckInRow {
  id: number;
  participant_id: string;
  site_id: string;
  checked_in_on: string;
  created_at: string;
  mood: number;
  craving: number;
  any_use: boolean;
  wants_to_talk: boolean;
  self_harm_thoughts: boolean;
  overdose: boolean;
}

/** Check-ins of open episodes on or after `from`, and those with thoughts of self-harm at any time. */
export async function listAlertingCheckIns(q: Queryable, from: string): Promise<RecentCheckInRow[]> {
  return queryRows<RecentCheckInRow>(
    q,
    sql`select c.id, c.participant_id, p.site_id, c.checked_in_on::text as checked_in_on, c.created_at, c.mood,
               c.craving, c.any_use, c.wants_to_talk, c.self_harm_thoughts, c.overdose
          from check_ins c join participants p on p.id = c.participant_id
         where (c.checked_in_on >= ${from}::date
                and exists (select 1 from episodes e where e.id = c.episode_id and e.discharged_on is null))
            or c.self_harm_thoughts
         order by c.id`,
  );
}
