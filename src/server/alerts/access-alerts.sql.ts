import { sql } from "drizzle-orm";
import type { AlertState } from "../../core/alerts/alerts.schema";
import { type Queryable, queryRows } from "../db/connection";

export interface AccessAlertRow {
  id: string;
  kind: "break_the_glass";
  state: AlertState;
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
    sql`select a.id, a.kind, a.state, a.created_at, a.site_id, s.name as site_name,
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
          ${openOnly ? sql`and a.state = 'open'` : sql``}
        order by a.created_at desc limit 200`,
  );
}
