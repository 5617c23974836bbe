import {
  type AlertSettings,
  DEFAULT_ALERT_SETTINGS,
  escalationMinutesSchema,
} from "../../core/alerts/alerts.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/** The program's alert settings, one app_settings row per field; a field never saved reads as its default. */
const NAMES: Record<keyof AlertSettings, string> = {
  emergencyEscalationMinutes: "alerts_emergency_escalation_minutes",
  urgentEscalationMinutes: "alerts_urgent_escalation_minutes",
};

function minutesOr(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const parsed = escalationMinutesSchema.safeParse(Number(raw));
  return parsed.success ? parsed.data : fallback;
}

export async function readAlertSettings(q: Queryable): Promise<AlertSettings> {
  const stored = await readSettings(q, Object.values(NAMES));
  return {
    emergencyEscalationMinutes: minutesOr(
      stored.get(NAMES.emergencyEscalationMinutes),
      DEFAULT_ALERT_SETTINGS.emergencyEscalationMinutes,
    ),
    urgentEscalationMinutes: minutesOr(
      stored.get(NAMES.urgentEscalationMinutes),
      DEFAULT_ALERT_SETTINGS.urgentEscalationMinutes,
    ),
  };
}

export async function writeAlertSettings(q: Queryable, settings: AlertSettings, at: Date): Promise<void> {
  await writeSetting(q, NAMES.emergencyEscalationMinutes, String(settings.emergencyEscalationMinutes), at);
  await writeSetting(q, NAMES.urgentEscalationMinutes, String(settings.urgentEscalationMinutes), at);
}
