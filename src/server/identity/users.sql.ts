import { and, count, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Locale, StaffRole, UserKind } from "../../core/identity/identity.schema";
import type { Queryable } from "../db/connection";
import { participants, staffSites, userMfa, userRoles, users } from "../db/schema";

/** A user as a session sees them (resolved on every request). */
export type SessionUserRecord = Omit<UserRecord, "mfaEnabled">;

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  locale: Locale;
  passwordHash: string | null;
  roles: StaffRole[];
  siteIds: string[];
  participantId: string | null;
  requiresCosign: boolean;
  /** TOTP enrolled and confirmed. */
  mfaEnabled: boolean;
}

/**
 * `users.id` with its table name always written: in a select from `users` alone, drizzle drops the
 * table name from columns inside SQL fields, and a bare "id" in the subqueries below would name the
 * subquery's own table (a participant's sign-in answered `participantId: null`).
 */
const userId = sql`${sql.identifier("users")}.${sql.identifier("id")}`;

const rolesOf = sql<
  StaffRole[]
>`coalesce((select array_agg(r.role order by r.role) from ${userRoles} r where r.user_id = ${userId}), '{}')`;
const sitesOf = sql<
  string[]
>`coalesce((select array_agg(s.site_id order by s.site_id) from ${staffSites} s where s.user_id = ${userId}), '{}')`;
const participantOf = sql<string | null>`(select p.id from ${participants} p where p.user_id = ${userId})`;
const mfaEnabledOf = sql<boolean>`exists (select 1 from ${userMfa} m where m.user_id = ${userId} and m.confirmed_at is not null)`;

/** The columns of a SessionUserRecord, for the per-request session query. */
export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  kind: users.kind,
  locale: users.locale,
  passwordHash: users.passwordHash,
  roles: rolesOf,
  siteIds: sitesOf,
  participantId: participantOf,
  requiresCosign: users.requiresCosign,
};

/** The columns of a UserRecord (with the MFA state that sign-in needs). */
export const userColumns = { ...sessionUserColumns, mfaEnabled: mfaEnabledOf };

/** An enabled user by email (case-insensitive). */
export async function findActiveByEmail(q: Queryable, email: string): Promise<UserRecord | undefined> {
  const rows = await q
    .select(userColumns)
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.disabledAt)));
  return rows[0];
}

/** Any user by email, enabled or not (for uniqueness). */
export async function findIdByEmail(q: Queryable, email: string): Promise<string | undefined> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return rows[0]?.id;
}

export async function findById(
  q: Queryable,
  id: string,
): Promise<(UserRecord & { disabledAt: Date | null }) | undefined> {
  const rows = await q
    .select({ ...userColumns, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  return rows[0];
}

export interface NewUser {
  email: string;
  displayName: string;
  kind: UserKind;
  locale: Locale;
  passwordHash: string | null;
  requiresCosign?: boolean;
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

export async function replaceRoles(q: Queryable, userId: string, roles: readonly StaffRole[]): Promise<void> {
  await q.delete(userRoles).where(eq(userRoles.userId, userId));
  await insertRoles(q, userId, roles);
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

export async function replaceSiteMemberships(q: Queryable, userId: string, siteIds: readonly string[]) {
  await q.delete(staffSites).where(eq(staffSites.userId, userId));
  await insertSiteMemberships(q, userId, siteIds);
}

export async function update(
  q: Queryable,
  id: string,
  set: Partial<{
    displayName: string;
    requiresCosign: boolean;
    passwordHash: string;
    disabledAt: Date | null;
    lastSignInAt: Date;
    updatedAt: Date;
  }>,
): Promise<void> {
  await q.update(users).set(set).where(eq(users.id, id));
}

export interface AdminUserRow {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  roles: StaffRole[];
  siteIds: string[];
  requiresCosign: boolean;
  disabledAt: Date | null;
  hasPassword: boolean;
  mfaEnabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const adminColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  kind: users.kind,
  roles: rolesOf,
  siteIds: sitesOf,
  requiresCosign: users.requiresCosign,
  disabledAt: users.disabledAt,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  mfaEnabled: mfaEnabledOf,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export interface UserListFilter {
  q?: string | undefined;
  kind?: UserKind | undefined;
  status?: "active" | "invited" | "deactivated" | undefined;
  siteId?: string | undefined;
  ids?: readonly string[];
  /** Only users who share one of these sites (or, for participants and family, whose participant is there). */
  visibleSiteIds: readonly string[];
  page: number;
  pageSize: number;
}

function listConditions(f: UserListFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(ilike(users.displayName, like), ilike(users.email, like)));
  }
  if (f.kind) conditions.push(eq(users.kind, f.kind));
  if (f.ids) conditions.push(inArray(users.id, [...f.ids]));
  if (f.status === "deactivated") conditions.push(isNotNull(users.disabledAt));
  if (f.status === "active") conditions.push(and(isNull(users.disabledAt), isNotNull(users.passwordHash)));
  if (f.status === "invited") conditions.push(and(isNull(users.disabledAt), isNull(users.passwordHash)));
  const sitesFilter = f.siteId
    ? f.visibleSiteIds.includes(f.siteId)
      ? [f.siteId]
      : []
    : [...f.visibleSiteIds];
  const siteList =
    sitesFilter.length > 0
      ? sql.join(
          sitesFilter.map((s) => sql`${s}::uuid`),
          sql`, `,
        )
      : sql`null::uuid`;
  conditions.push(
    sql`(exists (select 1 from ${staffSites} ss where ss.user_id = ${users.id} and ss.site_id in (${siteList}))
      or exists (select 1 from ${participants} p where p.user_id = ${users.id} and p.site_id in (${siteList}))
      or exists (select 1 from family_links fl join ${participants} p on p.id = fl.participant_id
                 where fl.user_id = ${users.id} and p.site_id in (${siteList})))`,
  );
  return and(...conditions);
}

export async function listForAdmin(
  q: Queryable,
  f: UserListFilter,
): Promise<{ rows: AdminUserRow[]; total: number }> {
  const where = listConditions(f);
  const [rows, totals] = await Promise.all([
    q
      .select(adminColumns)
      .from(users)
      .where(where)
      .orderBy(sql`lower(${users.displayName})`, users.id)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    q.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export async function findAdminRow(q: Queryable, id: string): Promise<AdminUserRow | undefined> {
  const rows = await q.select(adminColumns).from(users).where(eq(users.id, id));
  return rows[0];
}
