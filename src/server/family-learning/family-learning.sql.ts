import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** One module's saved progress for one family member. */
export interface ProgressRow {
  moduleKey: string;
  exerciseAnswer: string;
  completedAt: string | null;
  updatedAt: string;
}

/** One day's check-in of one family member. */
export interface CheckInRow {
  id: string;
  recordedOn: string;
  stress: number;
  wellbeing: number;
  sleepQuality: number | null;
  selfCare: string;
  note: string;
  updatedAt: string;
}

const ISO = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export function listProgress(q: Queryable, userId: string): Promise<ProgressRow[]> {
  return queryRows<ProgressRow>(
    q,
    sql`select module_key as "moduleKey", exercise_answer as "exerciseAnswer",
          ${ISO("completed_at")} as "completedAt", ${ISO("updated_at")} as "updatedAt"
        from family_module_progress where user_id = ${userId}`,
  );
}

export async function findProgress(
  q: Queryable,
  userId: string,
  moduleKey: string,
): Promise<ProgressRow | undefined> {
  const rows = await queryRows<ProgressRow>(
    q,
    sql`select module_key as "moduleKey", exercise_answer as "exerciseAnswer",
          ${ISO("completed_at")} as "completedAt", ${ISO("updated_at")} as "updatedAt"
        from family_module_progress where user_id = ${userId} and module_key = ${moduleKey}
        for update`,
  );
  return rows[0];
}

export async function upsertProgress(
  q: Queryable,
  row: { userId: string; moduleKey: string; exerciseAnswer: string; completedAt: string | null; at: Date },
): Promise<void> {
  await q.execute(
    sql`insert into family_module_progress (user_id, module_key, exercise_answer, completed_at, updated_at)
        values (${row.userId}, ${row.moduleKey}, ${row.exerciseAnswer}, ${row.completedAt}, ${row.at.toISOString()})
        on conflict (user_id, module_key) do update set
          exercise_answer = excluded.exercise_answer,
          completed_at = excluded.completed_at,
          updated_at = excluded.updated_at`,
  );
}

const CHECK_IN_COLUMNS = sql`id, recorded_on::text as "recordedOn", stress, wellbeing,
  sleep_quality as "sleepQuality", self_care as "selfCare", note, ${ISO("updated_at")} as "updatedAt"`;

/** A family member's check-ins from `from` (a date) on, the latest first. */
export function listCheckInsSince(q: Queryable, userId: string, from: string): Promise<CheckInRow[]> {
  return queryRows<CheckInRow>(
    q,
    sql`select ${CHECK_IN_COLUMNS} from family_check_ins
        where user_id = ${userId} and recorded_on >= ${from}::date
        order by recorded_on desc`,
  );
}

/**
 * Insert the day's check-in, or replace the same day's (one a day). `created` tells which happened.
 */
export async function upsertCheckIn(
  q: Queryable,
  row: {
    userId: string;
    recordedOn: string;
    stress: number;
    wellbeing: number;
    sleepQuality: number | null;
    selfCare: string;
    note: string;
    at: Date;
  },
): Promise<CheckInRow & { created: boolean }> {
  const at = row.at.toISOString();
  const rows = await queryRows<CheckInRow & { created: boolean }>(
    q,
    sql`insert into family_check_ins
          (user_id, recorded_on, stress, wellbeing, sleep_quality, self_care, note, created_at, updated_at)
        values (${row.userId}, ${row.recordedOn}::date, ${row.stress}, ${row.wellbeing}, ${row.sleepQuality},
          ${row.selfCare}, ${row.note}, ${at}, ${at})
        on conflict (user_id, recorded_on) do update set
          stress = excluded.stress,
          wellbeing = excluded.wellbeing,
          sleep_quality = excluded.sleep_quality,
          self_care = excluded.self_care,
          note = excluded.note,
          updated_at = excluded.updated_at
        returning ${CHECK_IN_COLUMNS}, (xmax = 0) as created`,
  );
  return rows[0]!;
}

/**
 * The site time zones of the participants this family member is linked to, oldest link first. Only
 * the zone is read (to date their own check-ins); nothing about the participant leaves this query.
 */
export async function listLinkedSiteTimeZones(q: Queryable, userId: string): Promise<string[]> {
  const rows = await queryRows<{ timeZone: string }>(
    q,
    sql`select s.time_zone as "timeZone" from family_links l
        join participants p on p.id = l.participant_id
        join sites s on s.id = p.site_id
        where l.user_id = ${userId}
        order by l.created_at, l.participant_id`,
  );
  return rows.map((r) => r.timeZone);
}
