import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { sites } from "../db/schema";

export interface SiteRow {
  id: string;
  name: string;
  time_zone: string;
  on_call_phone: string;
  staff_count: number;
  current_participants: number;
}

export async function listWithCounts(q: Queryable, siteIds: readonly string[] | "all"): Promise<SiteRow[]> {
  const where =
    siteIds === "all"
      ? sql`true`
      : siteIds.length === 0
        ? sql`false`
        : sql`s.id in (${sql.join(
            siteIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`;
  return queryRows<SiteRow>(
    q,
    sql`select s.id, s.name, s.time_zone, s.on_call_phone,
          (select count(*)::int from staff_sites ss join users u on u.id = ss.user_id
             where ss.site_id = s.id and u.disabled_at is null) as staff_count,
          (select count(distinct e.participant_id)::int from episodes e
             where e.site_id = s.id and e.discharged_on is null) as current_participants
        from sites s where ${where} order by s.name`,
  );
}

export async function findOrganisationId(q: Queryable): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`select id from organisations order by created_at limit 1`,
  );
  return rows[0]?.id;
}

export async function findByName(q: Queryable, name: string) {
  const rows = await q
    .select({ id: sites.id })
    .from(sites)
    .where(sql`lower(${sites.name}) = ${name.toLowerCase()}`);
  return rows[0];
}

export async function insert(
  q: Queryable,
  row: { organisationId: string; name: string; timeZone: string; onCallPhone: string },
) {
  const rows = await q.insert(sites).values(row).returning({ id: sites.id });
  return rows[0]!.id;
}

export async function update(
  q: Queryable,
  id: string,
  set: { name: string; timeZone: string; onCallPhone: string },
) {
  const rows = await q.update(sites).set(set).where(eq(sites.id, id)).returning({ id: sites.id });
  return rows.length > 0;
}

export interface SiteStaffRow {
  id: string;
  display_name: string;
  roles: string[];
}

/** Active staff at a site; with `permission`, only those whose roles grant it. */
export async function listStaff(q: Queryable, siteId: string, permission?: string): Promise<SiteStaffRow[]> {
  const granted = permission
    ? sql`and exists (select 1 from user_roles r join role_permissions rp on rp.role = r.role
                      where r.user_id = u.id and rp.permission = ${permission})`
    : sql``;
  return queryRows<SiteStaffRow>(
    q,
    sql`select u.id, u.display_name,
          coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles
        from staff_sites ss join users u on u.id = ss.user_id
        where ss.site_id = ${siteId} and u.disabled_at is null and u.kind = 'staff' ${granted}
        order by lower(u.display_name)`,
  );
}
