import { can } from "../../core/access/access.rules";
import type { Permission } from "../../core/access/permissions";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError } from "../../core/platform/errors";
import { loadParticipantFacts } from "../access/access.service";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import * as userStore from "../identity/users.sql";
import * as store from "./plans.sql";

/**
 * Who may act on a plan: routes under /treatment-plans/:planId carry no participant id, so the
 * decision is taken here on the plan's participant by the one policy (`can`), and a refusal is
 * audited and answered as the route guard would.
 */

/**
 * Refusals answer as the route guard would: forbidden for staff of the participant's site, else not
 * found. Other domains acting on a participant's record (notes) pass their resource type and wording.
 */
export async function authorizeOnParticipant(
  db: Database,
  actor: Actor,
  participantId: string,
  permission: Permission,
  denial: { action: string; context: AuditContext },
  at: Date,
  resource: { type: string; notFound: string } = {
    type: "treatment_plan",
    notFound: "No such treatment plan.",
  },
): Promise<AuditPurpose> {
  const facts = await loadParticipantFacts(db, actor.access, participantId, at);
  if (!facts) throw new DomainError("NOT_FOUND", resource.notFound);
  const decision = can(actor.access, permission, facts, at);
  if (decision.allowed) return decision.purpose;
  await recordAudit(
    db,
    denial.context,
    {
      action: denial.action,
      resourceType: resource.type,
      participantId,
      purpose: actor.user.kind === "staff" ? "treatment" : "self",
      outcome: "denied",
      details: { reason: decision.reason },
    },
    at,
  );
  if (decision.breakGlass) throw new DomainError("ACCESS_BREAK_GLASS_AVAILABLE");
  if (actor.user.kind === "staff" && actor.access.siteIds.includes(facts.siteId)) {
    throw new DomainError("AUTH_FORBIDDEN");
  }
  throw new DomainError("NOT_FOUND", resource.notFound);
}

/** The chart's plan routes are for staff: a participant reads their plan in their own area (never a draft). */
export function assertStaff(actor: Actor): void {
  if (actor.user.kind !== "staff") {
    throw new DomainError("AUTH_FORBIDDEN", "Your treatment plan is in your own area, under My plan.");
  }
}

/** A plan the actor may act on with `permission`, and the purpose the access is audited under. */
export async function planForActor(
  db: Database,
  actor: Actor,
  planId: string,
  permission: Permission,
  denial: { action: string; context: AuditContext },
  at: Date,
): Promise<{ plan: store.PlanRow; purpose: AuditPurpose }> {
  assertStaff(actor);
  const plan = await store.findPlanById(db, planId);
  if (!plan) throw new DomainError("NOT_FOUND", "No such treatment plan.");
  const purpose = await authorizeOnParticipant(db, actor, plan.participantId, permission, denial, at);
  return { plan, purpose };
}

/**
 * Whether a staff member is marked as a supervisee whose clinical documents need a co-signature, read
 * fresh (an administrator's change applies to the very next signature).
 */
export async function requiresCosignature(db: Database, userId: string): Promise<boolean> {
  return (await userStore.findById(db, userId))?.requiresCosign ?? false;
}
