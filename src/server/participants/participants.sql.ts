import { desc, eq, type SQL, sql } from "drizzle-orm";
import type { ParticipantListQuery, ParticipantSort } from "../../core/participants/participants.schema";
import { type Queryable, queryRows } from "../db/connection";
import {
  careTeamMembers,
  episodeLevelChanges,
  episodes,
  participants,
  sobrietyDateChanges,
  users,
} from "../db/schema";

export interface ListScope {
  actorUserId: string;
  /** Staff: the sites whose participants the actor may list. */
  siteIds: readonly string[];
  /** Staff limited to their care team. */
  careTeamOnly: boolean;
  /** Participants and family: exactly these participants. */
  participantIds?: readonly string[];
  /** Narrow further to these participants (close-spelling matches of a search). */
  onlyIds?: readonly string[];
}

export interface ParticipantListRow {
  id: string;
  name: string;
  site_id: string;
  site_name: string;
  track_name: string | null;
  admitted_on: string | null;
  discharged_on: string | null;
  /** The latest episode. */
  episode_id: string | null;
  primary_counselor: string | null;
  on_my_care_team: boolean;
  total: number;
}

const uuidList = (ids: readonly string[]) =>
  ids.length === 0
    ? sql`null::uuid`
    : sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      );

/** What each sort orders by; text case-insensitively. Ties fall back to the name, then the id. */
const SORT_KEYS: Record<ParticipantSort, SQL[]> = {
  name: [sql`lower(p.family_name)`, sql`lower(p.given_name)`],
  site: [sql`lower(s.name)`],
  track: [sql`lower(t.name)`],
  admitted: [sql`le.admitted_on`],
  discharged: [sql`le.discharged_on`],
  counselor: [sql`lower(pc.display_name)`],
};

/** The sort keys in the chosen direction, blanks last either way; a total order so pages never overlap. */
function orderBy(query: ParticipantListQuery): SQL {
  const dir = query.dir === "desc" ? sql`desc nulls last` : sql`asc nulls last`;
  const keys = SORT_KEYS[query.sort].map((key) => sql`${key} ${dir}`);
  if (query.sort !== "name") keys.push(...SORT_KEYS.name.map((key) => sql`${key} asc`));
  keys.push(sql`p.id asc`);
  return sql.join(keys, sql`, `);
}

/**
 * The participants (`p`) a scope reaches, optionally at one of its sites: the one rule shared by the
 * participant list and the other lists of participants (e.g. measures due).
 */
export function scopeCondition(scope: ListScope, siteId?: string): SQL {
  const conditions = [
    scope.participantIds
      ? sql`p.id in (${uuidList(scope.participantIds)})`
      : sql`p.site_id in (${uuidList(siteId ? scope.siteIds.filter((s) => s === siteId) : scope.siteIds)})`,
  ];
  if (scope.onlyIds) conditions.push(sql`p.id in (${uuidList(scope.onlyIds)})`);
  if (scope.careTeamOnly) {
    conditions.push(
      sql`exists (select 1 from care_team_members c where c.participant_id = p.id and c.user_id = ${scope.actorUserId})`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/** The participants an actor may see, filtered, sorted and paged; the scope is part of the query. */
export async function listScoped(
  q: Queryable,
  scope: ListScope,
  query: ParticipantListQuery,
): Promise<ParticipantListRow[]> {
  const conditions = [scopeCondition(scope, query.siteId)];
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(sql`(p.given_name || ' ' || p.family_name) ilike ${like}`);
  }
  if (query.status === "current") conditions.push(sql`le.discharged_on is null and le.id is not null`);
  if (query.status === "past") conditions.push(sql`le.discharged_on is not null`);
  return queryRows<ParticipantListRow>(
    q,
    sql`select p.id, p.given_name || ' ' || p.family_name as name, p.site_id, s.name as site_name,
          t.name as track_name, le.admitted_on::text as admitted_on, le.discharged_on::text as discharged_on,
          le.id as episode_id, pc.display_name as primary_counselor,
          exists (select 1 from care_team_members c where c.participant_id = p.id and c.user_id = ${scope.actorUserId}) as on_my_care_team,
          count(*) over ()::int as total
        from participants p
        join sites s on s.id = p.site_id
        left join lateral (
          select e.id, e.track_id, e.admitted_on, e.discharged_on from episodes e
          where e.participant_id = p.id order by e.admitted_on desc limit 1
        ) le on true
        left join tracks t on t.id = le.track_id
        left join lateral (
          select u.display_name from care_team_members c join users u on u.id = c.user_id
          where c.participant_id = p.id and c.role = 'primary_counselor' limit 1
        ) pc on true
        where ${sql.join(conditions, sql` and `)}
        order by ${orderBy(query)}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
}

export interface ParticipantRow {
  id: string;
  given_name: string;
  family_name: string;
  born_on: string;
  preferred_language: "en" | "es";
  site_id: string;
  site_name: string;
  /** The site's IANA time zone: "today" for this participant is the program's date. */
  site_time_zone: string;
}

export async function findById(q: Queryable, id: string): Promise<ParticipantRow | undefined> {
  const rows = await queryRows<ParticipantRow>(
    q,
    sql`select p.id, p.given_name, p.family_name, p.born_on::text as born_on, p.preferred_language, p.site_id, s.name as site_name,
               s.time_zone as site_time_zone
        from participants p join sites s on s.id = p.site_id where p.id = ${id}`,
  );
  return rows[0];
}

export async function listEpisodes(q: Queryable, participantId: string) {
  return queryRows<{
    id: string;
    track_name: string | null;
    level_of_care: string;
    admitted_on: string;
    discharged_on: string | null;
    discharge_reason: string | null;
  }>(
    q,
    sql`select e.id, t.name as track_name, e.level_of_care, e.admitted_on::text as admitted_on,
          e.discharged_on::text as discharged_on, e.discharge_reason
        from episodes e left join tracks t on t.id = e.track_id
        where e.participant_id = ${participantId} order by e.admitted_on desc`,
  );
}

export async function listCareTeam(q: Queryable, participantId: string) {
  return queryRows<{ user_id: string; display_name: string; role: string }>(
    q,
    sql`select c.user_id, u.display_name, c.role from care_team_members c join users u on u.id = c.user_id
        where c.participant_id = ${participantId}
        order by case c.role when 'primary_counselor' then 0 else 1 end, lower(u.display_name)`,
  );
}

export async function listRecentCheckIns(q: Queryable, participantId: string, limit: number) {
  return queryRows<{ checked_on: string; mood: number; craving: number; any_use: boolean }>(
    q,
    sql`select checked_in_on::text as checked_on, mood, craving, any_use from check_ins
        where participant_id = ${participantId} order by checked_in_on desc limit ${limit}`,
  );
}

export async function replaceCareTeam(
  q: Queryable,
  participantId: string,
  members: readonly { userId: string; role: string }[],
  at: Date,
): Promise<void> {
  await q.delete(careTeamMembers).where(eq(careTeamMembers.participantId, participantId));
  if (members.length > 0) {
    await q
      .insert(careTeamMembers)
      .values(members.map((m) => ({ participantId, userId: m.userId, role: m.role, addedAt: at })));
  }
}

/** Which of these users are active staff at the site (care-team members must be). */
export async function filterStaffAtSite(
  q: Queryable,
  siteId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await queryRows<{ user_id: string }>(
    q,
    sql`select ss.user_id from staff_sites ss join users u on u.id = ss.user_id
        where ss.site_id = ${siteId} and u.disabled_at is null and u.kind = 'staff' and ss.user_id in (${uuidList(userIds)})`,
  );
  return rows.map((r) => r.user_id);
}

export async function listFamilyLinked(q: Queryable, familyUserId: string): Promise<string[]> {
  const rows = await queryRows<{ participant_id: string }>(
    q,
    sql`select participant_id from family_links where user_id = ${familyUserId}`,
  );
  return rows.map((r) => r.participant_id);
}

export async function findChartExtras(q: Queryable, participantId: string) {
  const rows = await queryRows<{
    preferred_name: string;
    pronouns: string;
    sobriety_on: string | null;
    open_alerts: number;
    phone: string;
    email: string;
    address: string;
    emergency_contact_name: string;
    emergency_contact_phone: string;
    insurance_payer: string;
    insurance_member_id: string;
  }>(
    q,
    sql`select p.preferred_name, p.pronouns, p.sobriety_on::text as sobriety_on,
          p.phone, p.email, p.address, p.emergency_contact_name, p.emergency_contact_phone,
          p.insurance_payer, p.insurance_member_id,
          (select count(*)::int from alerts a where a.participant_id = p.id and a.state = 'open') as open_alerts
        from participants p where p.id = ${participantId}`,
  );
  return rows[0];
}

export async function findOpenEpisode(q: Queryable, participantId: string) {
  const rows = await queryRows<{
    id: string;
    level_of_care: string;
    admitted_on: string;
    discharged_on: string | null;
    primary_counselor: string | null;
    last_change_on: string | null;
  }>(
    q,
    sql`select e.id, e.level_of_care, e.admitted_on::text as admitted_on, e.discharged_on::text as discharged_on,
          (select u.display_name from care_team_members c join users u on u.id = c.user_id
             where c.participant_id = e.participant_id and c.role = 'primary_counselor' limit 1) as primary_counselor,
          (select max(l.changed_on)::text from episode_level_changes l where l.episode_id = e.id) as last_change_on
        from episodes e where e.participant_id = ${participantId} and e.discharged_on is null
        order by e.admitted_on desc limit 1`,
  );
  return rows[0];
}

export async function listLevelChanges(q: Queryable, episodeId: string) {
  return queryRows<{
    from_level: string;
    to_level: string;
    changed_on: string;
    reason: string;
    by: string | null;
  }>(
    q,
    sql`select l.from_level, l.to_level, l.changed_on::text as changed_on, l.reason, u.display_name as by
        from episode_level_changes l left join users u on u.id = l.changed_by
        where l.episode_id = ${episodeId} order by l.changed_on, l.id`,
  );
}

export async function listDiagnoses(q: Queryable, participantId: string) {
  return queryRows<{ code: string; title: string; is_primary: boolean }>(
    q,
    sql`select d.code, d.title, d.is_primary from diagnoses d
        join episodes e on e.id = d.episode_id
        where d.participant_id = ${participantId}
          and e.id = (select id from episodes where participant_id = ${participantId} order by admitted_on desc limit 1)
        order by d.is_primary desc, d.code`,
  );
}

export async function insertLevelChange(
  q: Queryable,
  row: {
    episodeId: string;
    fromLevel: string;
    toLevel: string;
    changedOn: string;
    reason: string;
    changedBy: string;
    changedAt: Date;
  },
): Promise<number> {
  const [inserted] = await q
    .insert(episodeLevelChanges)
    .values(row)
    .returning({ id: episodeLevelChanges.id });
  await q.update(episodes).set({ levelOfCare: row.toLevel }).where(eq(episodes.id, row.episodeId));
  return inserted!.id;
}

export async function setSobrietyDate(
  q: Queryable,
  participantId: string,
  from: string | null,
  to: string | null,
  changedBy: string,
  at: Date,
  restart: { message: string } | null = null,
): Promise<void> {
  await q.update(participants).set({ sobrietyOn: to }).where(eq(participants.id, participantId));
  await q.insert(sobrietyDateChanges).values({
    participantId,
    fromOn: from,
    toOn: to,
    changedBy,
    changedAt: at,
    restart: restart !== null,
    message: restart?.message ?? "",
  });
}

/** How many sobriety-date changes the chart shows. */
export const SOBRIETY_HISTORY_LIMIT = 20;

/** The latest changes to a participant's sobriety date, newest first, with who made each. */
export async function listSobrietyDateChanges(q: Queryable, participantId: string) {
  return q
    .select({
      fromOn: sobrietyDateChanges.fromOn,
      toOn: sobrietyDateChanges.toOn,
      changedAt: sobrietyDateChanges.changedAt,
      restart: sobrietyDateChanges.restart,
      message: sobrietyDateChanges.message,
      changedById: users.id,
      changedByName: users.displayName,
    })
    .from(sobrietyDateChanges)
    .leftJoin(users, eq(users.id, sobrietyDateChanges.changedBy))
    .where(eq(sobrietyDateChanges.participantId, participantId))
    .orderBy(desc(sobrietyDateChanges.changedAt), desc(sobrietyDateChanges.id))
    .limit(SOBRIETY_HISTORY_LIMIT);
}

/** Names in the actor's scope (for close-spelling search), at most `limit`. */
export async function listNamesScoped(
  q: Queryable,
  scope: ListScope,
  query: ParticipantListQuery,
  limit: number,
) {
  const rows = await listScoped(q, scope, { ...query, q: undefined, page: 1, pageSize: limit });
  return rows.map((r) => ({ id: r.id, name: r.name }));
}
