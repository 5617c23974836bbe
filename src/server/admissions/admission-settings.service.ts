import type { AdmissionSettings } from "../../core/admissions/admission-settings.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { readAdmissionSettings, writeAdmissionSettings } from "./admission-settings.repo";

/** Levels of care offered and the inquiry response time: read by the forms, changed by administrators. */
export function createAdmissionSettingsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    settings: () => readAdmissionSettings(db),

    async updateSettings(settings: AdmissionSettings, context: AuditContext): Promise<AdmissionSettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await writeAdmissionSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.admissions_update",
            resourceType: "settings",
            purpose: "operations",
            details: {
              offeredLevels: settings.offeredLevels.join(" "),
              inquiryResponseHours: settings.inquiryResponseHours,
            },
          },
          at,
        );
      });
      return readAdmissionSettings(db);
    },
  };
}
export type AdmissionSettingsService = ReturnType<typeof createAdmissionSettingsService>;
