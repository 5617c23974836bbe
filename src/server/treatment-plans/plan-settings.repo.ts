import {
  DEFAULT_PLAN_SETTINGS,
  type PlanSettings,
  planSettingsSchema,
} from "../../core/treatment-plans/plan-settings.schema";
import { flatSettings } from "../access/flat-settings";
import type { Queryable } from "../db/connection";

/** The program's treatment-plan settings: app_settings rows `treatment_plan_<field>`, each falling back alone. */
const stored = flatSettings("treatment_plan", planSettingsSchema, DEFAULT_PLAN_SETTINGS);

export function readPlanSettings(q: Queryable): Promise<PlanSettings> {
  return stored.read(q);
}

export function writePlanSettings(q: Queryable, settings: PlanSettings, at: Date): Promise<void> {
  return stored.write(q, settings, at);
}
