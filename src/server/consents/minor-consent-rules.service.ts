import { can } from "../../core/access/access.rules";
import type { MinorConsentRule } from "../../core/consents/consent.schema";
import type { MinorConsentRuleView } from "../../core/consents/consent-api.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { ruleOf } from "./consents.service";
import { findNewestRule, insertRule } from "./minor-consent-rules.sql";

/**
 * Each site's rule for minors (§2.14 defers to state law; there is no national default): read by any
 * staff member of the site (drafting shows who must sign), set by administrators on counsel's advice.
 * Every change is a new row; the newest is in force for consents drafted from then on.
 */
export function createMinorConsentRulesService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  async function view(siteId: string): Promise<MinorConsentRuleView> {
    const row = await findNewestRule(db, siteId);
    const rule = ruleOf(row);
    return {
      rule:
        row && rule
          ? {
              ...rule,
              updatedAt: (row.updated_at instanceof Date
                ? row.updated_at
                : new Date(row.updated_at)
              ).toISOString(),
              updatedByName: row.updated_by_name,
            }
          : null,
    };
  }

  return {
    async getRule(actor: Actor, siteId: string): Promise<MinorConsentRuleView> {
      if (actor.user.kind !== "staff" || !actor.access.siteIds.includes(siteId))
        throw new DomainError("NOT_FOUND", "No such site.");
      return view(siteId);
    },

    async putRule(
      actor: Actor,
      siteId: string,
      rule: MinorConsentRule,
      context: AuditContext,
    ): Promise<MinorConsentRuleView> {
      const at = now();
      if (!can(actor.access, "settings.manage", { type: "site", siteId }, at).allowed)
        throw new DomainError("NOT_FOUND", "No such site.");
      if (rule.minorMayConsentFrom !== null && rule.minorMayConsentFrom > rule.ageOfMajority)
        throw new DomainError(
          "VALIDATION_FAILED",
          "The age from which a minor may consent alone must not be above the age of majority.",
          "minorMayConsentFrom",
        );
      await db.transaction(async (tx) => {
        await insertRule(tx, { siteId, rule, updatedBy: actor.user.id, at });
        await appendAudit(
          tx,
          context,
          {
            action: "settings.minor_consent_rule",
            resourceType: "minor_consent_rule",
            resourceId: siteId,
            purpose: "operations",
            details: { ...rule },
          },
          at,
        );
      });
      return view(siteId);
    },
  };
}

export type MinorConsentRulesService = ReturnType<typeof createMinorConsentRulesService>;
