import { inArray } from "drizzle-orm";
import type { AdminUser } from "../../core/identity/accounts.schema";
import type { StaffRole } from "../../core/identity/identity.schema";
import type { CreateUserInput } from "../../core/identity/user-create.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import { sites } from "../db/schema";
import { isManageable } from "./accounts.service";
import type { Actor } from "./auth.service";
import { hashPassword } from "./passwords";
import * as sessionStore from "./sessions.sql";
import * as users from "./users.sql";

/** Create an account with its roles and site memberships in one transaction. */
export async function createUser(db: Database, input: CreateUserInput): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await users.findActiveByEmail(tx, input.email))
      throw new DomainError("IDENTITY_EMAIL_TAKEN", undefined, "email");
    const siteRows =
      input.siteNames.length > 0
        ? await tx
            .select({ id: sites.id, name: sites.name })
            .from(sites)
            .where(inArray(sites.name, input.siteNames))
        : [];
    const missing = input.siteNames.filter((name) => !siteRows.some((s) => s.name === name));
    if (missing.length > 0) {
      throw new DomainError(
        "VALIDATION_FAILED",
        `No site is named ${missing.map((m) => `"${m}"`).join(", ")}.`,
        "siteNames",
      );
    }
    const id = await users.insert(tx, {
      email: input.email,
      displayName: input.displayName,
      kind: input.kind,
      locale: input.locale,
      passwordHash,
    });
    await users.insertRoles(tx, id, input.roles);
    await users.insertSiteMemberships(
      tx,
      id,
      siteRows.map((s) => s.id),
    );
    return id;
  });
}

// --- administration -------------------------------------------------------------------------

export function toAdminUser(row: users.AdminUserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    kind: row.kind,
    roles: row.roles,
    siteIds: row.siteIds,
    requiresCosign: row.requiresCosign,
    status: row.disabledAt ? "deactivated" : row.hasPassword ? "active" : "invited",
    mfaEnabled: row.mfaEnabled,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(
  db: Database,
  actor: Actor,
  query: Omit<users.UserListFilter, "visibleSiteIds">,
) {
  const { rows, total } = await users.listForAdmin(db, { ...query, visibleSiteIds: actor.access.siteIds });
  return { users: rows.map(toAdminUser), total, page: query.page, pageSize: query.pageSize };
}

async function loadManageable(tx: Queryable, actor: Actor, userId: string) {
  if (!(await isManageable(tx, actor, userId))) throw new DomainError("NOT_FOUND", "No such user.");
  const row = await users.findAdminRow(tx, userId);
  if (!row) throw new DomainError("NOT_FOUND", "No such user.");
  return row;
}

export async function updateStaff(
  db: Database,
  actor: Actor,
  userId: string,
  change: {
    displayName?: string | undefined;
    roles?: StaffRole[] | undefined;
    siteIds?: string[] | undefined;
    requiresCosign?: boolean | undefined;
  },
  context: AuditContext,
  at: Date,
): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const row = await loadManageable(tx, actor, userId);
    if (row.kind !== "staff" && (change.roles || change.siteIds || change.requiresCosign !== undefined)) {
      throw new DomainError("IDENTITY_NOT_STAFF");
    }
    if (userId === actor.user.id && (change.roles || change.siteIds)) {
      throw new DomainError(
        "IDENTITY_SELF_CHANGE",
        "Ask another administrator to change your own roles or sites.",
      );
    }
    if (change.siteIds) {
      const outside = change.siteIds.filter((s) => !actor.access.siteIds.includes(s));
      // Sites the user has that the actor does not manage are kept as they are.
      if (outside.length > 0)
        throw new DomainError("VALIDATION_FAILED", "You can only add people to your own sites.", "siteIds");
      const keep = row.siteIds.filter((s) => !actor.access.siteIds.includes(s));
      await users.replaceSiteMemberships(tx, userId, [...new Set([...keep, ...change.siteIds])]);
    }
    if (change.roles) await users.replaceRoles(tx, userId, change.roles);
    if (change.displayName !== undefined || change.requiresCosign !== undefined) {
      await users.update(tx, userId, {
        ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
        ...(change.requiresCosign !== undefined ? { requiresCosign: change.requiresCosign } : {}),
        updatedAt: at,
      });
    }
    await appendAudit(
      tx,
      context,
      {
        action: "identity.user_update",
        resourceType: "user",
        resourceId: userId,
        purpose: "operations",
        details: {
          roles: change.roles ? change.roles.join(" ") : null,
          sites: change.siteIds ? change.siteIds.length : null,
          requiresCosign: change.requiresCosign ?? null,
        },
      },
      at,
    );
    return toAdminUser((await users.findAdminRow(tx, userId))!);
  });
}

/** Deactivate: sessions end at once; everything they wrote stays attributed to them. */
export async function setDeactivated(
  db: Database,
  actor: Actor,
  userId: string,
  deactivated: boolean,
  context: AuditContext,
  at: Date,
): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    await loadManageable(tx, actor, userId);
    if (userId === actor.user.id) throw new DomainError("IDENTITY_SELF_CHANGE");
    await users.update(tx, userId, { disabledAt: deactivated ? at : null, updatedAt: at });
    if (deactivated) await sessionStore.endAllForUser(tx, userId, at);
    await appendAudit(
      tx,
      context,
      {
        action: deactivated ? "identity.user_deactivate" : "identity.user_reactivate",
        resourceType: "user",
        resourceId: userId,
        purpose: "operations",
      },
      at,
    );
    return toAdminUser((await users.findAdminRow(tx, userId))!);
  });
}

export async function assertManageable(db: Database, actor: Actor, userId: string): Promise<void> {
  await loadManageable(db, actor, userId);
}
