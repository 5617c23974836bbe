import { sql } from "drizzle-orm";
import type { MinorConsentRule } from "../../core/consents/consent.schema";
import { type Queryable, queryRows } from "../db/connection";
import { minorConsentRules } from "../db/schema";

/** Storage of each site's minor-consent rule (§2.14): every change a new row, the newest in force. */

export interface MinorConsentRuleRow {
  state_code: string;
  age_of_majority: number;
  minor_may_consent_from: number | null;
  parental_consent_required: boolean;
  notes: string;
  updated_at: Date | string;
  updated_by_name: string;
}

export async function findNewestRule(q: Queryable, siteId: string): Promise<MinorConsentRuleRow | undefined> {
  const rows = await queryRows<MinorConsentRuleRow>(
    q,
    sql`select r.state_code, r.age_of_majority, r.minor_may_consent_from, r.parental_consent_required, r.notes,
          r.updated_at, u.display_name as updated_by_name
        from minor_consent_rules r join users u on u.id = r.updated_by
        where r.site_id = ${siteId} order by r.updated_at desc, r.id desc limit 1`,
  );
  return rows[0];
}

export async function insertRule(
  q: Queryable,
  values: { siteId: string; rule: MinorConsentRule; updatedBy: string; at: Date },
): Promise<void> {
  await q.insert(minorConsentRules).values({
    siteId: values.siteId,
    stateCode: values.rule.stateCode,
    ageOfMajority: values.rule.ageOfMajority,
    minorMayConsentFrom: values.rule.minorMayConsentFrom,
    parentalConsentRequired: values.rule.parentalConsentRequired,
    notes: values.rule.notes,
    updatedBy: values.updatedBy,
    updatedAt: values.at,
  });
}
