import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

export interface AccessAlertRow {
  id: string;
  kind: "break_the_glass";
  created_at: Date | string;
  site_id: string;
  site_name: string;
  participant_id: string;
  participant_name: string;
  staff_id: string;
  staff_name: string;
  reason: string;
  expires_at: Date | string;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
}

export async function listForSites(
  q: Queryable,
  siteIds: readonly string[],
  openOnly: boolean,
): Promise<AccessAlertRow[]> {
  if (siteIds.length === 0) return [];
  return queryRows<AccessAlertRow>(
    q,
    sql`select a.id, a.kind, a.created_at, a.site_id, s.name as site_name,
          p.id as participant_id, p.given_name || ' ' || p.family_name as participant_name,
          u.id as staff_id, u.display_name as staff_name, g.reason, g.expires_at,
          a.acknowledged_at, ack.display_name as acknowledged_by
        from alerts a
        join sites s on s.id = a.site_id
        join break_glass_grants g on g.id = a.break_glass_grant_id
        join participants p on p.id = g.participant_id
        join users u on u.id = g.user_id
        left join users ack on ack.id = a.acknowledged_by
        where a.kind = 'break_the_glass'
          and a.site_id in (${sql.join(
            siteIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          ${openOnly ? sql`and a.acknowledged_at is null` : sql``}
        order by a.created_at desc limit 200`,
  );
}

export async function acknowledge(
  q: Queryable,
  id: string,
  siteIds: readonly string[],
  userId: string,
  at: Date,
) {
  if (siteIds.length === 0) return undefined;
  const rows = await queryRows<{ participant_id: string | null }>(
    q,
    sql`update alerts set acknowledged_at = ${at}, acknowledged_by = ${userId}
        where id = ${id} and acknowledged_at is null
          and site_id in (${sql.join(
            siteIds.map((s) => sql`${s}::uuid`),
            sql`, `,
          )})
        returning participant_id`,
  );
  return rows[0];
}
