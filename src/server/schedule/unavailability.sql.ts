import { and, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { participantUnavailability } from "../db/schema";

/** A participant's declared unavailability: weekly windows in the site's local time. */

export interface UnavailabilityRow {
  id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  reason: string;
  note: string;
  created_at: string;
}

export function listOfParticipant(q: Queryable, participantId: string): Promise<UnavailabilityRow[]> {
  return queryRows<UnavailabilityRow>(
    q,
    sql`select id, weekday, start_time, end_time, reason, note,
          to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at
        from participant_unavailability where participant_id = ${participantId}
        order by weekday, start_time, end_time, id`,
  );
}

export async function countOfParticipant(q: Queryable, participantId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    q,
    sql`select count(*)::int as n from participant_unavailability where participant_id = ${participantId}`,
  );
  return rows[0]?.n ?? 0;
}

/** Hold the participant's windows until commit (the count limit holds under concurrent adds). */
export async function lockOfParticipant(q: Queryable, participantId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`unavailability:${participantId}`}))`);
}

export async function insert(
  q: Queryable,
  row: typeof participantUnavailability.$inferInsert,
): Promise<string> {
  const [inserted] = await q
    .insert(participantUnavailability)
    .values(row)
    .returning({ id: participantUnavailability.id });
  return inserted!.id;
}

/** Remove one of the participant's windows; what was removed, or undefined when there was none. */
export async function remove(
  q: Queryable,
  participantId: string,
  id: string,
): Promise<{ weekday: number; reason: string } | undefined> {
  const rows = await q
    .delete(participantUnavailability)
    .where(
      and(eq(participantUnavailability.id, id), eq(participantUnavailability.participantId, participantId)),
    )
    .returning({ weekday: participantUnavailability.weekday, reason: participantUnavailability.reason });
  return rows[0];
}
