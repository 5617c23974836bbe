import { and, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { rooms } from "../db/schema";

/** Rooms' storage: a site's rooms, one by id, one by name (any letter case), insert and update. */

export interface RoomRow {
  id: string;
  site_id: string;
  name: string;
  active: boolean;
}

export function listBySite(q: Queryable, siteId: string): Promise<RoomRow[]> {
  return queryRows<RoomRow>(
    q,
    sql`select id, site_id, name, active from rooms where site_id = ${siteId}
        order by active desc, lower(name), id`,
  );
}

export async function findById(q: Queryable, id: string): Promise<RoomRow | undefined> {
  const rows = await queryRows<RoomRow>(q, sql`select id, site_id, name, active from rooms where id = ${id}`);
  return rows[0];
}

export async function findByName(q: Queryable, siteId: string, name: string): Promise<RoomRow | undefined> {
  const rows = await queryRows<RoomRow>(
    q,
    sql`select id, site_id, name, active from rooms where site_id = ${siteId} and lower(name) = lower(${name})`,
  );
  return rows[0];
}

/** Hold the site's room names until commit: two rooms named alike at once get a clear answer, not a 500. */
export async function lockNames(q: Queryable, siteId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`rooms:${siteId}`}))`);
}

export async function insert(q: Queryable, row: { siteId: string; name: string }): Promise<string> {
  const [inserted] = await q.insert(rooms).values(row).returning({ id: rooms.id });
  return inserted!.id;
}

export async function update(
  q: Queryable,
  id: string,
  siteId: string,
  set: { name: string; active: boolean },
): Promise<void> {
  await q
    .update(rooms)
    .set(set)
    .where(and(eq(rooms.id, id), eq(rooms.siteId, siteId)));
}
