import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

export interface TodayParticipantRow {
  id: string;
  sobriety_on: string | null;
  time_zone: string;
  site_name: string;
  on_call_phone: string;
}

/** The participant with what Today reads from their site: its zone, name and on-call line. */
export async function findTodayParticipant(
  q: Queryable,
  participantId: string,
): Promise<TodayParticipantRow | undefined> {
  const rows = await queryRows<TodayParticipantRow>(
    q,
    sql`select p.id, p.sobriety_on::text as sobriety_on, s.time_zone, s.name as site_name, s.on_call_phone
        from participants p join sites s on s.id = p.site_id where p.id = ${participantId}`,
  );
  return rows[0];
}
