import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** The participant's counter and what it is read against: their birth date, their site's zone. */
export interface CounterRow {
  id: string;
  user_id: string | null;
  born_on: string;
  sobriety_on: string | null;
  time_zone: string;
}

export async function findCounter(q: Queryable, participantId: string): Promise<CounterRow | undefined> {
  const rows = await queryRows<CounterRow>(
    q,
    sql`select p.id, p.user_id, p.born_on::text as born_on, p.sobriety_on::text as sobriety_on, s.time_zone
        from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  return rows[0];
}

export interface ChangeRow {
  from_on: string | null;
  to_on: string | null;
  restart: boolean;
  message: string;
  changed_at: string;
  changed_by: string | null;
}

/** How many changes the participant's history shows. */
export const HISTORY_LIMIT = 50;

/** The counter's changes, newest first. */
export function listChanges(q: Queryable, participantId: string): Promise<ChangeRow[]> {
  return queryRows<ChangeRow>(
    q,
    sql`select from_on::text as from_on, to_on::text as to_on, restart, message,
          to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as changed_at, changed_by
        from sobriety_date_changes where participant_id = ${participantId}
        order by changed_at desc, id desc limit ${HISTORY_LIMIT}`,
  );
}
