import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { appSettings, checkIns } from "../db/schema";
import { DEMO_EMAIL_DOMAIN, DEMO_SETTING } from "./demo-accounts";

/** Storage for the demo generator: only storage verbs, no rules. */

export async function findDemoSetting(q: Queryable): Promise<string | undefined> {
  const rows = await q.select().from(appSettings).where(eq(appSettings.name, DEMO_SETTING));
  return rows[0]?.value;
}

export async function insertDemoSetting(q: Queryable, value: string): Promise<void> {
  await q.insert(appSettings).values({ name: DEMO_SETTING, value });
}

export async function countUsers(q: Queryable): Promise<{ all: number; notDemo: number }> {
  const rows = await queryRows<{ all: number; not_demo: number }>(
    q,
    sql`select count(*)::int as all,
          count(*) filter (where lower(email) not like ${`%@${DEMO_EMAIL_DOMAIN}`})::int as not_demo
        from users`,
  );
  return { all: rows[0]!.all, notDemo: rows[0]!.not_demo };
}

/** Remove every row of the program tables (only called when all users are demo users). */
export async function deleteAllProgramData(q: Queryable): Promise<void> {
  await q.execute(
    sql`truncate check_ins, episodes, participants, tracks, auth_sessions, staff_sites, user_roles, users, sites, organisations restart identity cascade`,
  );
  await q.delete(appSettings).where(eq(appSettings.name, DEMO_SETTING));
}

export async function insertCheckIns(q: Queryable, rows: (typeof checkIns.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await q.insert(checkIns).values(rows);
}

/**
 * Check-ins for a batch of participants generated inside the database (benchmark scale):
 * deterministic values from a hash of (seed, episode, day), ~80 % of days in an episode and, for
 * alumni who completed, ~`alumniRate` of days for `alumniDays` after discharge. Returns rows added.
 */
export async function insertGeneratedCheckIns(
  q: Queryable,
  args: { participantIds: string[]; today: string; seed: number; alumniDays: number; alumniRate: number },
): Promise<number> {
  if (args.participantIds.length === 0) return 0;
  const ids = sql.join(
    args.participantIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ n: number }>(
    q,
    sql`with windows as (
          select e.participant_id, e.admitted_on as from_on,
                 least(coalesce(e.discharged_on, ${args.today}::date), ${args.today}::date) as to_on,
                 80 as rate, e.admitted_on as start_on
            from episodes e where e.participant_id in (${ids})
          union all
          select e.participant_id, e.discharged_on + 1,
                 least(e.discharged_on + ${args.alumniDays}::int, ${args.today}::date),
                 ${Math.round(args.alumniRate * 100)}::int, e.admitted_on
            from episodes e
           where e.participant_id in (${ids}) and e.discharge_reason = 'completed'
        ), days as (
          select w.participant_id, d::date as on_day, w.rate, (d::date - w.start_on) as day_index,
                 abs(hashtext(${String(args.seed)} || w.participant_id::text || d::date::text)) as h
            from windows w, generate_series(w.from_on, w.to_on, interval '1 day') d
           where w.to_on >= w.from_on
        ), inserted as (
          insert into check_ins (participant_id, checked_in_on, mood, craving, sleep_hours, any_use)
          select participant_id, on_day,
                 least(10, greatest(0, 3 + (h % 4) + least(day_index, 90) / 25)),
                 least(10, greatest(0, 7 - least(day_index, 90) / 20 + ((h / 7) % 3) - 1)),
                 (10 + (h / 11) % 7) / 2.0,
                 (h / 13) % 100 < 3
            from days
           where h % 100 < rate
          on conflict (participant_id, checked_in_on) do nothing
          returning 1
        )
        select count(*)::int as n from inserted`,
  );
  return rows[0]!.n;
}
