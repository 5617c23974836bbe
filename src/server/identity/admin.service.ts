import {
  PERMISSION_DESCRIPTIONS,
  PERMISSIONS,
  type Permission,
  ROLE_NAMES,
  STAFF_ROLES,
} from "../../core/access/permissions";
import type { SecuritySettings, SiteInput } from "../../core/identity/accounts.schema";
import type { StaffRole } from "../../core/identity/identity.schema";
import { DomainError } from "../../core/platform/errors";
import type { PolicyStore } from "../access/access.service";
import * as accessStore from "../access/access.sql";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "./auth.service";
import * as sites from "./sites.sql";
import { insertSiteMemberships } from "./users.sql";

/** Sites, the role × permission table and the security settings, for administrators. */
export function createAdminService(deps: { db: Database; now: () => Date; policy: PolicyStore }) {
  const { db, now, policy } = deps;
  const toSite = (r: sites.SiteRow) => ({
    id: r.id,
    name: r.name,
    timeZone: r.time_zone,
    onCallPhone: r.on_call_phone,
    staffCount: r.staff_count,
    currentParticipants: r.current_participants,
  });

  function assertTimeZone(timeZone: string) {
    const known = Intl.supportedValuesOf("timeZone").includes(timeZone) || timeZone === "UTC";
    if (!known)
      throw new DomainError("VALIDATION_FAILED", `“${timeZone}” is not a known time zone.`, "timeZone");
  }

  return {
    /** Everyone sees their own sites; people who manage sites see all of them. */
    async listSites(actor: Actor) {
      const all = actor.access.grants["sites.manage"] !== undefined;
      const rows = await sites.listWithCounts(db, all ? "all" : actor.access.siteIds);
      return { sites: rows.map(toSite) };
    },

    async createSite(actor: Actor, input: SiteInput, context: AuditContext) {
      assertTimeZone(input.timeZone);
      const at = now();
      const id = await db.transaction(async (tx) => {
        if (await sites.findByName(tx, input.name))
          throw new DomainError("SITE_NAME_TAKEN", undefined, "name");
        const organisationId = await sites.findOrganisationId(tx);
        if (!organisationId)
          throw new DomainError(
            "VALIDATION_FAILED",
            "Create the organisation first (bridgeway demo or setup).",
          );
        const siteId = await sites.insert(tx, {
          organisationId,
          name: input.name,
          timeZone: input.timeZone,
          onCallPhone: input.onCallPhone,
        });
        // The creator works at the new site, so they can staff it.
        await insertSiteMemberships(tx, actor.user.id, [siteId]);
        await appendAudit(
          tx,
          context,
          { action: "identity.site_create", resourceType: "site", resourceId: siteId, purpose: "operations" },
          at,
        );
        return siteId;
      });
      policy.invalidate();
      const rows = await sites.listWithCounts(db, [id]);
      return toSite(rows[0]!);
    },

    async updateSite(id: string, input: SiteInput, context: AuditContext) {
      assertTimeZone(input.timeZone);
      const at = now();
      await db.transaction(async (tx) => {
        const same = await sites.findByName(tx, input.name);
        if (same && same.id !== id) throw new DomainError("SITE_NAME_TAKEN", undefined, "name");
        if (!(await sites.update(tx, id, input))) throw new DomainError("NOT_FOUND", "No such site.");
        await appendAudit(
          tx,
          context,
          { action: "identity.site_update", resourceType: "site", resourceId: id, purpose: "operations" },
          at,
        );
      });
      const rows = await sites.listWithCounts(db, [id]);
      return toSite(rows[0]!);
    },

    async listSiteStaff(actor: Actor, siteId: string, permission?: Permission) {
      if (!actor.access.siteIds.includes(siteId)) throw new DomainError("NOT_FOUND", "No such site.");
      const rows = await sites.listStaff(db, siteId, permission);
      return {
        staff: rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles as StaffRole[] })),
      };
    },

    async rolePermissions() {
      const [rows, current] = await Promise.all([accessStore.listRolesWithPermissions(db), policy.get()]);
      const order = new Map(STAFF_ROLES.map((r, i) => [r as string, i]));
      return {
        roles: rows
          .filter((r) => order.has(r.key))
          .sort((a, b) => order.get(a.key)! - order.get(b.key)!)
          .map((r) => ({
            role: r.key as (typeof STAFF_ROLES)[number],
            name: ROLE_NAMES[r.key as (typeof STAFF_ROLES)[number]],
            caseloadScoped: r.caseloadScoped,
            permissions: r.permissions.filter((p) => (PERMISSIONS as readonly string[]).includes(p)),
          })),
        permissions: PERMISSIONS.map((key) => ({ key, description: PERMISSION_DESCRIPTIONS[key] })),
        counselorScope: current.counselorScope,
      };
    },

    async securitySettings(): Promise<SecuritySettings> {
      const current = await policy.get();
      return { counselorScope: current.counselorScope, staffMfaRequired: current.staffMfaRequired };
    },

    async updateSecuritySettings(input: SecuritySettings, context: AuditContext): Promise<SecuritySettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await accessStore.writeSetting(tx, "counselor_scope", input.counselorScope, at);
        await accessStore.writeSetting(tx, "staff_mfa_required", String(input.staffMfaRequired), at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.security_update",
            resourceType: "settings",
            purpose: "operations",
            details: { ...input },
          },
          at,
        );
      });
      policy.invalidate();
      return this.securitySettings();
    },
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
