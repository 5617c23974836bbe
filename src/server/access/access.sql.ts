import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Permission } from "../../core/access/permissions";
import { type Queryable, queryRows } from "../db/connection";
import { appSettings, breakGlassGrants, careTeamMembers, rolePermissions, roles } from "../db/schema";

export interface RoleRow {
  key: string;
  caseloadScoped: boolean;
  permissions: Permission[];
}

export async function listRolesWithPermissions(q: Queryable): Promise<RoleRow[]> {
  const rows = await q
    .select({
      key: roles.key,
      caseloadScoped: roles.caseloadScoped,
      permissions: sql<
        Permission[]
      >`coalesce(array_agg(${rolePermissions.permission} order by ${rolePermissions.permission}) filter (where ${rolePermissions.permission} is not null), '{}')`,
    })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.role, roles.key))
    .groupBy(roles.key, roles.caseloadScoped)
    .orderBy(roles.key);
  return rows;
}

export async function readSettings(q: Queryable, names: readonly string[]): Promise<Map<string, string>> {
  const rows = await q
    .select({ name: appSettings.name, value: appSettings.value })
    .from(appSettings)
    .where(inArray(appSettings.name, [...names]));
  return new Map(rows.map((r) => [r.name, r.value]));
}

export async function writeSetting(q: Queryable, name: string, value: string, at: Date): Promise<void> {
  await q
    .insert(appSettings)
    .values({ name, value, updatedAt: at })
    .onConflictDoUpdate({ target: appSettings.name, set: { value, updatedAt: at } });
}

export interface ParticipantFactsRow {
  id: string;
  site_id: string;
  care_team: string[];
  break_glass_until: Date | string | null;
}

/** Everything the policy needs about one participant, from the actor's point of view, in one query. */
export async function findParticipantFacts(
  q: Queryable,
  participantId: string,
  actorUserId: string,
  now: Date,
): Promise<ParticipantFactsRow | undefined> {
  const rows = await queryRows<ParticipantFactsRow>(
    q,
    sql`select p.id, p.site_id,
          coalesce((select array_agg(c.user_id) from care_team_members c where c.participant_id = p.id), '{}') as care_team,
          (select max(g.expires_at) from break_glass_grants g
             where g.participant_id = p.id and g.user_id = ${actorUserId} and g.expires_at > ${now}) as break_glass_until
        from participants p where p.id = ${participantId}`,
  );
  return rows[0];
}

export async function insertBreakGlassGrant(
  q: Queryable,
  row: { userId: string; participantId: string; reason: string; grantedAt: Date; expiresAt: Date },
): Promise<string> {
  const rows = await q.insert(breakGlassGrants).values(row).returning({ id: breakGlassGrants.id });
  return rows[0]!.id;
}

export async function findOpenBreakGlass(q: Queryable, userId: string, participantId: string, now: Date) {
  const rows = await q
    .select({ id: breakGlassGrants.id, expiresAt: breakGlassGrants.expiresAt })
    .from(breakGlassGrants)
    .where(
      and(
        eq(breakGlassGrants.userId, userId),
        eq(breakGlassGrants.participantId, participantId),
        gt(breakGlassGrants.expiresAt, now),
      ),
    );
  return rows[0];
}

export async function isOnCareTeam(q: Queryable, userId: string, participantId: string): Promise<boolean> {
  const rows = await q
    .select({ one: sql`1` })
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.userId, userId), eq(careTeamMembers.participantId, participantId)));
  return rows.length > 0;
}
