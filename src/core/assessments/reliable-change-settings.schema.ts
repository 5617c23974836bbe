import { z } from "zod";
import {
  DEFAULT_OFF_TRACK_SETTINGS,
  type OffTrackSettings,
  offTrackSettingsSchema,
  type ReliableChangeOverride,
  type ResolvedParameters,
  reliableChangeOverrideSchema,
  reliableChangeParametersSchema,
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

/** Known values of an instrument's parameters, any of them absent: a default's partial set, or an override. */
export const reliableChangeValuesSchema = reliableChangeParametersSchema
  .omit({ instrumentKey: true })
  .partial();

/** `minimumReliableChange`: the raw change needed for a reliable change, and how it was reached. */
export const minimumReliableChangeSchema = z.object({
  threshold: z.number(),
  points: z.number(),
  standardError: z.number(),
  sDiff: z.number(),
});

/** An instrument's shipped default: a complete set with the change it yields, or why there is none. */
export const reliableChangeDefaultViewSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("available"),
    parameters: reliableChangeParametersSchema,
    minimum: minimumReliableChangeSchema,
  }),
  z.object({ status: z.literal("not_applicable"), reason: z.string(), known: reliableChangeValuesSchema }),
]);
export type ReliableChangeDefaultView = z.infer<typeof reliableChangeDefaultViewSchema>;

/** What the program's settings resolve to for an instrument: the parameters used, or what is missing. */
export const resolvedReliableChangeViewSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("available"),
    parameters: reliableChangeParametersSchema,
    minimum: minimumReliableChangeSchema,
  }),
  z.object({ status: z.literal("not_applicable"), reason: z.string(), missing: z.array(z.string()) }),
]);
export type ResolvedReliableChangeView = z.infer<typeof resolvedReliableChangeViewSchema>;

/** One questionnaire of the program: its default, the program's override (null: none) and the result. */
export const reliableChangeInstrumentSettingsSchema = z.object({
  key: z.string(),
  title: z.string(),
  titleEs: z.string(),
  default: reliableChangeDefaultViewSchema,
  override: reliableChangeValuesSchema.nullable(),
  resolved: resolvedReliableChangeViewSchema,
});
export type ReliableChangeInstrumentSettings = z.infer<typeof reliableChangeInstrumentSettingsSchema>;

/** `GET /assessments/reliable-change`: every questionnaire of the program, and the off-track rule. */
export const reliableChangeSettingsViewSchema = z.object({
  instruments: z.array(reliableChangeInstrumentSettingsSchema),
  offTrack: offTrackSettingsSchema,
  offTrackDefault: offTrackSettingsSchema,
});
export type ReliableChangeSettingsView = z.infer<typeof reliableChangeSettingsViewSchema>;
