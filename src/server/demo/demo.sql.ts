import { eq, ne, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import { type Queryable, queryRows } from "../db/connection";
import { appSettings, organisations } from "../db/schema";
import { DEMO_EMAIL_DOMAIN, DEMO_SETTING } from "./demo-accounts";
import { DEMO_ORGANISATION_ID } from "./demo-ids";

/** Storage for the demo generator: only storage verbs, no rules. */

const BATCH = 1_000;

export async function findDemoSetting(q: Queryable): Promise<string | undefined> {
  const rows = await q.select().from(appSettings).where(eq(appSettings.name, DEMO_SETTING));
  return rows[0]?.value;
}

export async function insertDemoSetting(q: Queryable, value: string): Promise<void> {
  await q.insert(appSettings).values({ name: DEMO_SETTING, value });
}

export interface DataCounts {
  demoUsers: number;
  /** Accounts outside the demo e-mail domain. */
  otherUsers: number;
  /** Organisations other than the demo's. */
  otherOrganisations: number;
}

export async function countData(q: Queryable): Promise<DataCounts> {
  const rows = await queryRows<{ demo_users: number; other_users: number; other_organisations: number }>(
    q,
    sql`select
          (select count(*)::int from users where lower(email) like ${`%@${DEMO_EMAIL_DOMAIN}`}) as demo_users,
          (select count(*)::int from users where lower(email) not like ${`%@${DEMO_EMAIL_DOMAIN}`}) as other_users,
          (select count(*)::int from ${organisations} where ${ne(organisations.id, DEMO_ORGANISATION_ID)}) as other_organisations`,
  );
  const row = rows[0]!;
  return {
    demoUsers: row.demo_users,
    otherUsers: row.other_users,
    otherOrganisations: row.other_organisations,
  };
}

/**
 * Remove the program data and the demo marker. Only call it when countData found nothing outside
 * the demo: every account and organisation then belongs to the demo, and so does every row
 * that refers to them.
 */
export async function deleteDemo(q: Queryable): Promise<void> {
  await q.execute(
    sql`truncate check_ins, episodes, participants, tracks, auth_sessions, staff_sites, user_roles, users, sites, organisations restart identity cascade`,
  );
  await q.delete(appSettings).where(eq(appSettings.name, DEMO_SETTING));
}

/** Insert rows in statements of at most 1,000 rows. */
export async function insertRows<T extends PgTable>(
  q: Queryable,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await q.insert(table).values(rows.slice(i, i + BATCH));
}

/** One episode's check-in window and the per-episode choices that shape its days. */
export interface CheckInWindow {
  participantId: string;
  /** Episode number (participant number × 4 + episode): with the day, the input of the per-day hash. */
  key: number;
  fromOn: string;
  days: number;
  trajectory: string;
  rate: number;
  startMood: number;
  startCraving: number;
  lapseDay: number;
  silentDays: number;
}

/**
 * Check-ins computed inside the database (benchmark scale): the same daily trend as
 * `deriveDailyTrend` in src/core/demo/check-in-trajectories.ts, with day-to-day variation drawn
 * from a hash of (seed, participant number, day) instead of a generator. Returns rows added.
 */
export async function insertComputedCheckIns(
  q: Queryable,
  seed: number,
  windows: CheckInWindow[],
): Promise<number> {
  if (windows.length === 0) return 0;
  const values = sql.join(
    windows.map(
      (w) =>
        sql`(${w.participantId}::uuid, ${w.key}::int, ${w.fromOn}::date, ${w.days}::int, ${w.trajectory}::text,
             ${w.rate}::float8, ${w.startMood}::float8, ${w.startCraving}::float8, ${w.lapseDay}::int, ${w.silentDays}::int)`,
    ),
    sql`, `,
  );
  const rows = await queryRows<{ n: number }>(
    q,
    sql`with w (participant_id, key, from_on, days, trajectory, rate, mood0, craving0, lapse, silent) as (
          values ${values}
        ), d as (
          select w.*, g.i, g.i - w.lapse as since,
                 case when w.days <= 1 then 0 else g.i::float8 / (w.days - 1) end as p,
                 hashint8extended(w.key::bigint * 100000 + g.i, ${seed}::bigint) & 9223372036854775807 as h
            from w cross join lateral generate_series(0, w.days - 1) as g(i)
        ), t as (
          select participant_id, from_on + i as on_day, h,
                 case
                   when trajectory = 'lapse_and_return' and since = 0 then 1
                   when trajectory = 'fading' and i >= days - silent then 0
                   when trajectory = 'fading' then rate * (1 - 0.7 * p)
                   else rate
                 end as rate,
                 case trajectory
                   when 'improving' then mood0 + 3.5 * p
                   when 'steady' then mood0 + 1.5
                   when 'lapse_and_return' then
                     mood0 + 3 * p - case when since between 0 and 4 then 3 - since * 0.5 else 0 end
                   when 'struggling' then mood0 - 0.5
                   else mood0 + 1 - 2 * p
                 end as mood,
                 case trajectory
                   when 'improving' then craving0 - 4.5 * p
                   when 'steady' then craving0 - 2
                   when 'lapse_and_return' then
                     craving0 - 4 * p + case when since between -3 and 3 then 3 else 0 end
                   when 'struggling' then craving0
                   else craving0 - 1 + 2 * p
                 end as craving,
                 case
                   when trajectory = 'lapse_and_return' and since = 0 then 1
                   when trajectory = 'lapse_and_return' and since = 1 then 0.5
                   when trajectory = 'struggling' then 0.07
                   when trajectory = 'fading' then 0.04 + 0.1 * p
                   else 0
                 end as use_chance
            from d
        ), inserted as (
          insert into check_ins (participant_id, checked_in_on, mood, craving, sleep_hours, any_use)
          select participant_id, on_day,
                 least(10, greatest(0, round(mood + ((h >> 10) % 41 - 20) / 10.0)))::smallint,
                 least(10, greatest(0, round(craving + ((h >> 20) % 41 - 20) / 10.0)))::smallint,
                 round(least(10, greatest(3, 5.2 + mood * 0.25 + ((h >> 30) % 31 - 15) / 10.0)) * 2) / 2,
                 (h >> 40) % 1000 < use_chance * 1000
            from t
           where h % 1000 < rate * 1000
          returning 1
        )
        select count(*)::int as n from inserted`,
  );
  return rows[0]!.n;
}
