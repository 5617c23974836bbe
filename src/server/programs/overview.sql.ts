import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

export async function listSiteCensusForStaff(q: Queryable, userId: string) {
  return queryRows<{ id: string; name: string; organisation_name: string; current_participants: number }>(
    q,
    sql`select s.id, s.name, o.name as organisation_name,
          (select count(distinct e.participant_id)::int from episodes e
            where e.site_id = s.id and e.discharged_on is null) as current_participants
        from sites s
        join staff_sites ss on ss.site_id = s.id and ss.user_id = ${userId}
        join organisations o on o.id = s.organisation_id
        order by s.name`,
  );
}

export async function countTotalsForSites(q: Queryable, siteIds: string[], today: string) {
  if (siteIds.length === 0) return { past_participants: 0, staff: 0, tracks: 0 };
  const ids = sql.join(
    siteIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ past_participants: number; staff: number; tracks: number }>(
    q,
    sql`select
          (select count(*)::int from participants p
            where p.site_id in (${ids})
              and exists (select 1 from episodes e where e.participant_id = p.id)
              and not exists (select 1 from episodes e where e.participant_id = p.id and e.discharged_on is null)
          ) as past_participants,
          (select count(distinct ss.user_id)::int from staff_sites ss where ss.site_id in (${ids})) as staff,
          (select count(*)::int from tracks t
            where t.site_id in (${ids}) and t.starts_on <= ${today}::date
              and (t.ends_on is null or t.ends_on >= ${today}::date)) as tracks`,
  );
  return rows[0]!;
}

export async function findAnyOrganisationName(q: Queryable): Promise<string | undefined> {
  const rows = await queryRows<{ name: string }>(
    q,
    sql`select name from organisations order by created_at limit 1`,
  );
  return rows[0]?.name;
}
