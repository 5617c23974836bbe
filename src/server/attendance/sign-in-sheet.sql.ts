import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/** What the sign-in sheet prints beyond the roster: where, by whom, and the names as people use them. */

export interface SheetPlaceRow {
  program_name: string;
  site_name: string;
  site_time_zone: string;
  room_name: string | null;
  location: string;
  telehealth: boolean;
  facilitators: { id: string; name: string }[];
}

export async function findSheetPlace(q: Queryable, trackId: string): Promise<SheetPlaceRow | undefined> {
  const rows = await queryRows<SheetPlaceRow>(
    q,
    sql`select o.name as program_name, s.name as site_name, s.time_zone as site_time_zone,
          r.name as room_name, t.location, t.telehealth,
          coalesce((
            select json_agg(json_build_object('id', u.id, 'name', u.display_name) order by lower(u.display_name))
            from track_facilitators f join users u on u.id = f.user_id where f.track_id = t.id
          ), '[]'::json) as facilitators
        from tracks t
          join sites s on s.id = t.site_id
          join organisations o on o.id = s.organisation_id
          left join rooms r on r.id = t.room_id
        where t.id = ${trackId}`,
  );
  return rows[0];
}

export interface SheetNameRow {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string;
}

export function listSheetNames(q: Queryable, participantIds: readonly string[]): Promise<SheetNameRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return queryRows<SheetNameRow>(
    q,
    sql`select id, given_name, family_name, preferred_name from participants
        where id in (${sql.join(
          participantIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}
