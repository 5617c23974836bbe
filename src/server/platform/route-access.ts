import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ParticipantFacts } from "../../core/access/access.rules";
import { can, type Decision, purposeOf } from "../../core/access/access.rules";
import type { Permission } from "../../core/access/permissions";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError } from "../../core/platform/errors";
import { loadParticipantFacts } from "../access/access.service";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";

/**
 * Authorization by construction. Every API route declares `config.access`; a route without one
 * stops the app from starting. The guard runs before the body is validated, so an unauthorised
 * caller learns nothing from validation errors, and every denial is audited.
 *
 * - public: anyone (sign-in, password reset, invitation links, health).
 * - signed-in: any signed-in person (staff perhaps needing a permission); the service scopes what
 *   they see (e.g. the participant list).
 * - permission: a staff permission from the role × permission table.
 * - any-permission: any one of several staff permissions (e.g. a program setting that the forms of
 *   more than one role read).
 * - participant: a permission on one participant (`:id`), decided by `can()` with site, care team,
 *   break-the-glass, self and family consent.
 * - break-glass: staff at the participant's site who hold break_glass.use.
 */
export type RouteAccess =
  | { kind: "public" }
  | {
      kind: "signed-in";
      anyStage?: boolean /** Staff must also hold this permission. */;
      staffPermission?: Permission;
    }
  | { kind: "permission"; permission: Permission }
  | { kind: "any-permission"; permissions: readonly [Permission, ...Permission[]] }
  | { kind: "participant"; permission: Permission }
  | { kind: "break-glass" };

/** Routes that read participant data name their audit action; GET routes are audited by the guard. */
export interface RouteAudit {
  action: string;
  resourceType: string;
  /** Why, when not decided by a participant rule (e.g. "operations" for the user list). */
  purpose?: AuditPurpose;
}

export interface ParticipantAccess {
  participantId: string;
  purpose: AuditPurpose;
  facts: ParticipantFacts;
}

/** One API route and its declared rule, as registered (the authorization matrix test walks these). */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  audit: RouteAudit | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route with its access rule, in registration order. */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    audit?: RouteAudit;
  }
  interface FastifyRequest {
    /** Set by the guard on participant routes: which participant, and under which purpose. */
    participantAccess: ParticipantAccess | undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function auditContextOf(request: FastifyRequest): AuditContext {
  return {
    actorUserId: request.actor?.user.id ?? null,
    actorKind: request.actor?.user.kind ?? null,
    requestId: request.id,
    ipAddress: request.ip,
    userAgent: request.headers["user-agent"] ?? null,
  };
}

/** Routes outside the API, or the API's own documentation, need no declaration. */
function isExempt(url: string, hidden: boolean): boolean {
  return !url.startsWith("/api/") || url.startsWith("/api/docs") || hidden;
}

export function registerRouteAccess(app: FastifyInstance, deps: { db: Database; now: () => Date }): void {
  const { db, now } = deps;
  app.decorateRequest("participantAccess", undefined);
  const declared: DeclaredRoute[] = [];
  app.decorate("declaredRoutes", declared);

  app.addHook("onRoute", (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    if (isExempt(route.url, hidden)) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(
        `API route ${String(route.method)} ${route.url} declares no access rule (config.access).`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      declared.push({ method, url: route.url, access, audit: route.config?.audit });
    }
  });

  async function denied(
    request: FastifyRequest,
    permission: Permission,
    participantId: string | null,
    decision: Decision,
  ) {
    await recordAudit(
      db,
      auditContextOf(request),
      {
        action:
          request.routeOptions.config.audit?.action ?? `route:${request.method} ${request.routeOptions.url}`,
        resourceType: request.routeOptions.config.audit?.resourceType ?? "route",
        resourceId: participantId,
        participantId,
        purpose: purposeOf(permission),
        outcome: "denied",
        details: decision.allowed ? null : { reason: decision.reason },
      },
      now(),
    );
  }

  function activeActor(request: FastifyRequest, anyStage = false): Actor {
    const actor = request.actor;
    if (!actor) throw new DomainError("AUTH_REQUIRED");
    if (!anyStage && actor.stage !== "active") throw new DomainError("AUTH_MFA_PENDING");
    return actor;
  }

  app.addHook("preValidation", async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === "public") return;
    if (access.kind === "signed-in") {
      const actor = activeActor(request, access.anyStage);
      if (access.staffPermission && actor.user.kind === "staff") {
        const decision = can(actor.access, access.staffPermission, { type: "program" }, now());
        if (!decision.allowed) {
          await denied(request, access.staffPermission, null, decision);
          throw new DomainError("AUTH_FORBIDDEN");
        }
      }
    } else if (access.kind === "permission") {
      const actor = activeActor(request);
      const decision = can(actor.access, access.permission, { type: "program" }, now());
      if (!decision.allowed) {
        await denied(request, access.permission, null, decision);
        throw new DomainError("AUTH_FORBIDDEN");
      }
    } else if (access.kind === "any-permission") {
      const actor = activeActor(request);
      const at = now();
      const decisions = access.permissions.map((p) => can(actor.access, p, { type: "program" }, at));
      if (!decisions.some((d) => d.allowed)) {
        await denied(request, access.permissions[0], null, decisions[0]!);
        throw new DomainError("AUTH_FORBIDDEN");
      }
    } else {
      const actor = activeActor(request);
      const id = (request.params as Record<string, string | undefined>).id ?? "";
      const at = now();
      const facts = UUID.test(id) ? await loadParticipantFacts(db, actor.access, id, at) : undefined;
      if (!facts) throw new DomainError("NOT_FOUND", "No such participant.");
      const permission: Permission = access.kind === "break-glass" ? "break_glass.use" : access.permission;
      let decision = can(actor.access, permission, facts, at);
      if (access.kind === "break-glass") {
        // Emergency access is for staff outside the care team only; others open the record as usual.
        if (decision.allowed) {
          await denied(request, permission, facts.participantId, {
            allowed: false,
            reason: "not_needed",
            breakGlass: false,
          });
          throw new DomainError(
            "AUTH_FORBIDDEN",
            "You can already open this record; emergency access is not needed.",
          );
        }
        if (decision.reason === "not_care_team" && decision.breakGlass) {
          decision = { allowed: true, purpose: "break_the_glass" };
        }
      }
      if (!decision.allowed) {
        await denied(request, permission, facts.participantId, decision);
        if (decision.breakGlass) throw new DomainError("ACCESS_BREAK_GLASS_AVAILABLE");
        const sameSiteStaff = actor.user.kind === "staff" && actor.access.siteIds.includes(facts.siteId);
        if (sameSiteStaff) throw new DomainError("AUTH_FORBIDDEN");
        throw new DomainError("NOT_FOUND", "No such participant.");
      }
      request.participantAccess = { participantId: facts.participantId, purpose: decision.purpose, facts };
    }
  });

  // Reads of participant data are audited before the data is produced: no audit event, no data.
  app.addHook("preHandler", async (request) => {
    const audit = request.routeOptions.config.audit;
    if (!audit || (request.method !== "GET" && request.method !== "HEAD")) return;
    const pa = request.participantAccess;
    await recordAudit(
      db,
      auditContextOf(request),
      {
        action: audit.action,
        resourceType: audit.resourceType,
        resourceId: pa?.participantId ?? null,
        participantId: pa?.participantId ?? null,
        purpose:
          pa?.purpose ?? audit.purpose ?? (request.actor?.user.kind === "staff" ? "treatment" : "self"),
      },
      now(),
    );
  });
}

/** The guard's decision, for a handler on a participant route. */
export function participantAccessOf(request: FastifyRequest): ParticipantAccess {
  if (!request.participantAccess)
    throw new Error("participantAccessOf() used on a route without participant access");
  return request.participantAccess;
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError("AUTH_REQUIRED");
  return request.actor;
}
