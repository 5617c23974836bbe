import { z } from "zod";
import {
  DEFAULT_OFF_TRACK_SETTINGS,
  type OffTrackSettings,
  offTrackSettingsSchema,
  type ReliableChangeOverride,
  type ResolvedParameters,
  reliableChangeOverrideSchema,
  resolveParameters,
} from "./reliable-change";

/**
 * The program's reliable-change settings: per instrument, the values it sets over the defaults
 * (reliability, SD, cut-off, each with its source), and when a participant counts as off track.
 */
export const reliableChangeSettingsSchema = z.object({
  overrides: z.record(z.string().trim().min(1).max(40), reliableChangeOverrideSchema),
  offTrack: offTrackSettingsSchema,
});
export type ReliableChangeSettings = z.infer<typeof reliableChangeSettingsSchema>;

export const DEFAULT_RELIABLE_CHANGE_SETTINGS: ReliableChangeSettings = {
  overrides: {},
  offTrack: DEFAULT_OFF_TRACK_SETTINGS,
};

/** The parameters for one instrument under the program's settings. */
export function parametersFor(
  settings: { overrides: Readonly<Record<string, ReliableChangeOverride>> },
  instrumentKey: string,
): ResolvedParameters {
  return resolveParameters(instrumentKey, settings.overrides);
}

export type { OffTrackSettings };
