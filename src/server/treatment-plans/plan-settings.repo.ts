import {
  DEFAULT_PLAN_SETTINGS,
  type PlanSettings,
  planSettingsSchema,
} from "../../core/treatment-plans/plan-settings.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/**
 * The program's treatment-plan settings, one app_settings row per field (e.g.
 * `treatment_plan_review_cycle_days`), so a field never saved — or saved by an older version and no
 * longer valid — reads as its default alone.
 */

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const FIELDS = Object.keys(planSettingsSchema.shape) as (keyof PlanSettings)[];
const settingName = (field: string) => `treatment_plan_${snake(field)}`;
const ALL_NAMES = FIELDS.map(settingName);

function parsed(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export async function readPlanSettings(q: Queryable): Promise<PlanSettings> {
  const stored = await readSettings(q, ALL_NAMES);
  const settings = {} as Record<string, unknown>;
  for (const field of FIELDS) {
    const result = planSettingsSchema.shape[field].safeParse(parsed(stored.get(settingName(field))));
    settings[field] = result.success ? result.data : DEFAULT_PLAN_SETTINGS[field];
  }
  return settings as PlanSettings;
}

export async function writePlanSettings(q: Queryable, settings: PlanSettings, at: Date): Promise<void> {
  for (const field of FIELDS) {
    await writeSetting(q, settingName(field), JSON.stringify(settings[field]), at);
  }
}
