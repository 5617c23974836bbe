import { offTrackSettingsSchema, reliableChangeOverrideSchema } from "../../core/assessments/reliable-change";
import {
  DEFAULT_RELIABLE_CHANGE_SETTINGS,
  type ReliableChangeSettings,
} from "../../core/assessments/reliable-change-settings.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/** Stored as app_settings rows (JSON), one per field, so each falls back to its default alone. */
const NAMES = {
  overrides: "assessments_reliable_change_overrides",
  offTrack: "assessments_off_track",
} as const satisfies Record<keyof ReliableChangeSettings, string>;

function parsed(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The program's reliable-change settings. An instrument's override that no longer validates is left
 * out (its defaults apply) rather than losing the others.
 */
export async function readReliableChangeSettings(q: Queryable): Promise<ReliableChangeSettings> {
  const stored = await readSettings(q, Object.values(NAMES));
  const rawOverrides = parsed(stored.get(NAMES.overrides));
  const overrides: ReliableChangeSettings["overrides"] = {};
  if (rawOverrides && typeof rawOverrides === "object" && !Array.isArray(rawOverrides)) {
    for (const [key, value] of Object.entries(rawOverrides)) {
      const one = reliableChangeOverrideSchema.safeParse(value);
      if (one.success) overrides[key] = one.data;
    }
  }
  const offTrack = offTrackSettingsSchema.safeParse(parsed(stored.get(NAMES.offTrack)));
  return {
    overrides,
    offTrack: offTrack.success ? offTrack.data : DEFAULT_RELIABLE_CHANGE_SETTINGS.offTrack,
  };
}

export async function writeReliableChangeSettings(
  q: Queryable,
  settings: ReliableChangeSettings,
  at: Date,
): Promise<void> {
  await writeSetting(q, NAMES.overrides, JSON.stringify(settings.overrides), at);
  await writeSetting(q, NAMES.offTrack, JSON.stringify(settings.offTrack), at);
}
