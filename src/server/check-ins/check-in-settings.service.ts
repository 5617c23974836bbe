import type { CheckInSettings } from "../../core/check-ins/check-in.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { readCheckInSettings, writeCheckInSettings } from "./check-in-settings.repo";

/**
 * The program's check-in settings (the craving and mood thresholds, the days before a missing
 * check-in is raised, how old a queued check-in may be): read by the check-in rules and the chart;
 * changed by administrators, audited in the write's transaction.
 */
export function createCheckInSettingsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    settings: () => readCheckInSettings(db),

    async updateSettings(settings: CheckInSettings, context: AuditContext): Promise<CheckInSettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await writeCheckInSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.check_ins_update",
            resourceType: "settings",
            purpose: "operations",
            details: { ...settings },
          },
          at,
        );
      });
      return readCheckInSettings(db);
    },
  };
}
export type CheckInSettingsService = ReturnType<typeof createCheckInSettingsService>;
