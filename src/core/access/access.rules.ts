import type { AuditPurpose } from "../audit/audit.schema";
import type { UserKind } from "../identity/identity.schema";
import type { Permission } from "./permissions";

/**
 * The one authorization policy. Pure: the caller loads the actor's grants and the resource's
 * facts (site, care team, break-the-glass grant, consents) and passes the clock.
 */

/** How far a staff permission reaches: every participant of the actor's sites, or only their care team. */
export type GrantScope = "site" | "caseload";

export interface AccessActor {
  userId: string;
  kind: UserKind;
  /** Staff only: each permission held and its reach. */
  grants: Partial<Record<Permission, GrantScope>>;
  /** Staff only: the sites they work at. */
  siteIds: readonly string[];
  /** Participants only: their own participant record. */
  participantId: string | null;
}

export interface ParticipantFacts {
  type: "participant";
  participantId: string;
  siteId: string;
  /** Staff user ids on the participant's care team. */
  careTeam: readonly string[];
  /** When this actor's open break-the-glass grant for the participant ends, if any. */
  breakGlassUntil: Date | null;
}

export type Resource = { type: "program" } | { type: "site"; siteId: string } | ParticipantFacts;

export type DenyReason =
  | "not_staff"
  | "no_permission"
  | "other_site"
  | "not_care_team"
  | "not_self"
  | "no_consent"
  /** Break-the-glass asked for by someone who may open the record anyway. */
  | "not_needed";

export type Decision =
  | { allowed: true; purpose: AuditPurpose }
  | {
      allowed: false;
      reason: DenyReason /** Staff may open the record by breaking the glass. */;
      breakGlass: boolean;
    };

/** What a participant may do with their own record. */
export const SELF_PERMISSIONS: readonly Permission[] = [
  "participants.view",
  "clinical.view",
  "assessments.respond",
  "schedule.view",
  "access_log.view",
];

export function purposeOf(action: Permission): AuditPurpose {
  if (action.startsWith("billing.")) return "payment";
  if (
    action.startsWith("users.") ||
    action.startsWith("sites.") ||
    action.startsWith("roles.") ||
    action.startsWith("audit.") ||
    action.startsWith("settings.") ||
    action === "alerts.review_access" ||
    action === "access_log.view"
  ) {
    return "operations";
  }
  return "treatment";
}

const deny = (reason: DenyReason, breakGlass = false): Decision => ({ allowed: false, reason, breakGlass });

export function can(actor: AccessActor, action: Permission, resource: Resource, now: Date): Decision {
  if (resource.type === "participant") return canOnParticipant(actor, action, resource, now);
  if (actor.kind !== "staff") return deny("not_staff");
  if (!actor.grants[action]) return deny("no_permission");
  if (resource.type === "site" && !actor.siteIds.includes(resource.siteId)) return deny("other_site");
  return { allowed: true, purpose: purposeOf(action) };
}

function canOnParticipant(actor: AccessActor, action: Permission, p: ParticipantFacts, now: Date): Decision {
  if (actor.kind === "participant") {
    if (actor.participantId !== p.participantId) return deny("not_self");
    return SELF_PERMISSIONS.includes(action) ? { allowed: true, purpose: "self" } : deny("no_permission");
  }
  // Family members never reach the record through its routes: what they may see is disclosed by the
  // family portal, one logged disclosure per view, under the participant's 42 CFR Part 2 consent
  // (server/disclosures/disclose.ts).
  if (actor.kind === "family") return deny("no_consent");
  const scope = actor.grants[action];
  if (!scope) return deny("no_permission");
  if (!actor.siteIds.includes(p.siteId)) return deny("other_site");
  if (scope === "site" || p.careTeam.includes(actor.userId)) {
    return { allowed: true, purpose: purposeOf(action) };
  }
  if (p.breakGlassUntil && p.breakGlassUntil.getTime() > now.getTime()) {
    return { allowed: true, purpose: "break_the_glass" };
  }
  return deny("not_care_team", actor.grants["break_glass.use"] !== undefined);
}

/**
 * A staff member's grants from their roles. A permission reaches the whole site when any of their
 * roles grants it site-wide; caseload-scoped roles reach only the care team unless the program's
 * `counselorScope` setting is "site".
 */
export function deriveGrants(
  roles: readonly { permissions: readonly Permission[]; caseloadScoped: boolean }[],
  counselorScope: "care_team" | "site",
): Partial<Record<Permission, GrantScope>> {
  const grants: Partial<Record<Permission, GrantScope>> = {};
  for (const role of roles) {
    const scope: GrantScope = role.caseloadScoped && counselorScope === "care_team" ? "caseload" : "site";
    for (const permission of role.permissions) {
      if (grants[permission] !== "site") grants[permission] = scope;
    }
  }
  return grants;
}

export const COUNSELOR_SCOPES = ["care_team", "site"] as const;
export type CounselorScope = (typeof COUNSELOR_SCOPES)[number];
