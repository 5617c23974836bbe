import {
  type AccessActor,
  type CounselorScope,
  deriveGrants,
  type ParticipantFacts,
} from "../../core/access/access.rules";
import type { Permission } from "../../core/access/permissions";
import type { SessionUser } from "../../core/identity/identity.schema";
import type { Queryable } from "../db/connection";
import * as access from "./access.sql";

export interface SecurityPolicy {
  roles: Map<string, { caseloadScoped: boolean; permissions: Permission[] }>;
  counselorScope: CounselorScope;
  staffMfaRequired: boolean;
}

const POLICY_TTL_MS = 15_000;

/**
 * The role × permission table and the security settings, cached for a few seconds (every request
 * needs them; several processes may share one database, so the cache expires rather than being
 * invalidated only locally).
 */
export function createPolicyStore(db: Queryable) {
  let cached: { at: number; policy: SecurityPolicy } | undefined;
  return {
    async get(): Promise<SecurityPolicy> {
      if (cached && Date.now() - cached.at < POLICY_TTL_MS) return cached.policy;
      const [rows, settings] = await Promise.all([
        access.listRolesWithPermissions(db),
        access.readSettings(db, ["counselor_scope", "staff_mfa_required"]),
      ]);
      const policy: SecurityPolicy = {
        roles: new Map(
          rows.map((r) => [r.key, { caseloadScoped: r.caseloadScoped, permissions: r.permissions }]),
        ),
        counselorScope: settings.get("counselor_scope") === "site" ? "site" : "care_team",
        staffMfaRequired: settings.get("staff_mfa_required") !== "false",
      };
      cached = { at: Date.now(), policy };
      return policy;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
export type PolicyStore = ReturnType<typeof createPolicyStore>;

export function buildAccessActor(
  user: SessionUser & { siteIds: string[] },
  policy: SecurityPolicy,
): AccessActor {
  const roles = user.kind === "staff" ? user.roles.flatMap((r) => policy.roles.get(r) ?? []) : [];
  return {
    userId: user.id,
    kind: user.kind,
    grants: deriveGrants(roles, policy.counselorScope),
    siteIds: user.kind === "staff" ? user.siteIds : [],
    participantId: user.participantId,
  };
}

/** The participant as the policy sees it from this actor's side, or undefined when there is none. */
export async function loadParticipantFacts(
  q: Queryable,
  actor: AccessActor,
  participantId: string,
  now: Date,
): Promise<ParticipantFacts | undefined> {
  const row = await access.findParticipantFacts(q, participantId, actor.userId, now);
  if (!row) return undefined;
  return {
    type: "participant",
    participantId: row.id,
    siteId: row.site_id,
    careTeam: row.care_team,
    breakGlassUntil: row.break_glass_until ? new Date(row.break_glass_until) : null,
  };
}
