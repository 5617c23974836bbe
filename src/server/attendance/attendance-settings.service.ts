import type { AttendanceSettings } from "../../core/attendance/attendance-settings.schema";
import { AGE_GROUPS } from "../../core/attendance/program-hours.schema";
import { type AuditContext, appendAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import { readAttendanceSettings, writeAttendanceSettings } from "./attendance-settings.repo";

/** The audit details: every figure by name (no participant data in them). */
function auditDetails(settings: AttendanceSettings): Record<string, number | boolean> {
  const details: Record<string, number | boolean> = {};
  for (const group of AGE_GROUPS)
    for (const [field, value] of Object.entries(settings.programHours[group]))
      details[`${group}.${field}`] = value;
  for (const [field, value] of Object.entries(settings.absences)) details[`absences.${field}`] = value;
  return details;
}

/**
 * The program's weekly hours per age group and its absence alerts: read by weekly hours, the alert
 * sweep and the settings page; changed by administrators (audited, in the write's transaction).
 */
export function createAttendanceSettingsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  return {
    settings: () => readAttendanceSettings(db),

    async updateSettings(settings: AttendanceSettings, context: AuditContext): Promise<AttendanceSettings> {
      const at = now();
      await db.transaction(async (tx) => {
        await writeAttendanceSettings(tx, settings, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.attendance_update",
            resourceType: "settings",
            purpose: "operations",
            details: auditDetails(settings),
          },
          at,
        );
      });
      return readAttendanceSettings(db);
    },
  };
}
export type AttendanceSettingsService = ReturnType<typeof createAttendanceSettingsService>;
