import { and, isNull, sql } from "drizzle-orm";
import type { Locale, StaffRole, UserKind } from "../../core/identity/identity.schema";
import type { Queryable } from "../db/connection";
import { staffSites, userRoles, users } from "../db/schema";

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  locale: Locale;
  passwordHash: string | null;
  roles: StaffRole[];
}

const rolesOf = sql<
  StaffRole[]
>`coalesce((select array_agg(r.role order by r.role) from ${userRoles} r where r.user_id = ${users.id}), '{}')`;

/** The columns of a UserRecord, for queries that join users. */
export const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  kind: users.kind,
  locale: users.locale,
  passwordHash: users.passwordHash,
  roles: rolesOf,
};

/** An enabled user by email (case-insensitive). */
export async function findActiveByEmail(q: Queryable, email: string): Promise<UserRecord | undefined> {
  const rows = await q
    .select(userColumns)
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.disabledAt)));
  return rows[0];
}

export interface NewUser {
  email: string;
  displayName: string;
  kind: UserKind;
  locale: Locale;
  passwordHash: string | null;
}

export async function insert(q: Queryable, user: NewUser): Promise<string> {
  const rows = await q.insert(users).values(user).returning({ id: users.id });
  return rows[0]!.id;
}

export async function insertRoles(q: Queryable, userId: string, roles: readonly StaffRole[]): Promise<void> {
  if (roles.length === 0) return;
  await q
    .insert(userRoles)
    .values(roles.map((role) => ({ userId, role })))
    .onConflictDoNothing();
}

export async function insertSiteMemberships(
  q: Queryable,
  userId: string,
  siteIds: readonly string[],
): Promise<void> {
  if (siteIds.length === 0) return;
  await q
    .insert(staffSites)
    .values(siteIds.map((siteId) => ({ userId, siteId })))
    .onConflictDoNothing();
}
