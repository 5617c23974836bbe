import {
  DEFAULT_MEASUREMENT_SCHEDULE_SETTINGS,
  graceDaysSchema,
  type MeasurementScheduleSettings,
} from "../../core/assessments/measurement-schedule.schema";
import { measurementScheduleSchema } from "../../core/assessments/schedule.rules";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/** The program's measurement schedule, one app_settings row per field (JSON), so each falls back alone. */
const NAMES: Record<keyof MeasurementScheduleSettings, string> = {
  entries: "assessments_measurement_schedule",
  graceDays: "assessments_grace_days",
};

function parsed(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The stored schedule; a field never saved (or no longer readable) reads as its default. Entries
 * naming a questionnaire the program no longer has are left out rather than losing the rest.
 */
export async function readMeasurementSchedule(
  q: Queryable,
  knownInstrumentKeys: readonly string[],
): Promise<MeasurementScheduleSettings> {
  const stored = await readSettings(q, Object.values(NAMES));
  const entries = measurementScheduleSchema.safeParse(parsed(stored.get(NAMES.entries)));
  const graceDays = graceDaysSchema.safeParse(parsed(stored.get(NAMES.graceDays)));
  const known = new Set(knownInstrumentKeys);
  return {
    entries: entries.success
      ? entries.data.filter((e) => known.has(e.instrumentKey))
      : DEFAULT_MEASUREMENT_SCHEDULE_SETTINGS.entries.filter((e) => known.has(e.instrumentKey)),
    graceDays: graceDays.success ? graceDays.data : DEFAULT_MEASUREMENT_SCHEDULE_SETTINGS.graceDays,
  };
}

export async function writeMeasurementSchedule(
  q: Queryable,
  settings: MeasurementScheduleSettings,
  at: Date,
): Promise<void> {
  await writeSetting(q, NAMES.entries, JSON.stringify(settings.entries), at);
  await writeSetting(q, NAMES.graceDays, JSON.stringify(settings.graceDays), at);
}
