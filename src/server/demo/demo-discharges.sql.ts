import { sql } from "drizzle-orm";
import type { Queryable } from "../db/connection";

/** Storage for the demo's discharges, aftercare and alumni rows: only storage verbs, no rules. */

const BATCH = 2_000;

/**
 * The tables the demo's discharge rows go to. A fixed list: the table name is spliced into the
 * statement, so only these names ever reach it.
 */
const TABLES = [
  "users",
  "aftercare_plans",
  "aftercare_tasks",
  "alumni_memberships",
  "alumni_check_ins",
  "alumni_events",
  "alumni_event_rsvps",
  "message_threads",
  "messages",
  "message_reads",
  "follow_up_surveys",
  "discharge_summaries",
] as const;
export type DischargeTable = (typeof TABLES)[number];

/** Each statement's rows as one JSON document turned into the table's row type; every row has the same keys. */
export async function insertTableRows(
  q: Queryable,
  table: DischargeTable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0 || !TABLES.includes(table)) return;
  const columns = sql.join(
    Object.keys(rows[0]!).map((c) => sql.identifier(c)),
    sql`, `,
  );
  const name = sql.identifier(table);
  for (let i = 0; i < rows.length; i += BATCH) {
    const document = JSON.stringify(rows.slice(i, i + BATCH));
    await q.execute(
      sql`insert into ${name} (${columns})
          select ${columns} from jsonb_populate_recordset(null::${name}, ${document}::jsonb)`,
    );
  }
}

/** Discharge details and the link to the earlier episode; the reason only where one is given. */
export async function updateEpisodes(q: Queryable, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const document = JSON.stringify(rows.slice(i, i + BATCH));
    await q.execute(
      sql`update episodes e
             set discharge_reason = coalesce(u.discharge_reason, e.discharge_reason),
                 previous_episode_id = u.previous_episode_id,
                 discharge_level_of_care = u.discharge_level_of_care,
                 referred_level_of_care = u.referred_level_of_care,
                 discharge_note = u.discharge_note,
                 discharged_by = u.discharged_by,
                 discharge_recorded_at = u.discharge_recorded_at
            from jsonb_to_recordset(${document}::jsonb) as u(
                   id uuid, discharge_reason text, previous_episode_id uuid, discharge_level_of_care text,
                   referred_level_of_care text, discharge_note text, discharged_by uuid, discharge_recorded_at timestamptz)
           where e.id = u.id`,
    );
  }
}

/** The e-mail a follow-up link goes to (kept when the record has one) and the alumni app account. */
export async function updateParticipants(
  q: Queryable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const document = JSON.stringify(rows.slice(i, i + BATCH));
    await q.execute(
      sql`update participants p
             set email = case when p.email = '' then u.email else p.email end,
                 user_id = coalesce(p.user_id, u.user_id)
            from jsonb_to_recordset(${document}::jsonb) as u(id uuid, email text, user_id uuid)
           where p.id = u.id`,
    );
  }
}
