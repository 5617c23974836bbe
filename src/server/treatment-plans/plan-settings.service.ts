import type { PlanSettings } from "../../core/treatment-plans/plan-settings.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { readPlanSettings, writePlanSettings } from "./plan-settings.repo";

/**
 * The program's treatment-plan settings (review cycle, warning window, early reviews, the first
 * plan's deadline, group scheduling before a signed plan): read by the plan pages, the worklist and
 * the alert sweep; changed by administrators (audited, in the write's transaction).
 */
export function createPlanSettingsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    settings: () => readPlanSettings(db),

    async updateSettings(settings: PlanSettings, context: AuditContext): Promise<PlanSettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await writePlanSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.treatment_plans_update",
            resourceType: "settings",
            purpose: "operations",
            details: { ...settings },
          },
          at,
        );
      });
      return readPlanSettings(db);
    },
  };
}
export type PlanSettingsService = ReturnType<typeof createPlanSettingsService>;
