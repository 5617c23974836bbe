import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { permissionSchema } from "../../core/access/permissions";
import {
  adminUserSchema,
  invitationCreatedSchema,
  rolePermissionsSchema,
  securitySettingsSchema,
  siteInputSchema,
  siteListSchema,
  siteSchema,
  siteStaffListSchema,
  staffUpdateSchema,
  userListQuerySchema,
  userListSchema,
} from "../../core/identity/accounts.schema";
import { DomainError } from "../../core/platform/errors";
import type { Database } from "../db/connection";
import { errorResponses } from "../platform/openapi";
import { actorOf, auditContextOf } from "../platform/route-access";
import type { createAccountsService } from "./accounts.service";
import type { AdminService } from "./admin.service";
import type { MfaService } from "./mfa.service";
import { assertManageable, listUsers, setDeactivated, updateStaff } from "./users.service";

export interface AdminRoutesOptions {
  db: Database;
  now: () => Date;
  admin: AdminService;
  accounts: ReturnType<typeof createAccountsService>;
  mfa: MfaService;
}

const idParams = z.object({ id: z.uuid("This is not a valid id.") });
const manage = { access: { kind: "permission", permission: "users.manage" } } as const;

/** Users, sites, roles and security settings. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (
  app,
  { db, now, admin, accounts, mfa },
) => {
  app.get(
    "/users",
    {
      schema: {
        tags: ["administration"],
        summary: "Users who share a site with me: search, filter, paginate (audited: it names participants)",
        querystring: userListQuerySchema,
        response: { 200: userListSchema, ...errorResponses(400, 401, 403) },
      },
      config: {
        ...manage,
        audit: { action: "identity.user_list", resourceType: "user_list", purpose: "operations" },
      },
    },
    async (request) => listUsers(db, actorOf(request), request.query),
  );

  app.patch(
    "/users/:id",
    {
      schema: {
        tags: ["administration"],
        summary: "Change a staff member's name, roles, sites or co-signature requirement",
        params: idParams,
        body: staffUpdateSchema,
        response: { 200: adminUserSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: manage,
    },
    async (request) =>
      updateStaff(db, actorOf(request), request.params.id, request.body, auditContextOf(request), now()),
  );

  app.post(
    "/users/:id/deactivate",
    {
      schema: {
        tags: ["administration"],
        summary: "Deactivate a user: their sessions end at once; their records stay attributed",
        params: idParams,
        response: { 200: adminUserSchema, ...errorResponses(401, 403, 404, 409) },
      },
      config: manage,
    },
    async (request) =>
      setDeactivated(db, actorOf(request), request.params.id, true, auditContextOf(request), now()),
  );

  app.post(
    "/users/:id/reactivate",
    {
      schema: {
        tags: ["administration"],
        summary: "Reactivate a deactivated user",
        params: idParams,
        response: { 200: adminUserSchema, ...errorResponses(401, 403, 404, 409) },
      },
      config: manage,
    },
    async (request) =>
      setDeactivated(db, actorOf(request), request.params.id, false, auditContextOf(request), now()),
  );

  app.delete(
    "/users/:id/mfa",
    {
      schema: {
        tags: ["administration"],
        summary: "Reset a user's two-step verification (lost phone); they set it up again at next sign-in",
        params: idParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
      config: manage,
    },
    async (request, reply) => {
      await assertManageable(db, actorOf(request), request.params.id);
      await mfa.reset(request.params.id, auditContextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/users/:id/invitation",
    {
      schema: {
        tags: ["administration"],
        summary: "Send a new invitation link (the previous one stops working)",
        params: idParams,
        response: { 201: invitationCreatedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { ...manage, rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await accounts.resendInvitation(actorOf(request), request.params.id, auditContextOf(request))),
  );

  app.get(
    "/sites",
    {
      schema: {
        tags: ["administration"],
        summary: "Sites: my own, or all for those who manage sites",
        response: { 200: siteListSchema, ...errorResponses(401) },
      },
      config: { access: { kind: "signed-in" } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.user.kind !== "staff") throw new DomainError("AUTH_FORBIDDEN");
      return admin.listSites(actor);
    },
  );

  app.post(
    "/sites",
    {
      schema: {
        tags: ["administration"],
        summary: "Create a site (you become a member of it)",
        body: siteInputSchema,
        response: { 201: siteSchema, ...errorResponses(400, 401, 403, 409) },
      },
      config: { access: { kind: "permission", permission: "sites.manage" } },
    },
    async (request, reply) =>
      reply.status(201).send(await admin.createSite(actorOf(request), request.body, auditContextOf(request))),
  );

  app.patch(
    "/sites/:id",
    {
      schema: {
        tags: ["administration"],
        summary: "Rename a site, or change its time zone or on-call line",
        params: idParams,
        body: siteInputSchema,
        response: { 200: siteSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      config: { access: { kind: "permission", permission: "sites.manage" } },
    },
    async (request) => admin.updateSite(request.params.id, request.body, auditContextOf(request)),
  );

  app.get(
    "/sites/:id/staff",
    {
      schema: {
        tags: ["administration"],
        summary:
          "Active staff of one of my sites (for care-team pickers and the calendar); `permission` keeps those whose roles grant it (e.g. plans.cosign)",
        params: idParams,
        querystring: z.object({ permission: permissionSchema.optional() }),
        response: {
          200: siteStaffListSchema,
          ...errorResponses(401, 403, 404),
        },
      },
      // Names at one's own site only (the service checks): for care teams, and for the calendar's
      // staff view and booking, which everyone who sees the schedule uses.
      config: { access: { kind: "any-permission", permissions: ["care_team.manage", "schedule.view"] } },
    },
    async (request) => admin.listSiteStaff(actorOf(request), request.params.id, request.query.permission),
  );

  app.get(
    "/roles",
    {
      schema: {
        tags: ["administration"],
        summary: "The role × permission table",
        response: { 200: rolePermissionsSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "permission", permission: "roles.view" } },
    },
    async () => admin.rolePermissions(),
  );

  app.get(
    "/settings/security",
    {
      schema: {
        tags: ["administration"],
        summary: "Security settings",
        response: { 200: securitySettingsSchema, ...errorResponses(401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async () => admin.securitySettings(),
  );

  app.put(
    "/settings/security",
    {
      schema: {
        tags: ["administration"],
        summary: "Change who counselors see (site or care team) and whether staff must use MFA",
        body: securitySettingsSchema,
        response: { 200: securitySettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: { kind: "permission", permission: "settings.manage" } },
    },
    async (request) => admin.updateSecuritySettings(request.body, auditContextOf(request)),
  );
};
