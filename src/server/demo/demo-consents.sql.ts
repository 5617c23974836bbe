import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** Storage for the demo's consents and family data: only storage verbs, no rules. */

const BATCH = 2_000;

/**
 * The tables the demo's consent rows go to. A fixed list: the table name is spliced into the
 * statement, so only these names ever reach it.
 */
export const DEMO_CONSENT_TABLES = [
  "users",
  "minor_consent_rules",
  "consents",
  "consent_recipients",
  "consent_signatures",
  "consent_revocations",
  "family_links",
  "patient_notice_deliveries",
  "disclosure_exceptions",
  "disclosures",
  "consent_restrictions",
  "disclosure_blocks",
  "shared_updates",
  "family_check_ins",
  "family_module_progress",
  "message_threads",
  "messages",
  "message_reads",
] as const;
export type DemoConsentTable = (typeof DEMO_CONSENT_TABLES)[number];

/**
 * Insert rows keyed by their column names, each statement's rows as one JSON document turned into the
 * table's own row type (`jsonb_populate_recordset`): arrays, dates and instants take the column's type.
 * Columns a row leaves out keep their defaults. Every row of a call has the same keys.
 */
export async function insertTableRows(
  q: Queryable,
  table: DemoConsentTable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
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

/** The relatives who came to each participant's family sessions (not the demo family account). */
export async function listFamilySessionRelatives(
  q: Queryable,
): Promise<Map<string, { name: string; relationship: string }[]>> {
  const rows = await queryRows<{ participant_id: string; name: string; relationship: string }>(
    q,
    sql`select distinct a.participant_id, f->>'name' as name, f->>'relationship' as relationship
          from appointments a cross join lateral jsonb_array_elements(a.family_attendees) f
         where a.kind = 'family' and f->>'userId' is null
         order by a.participant_id, name`,
  );
  const out = new Map<string, { name: string; relationship: string }[]>();
  for (const row of rows) {
    const list = out.get(row.participant_id) ?? [];
    if (!list.some((r) => r.relationship === row.relationship))
      list.push({ name: row.name, relationship: row.relationship });
    out.set(row.participant_id, list);
  }
  return out;
}

/** The app account of every participant that has one. */
export async function listParticipantUsers(q: Queryable): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; user_id: string }>(
    q,
    sql`select id, user_id from participants where user_id is not null`,
  );
  return new Map(rows.map((r) => [r.id, r.user_id]));
}
