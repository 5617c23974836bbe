import { and, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { trackExceptions, trackFacilitators, tracks } from "../db/schema";

/** The tracks' storage: tracks with their counts and facilitators, and their exceptions. */

export interface TrackRow {
  id: string;
  site_id: string;
  site_name: string;
  name: string;
  level_of_care: string;
  audience: "adult" | "adolescent";
  time_zone: string;
  starts_on: string;
  ends_on: string | null;
  pattern: { slots: { weekday: number; start: string; end: string }[] };
  location: string;
  telehealth: boolean;
  capacity: number;
  enrolled_count: number;
  waitlist_count: number;
  facilitators: { id: string; name: string }[];
}

function uuidList(ids: readonly string[]) {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** Tracks at these sites (none when the list is empty), optionally one track. */
async function selectTracks(q: Queryable, siteIds: readonly string[], trackId?: string) {
  if (siteIds.length === 0) return [];
  return queryRows<TrackRow>(
    q,
    sql`select t.id, t.site_id, s.name as site_name, t.name, t.level_of_care, t.audience, t.time_zone,
          t.starts_on::text as starts_on, t.ends_on::text as ends_on, t.pattern, t.location, t.telehealth,
          t.capacity,
          (select count(*)::int from track_enrollments e where e.track_id = t.id and e.status = 'enrolled') as enrolled_count,
          (select count(*)::int from track_enrollments e where e.track_id = t.id and e.status = 'waitlisted') as waitlist_count,
          coalesce((
            select json_agg(json_build_object('id', u.id, 'name', u.display_name) order by lower(u.display_name))
            from track_facilitators f join users u on u.id = f.user_id where f.track_id = t.id
          ), '[]'::json) as facilitators
        from tracks t join sites s on s.id = t.site_id
        where t.site_id in (${uuidList(siteIds)}) ${trackId ? sql`and t.id = ${trackId}` : sql``}
        order by s.name, t.name`,
  );
}

export function listBySites(q: Queryable, siteIds: readonly string[]): Promise<TrackRow[]> {
  return selectTracks(q, siteIds);
}

/** One track, only when it is at one of these sites. */
export async function findAtSites(
  q: Queryable,
  id: string,
  siteIds: readonly string[],
): Promise<TrackRow | undefined> {
  return (await selectTracks(q, siteIds, id))[0];
}

/** Lock the track's row for a change (capacity against enrollments, one exception per occurrence). */
export async function lockById(q: Queryable, id: string): Promise<void> {
  await queryRows(q, sql`select id from tracks where id = ${id} for update`);
}

export async function update(
  q: Queryable,
  id: string,
  set: {
    pattern: TrackRow["pattern"];
    location: string;
    telehealth: boolean;
    capacity: number;
    startsOn: string;
    endsOn: string | null;
  },
): Promise<void> {
  await q.update(tracks).set(set).where(eq(tracks.id, id));
}

export async function replaceFacilitators(q: Queryable, trackId: string, userIds: readonly string[]) {
  await q.delete(trackFacilitators).where(eq(trackFacilitators.trackId, trackId));
  if (userIds.length > 0) {
    await q.insert(trackFacilitators).values(userIds.map((userId) => ({ trackId, userId })));
  }
}

export interface ExceptionRow {
  id: string;
  occurrenceKey: string;
  kind: string;
  reason: string;
  movedOn: string | null;
  movedStart: string | null;
  movedEnd: string | null;
  facilitatorIds: string[];
}

const exceptionColumns = {
  id: trackExceptions.id,
  occurrenceKey: trackExceptions.occurrenceKey,
  kind: trackExceptions.kind,
  reason: trackExceptions.reason,
  movedOn: trackExceptions.movedOn,
  movedStart: trackExceptions.movedStart,
  movedEnd: trackExceptions.movedEnd,
  facilitatorIds: trackExceptions.facilitatorIds,
};

export function listExceptions(q: Queryable, trackId: string): Promise<ExceptionRow[]> {
  return q.select(exceptionColumns).from(trackExceptions).where(eq(trackExceptions.trackId, trackId));
}

export async function findExceptionByKey(
  q: Queryable,
  trackId: string,
  occurrenceKey: string,
): Promise<ExceptionRow | undefined> {
  const rows = await q
    .select(exceptionColumns)
    .from(trackExceptions)
    .where(and(eq(trackExceptions.trackId, trackId), eq(trackExceptions.occurrenceKey, occurrenceKey)));
  return rows[0];
}

export async function insertException(
  q: Queryable,
  row: Omit<ExceptionRow, "id"> & { trackId: string; createdBy: string; createdAt: Date },
): Promise<ExceptionRow> {
  const rows = await q.insert(trackExceptions).values(row).returning(exceptionColumns);
  return rows[0]!;
}

/** Delete one exception of the track; whether there was one. */
export async function deleteException(
  q: Queryable,
  trackId: string,
  id: string,
): Promise<ExceptionRow | undefined> {
  const rows = await q
    .delete(trackExceptions)
    .where(and(eq(trackExceptions.trackId, trackId), eq(trackExceptions.id, id)))
    .returning(exceptionColumns);
  return rows[0];
}

/**
 * How many attendance marks each of these occurrences of the track has, by occurrence key. The keys
 * ("2026-11-26T18:00", from the series' expansion) go as one array parameter: a quarter's keys would
 * make a long `in` list, slow to plan on PGlite.
 */
export async function countMarksByOccurrence(
  q: Queryable,
  trackId: string,
  keys: readonly string[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ occurrence_key: string; n: number }>(
    q,
    sql`select occurrence_key, count(*)::int as n from attendance_marks
        where track_id = ${trackId} and occurrence_key = any(${`{${keys.join(",")}}`}::text[])
        group by occurrence_key`,
  );
  return new Map(rows.map((r) => [r.occurrence_key, r.n]));
}

/** Display names of users, by id. */
export async function namesOf(q: Queryable, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; display_name: string }>(
    q,
    sql`select id, display_name from users where id in (${uuidList([...new Set(userIds)])})`,
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
