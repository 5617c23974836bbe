import {
  type CheckInSettings,
  checkInSettingsSchema,
  DEFAULT_CHECK_IN_SETTINGS,
} from "../../core/check-ins/check-in.schema";
import { flatSettings } from "../access/flat-settings";
import type { Queryable } from "../db/connection";

/** The program's check-in settings: app_settings rows `check_in_<field>` (e.g. `check_in_missing_days`), each falling back alone. */
const stored = flatSettings("check_in", checkInSettingsSchema, DEFAULT_CHECK_IN_SETTINGS);

export function readCheckInSettings(q: Queryable): Promise<CheckInSettings> {
  return stored.read(q);
}

export function writeCheckInSettings(q: Queryable, settings: CheckInSettings, at: Date): Promise<void> {
  return stored.write(q, settings, at);
}
