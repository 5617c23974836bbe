import { z } from "zod";
import { CHANGE_STATUSES, OFF_TRACK_REASONS, offTrackSettingsSchema } from "./reliable-change";

/**
 * A participant's progress on the measures of one episode, as `GET /participants/:id/assessments/progress`
 * sends it (derived by measure-progress.rules.ts).
 */

const isoDate = z.iso.date();

export const measurePointSchema = z.object({
  responseId: z.uuid(),
  on: isoDate,
  score: z.number(),
  band: z.string().nullable(),
  critical: z.boolean(),
});
export type MeasurePoint = z.infer<typeof measurePointSchema>;

const sourcedValue = z.object({ value: z.number(), source: z.string(), verified: z.boolean() });

export const reliableChangeViewSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("not_applicable"), reason: z.string() }),
  z.object({
    status: z.literal("available"),
    /** Null until there is a second score on the compared scale. */
    classification: z
      .object({
        status: z.enum(CHANGE_STATUSES),
        baseline: z.number(),
        latest: z.number(),
        change: z.number(),
        rci: z.number(),
        crossedCutoff: z.boolean().nullable(),
      })
      .nullable(),
    offTrack: z.object({ flagged: z.boolean(), reason: z.enum(OFF_TRACK_REASONS).nullable() }),
    /** The smallest change that is reliable, in points on the compared scale. */
    minimumChange: z.number(),
    /** The total, or the subscale compared (WHO-5 compares its percentage). */
    subscale: z.string().nullable(),
    reliability: sourcedValue,
    sd: sourcedValue,
    cutoff: sourcedValue.nullable(),
  }),
]);
export type ReliableChangeView = z.infer<typeof reliableChangeViewSchema>;

export const measureProgressSchema = z.object({
  instrumentKey: z.string(),
  /** Scored administrations in the episode. */
  administrations: z.number().int(),
  /** Scored responses with a total, oldest first: what the chart draws. */
  points: z.array(measurePointSchema),
  /** The most recent scored response (a total, a band or both). */
  latest: z
    .object({
      responseId: z.uuid(),
      on: isoDate,
      total: z.number().nullable(),
      band: z.string().nullable(),
      /** Subscales (BAM, readiness rulers, WHO-5 percentage) and result flags (PCL-5, BAM). */
      subscales: z.record(z.string(), z.number()),
      flags: z.array(z.string()),
      critical: z.boolean(),
    })
    .nullable(),
  baseline: measurePointSchema.nullable(),
  /** Latest total minus the baseline total; null with fewer than two totals. */
  change: z.number().nullable(),
  reliableChange: reliableChangeViewSchema,
  /** Responses that could not be scored under the published missing-item rule. */
  notScored: z.number().int(),
});
export type MeasureProgress = z.infer<typeof measureProgressSchema>;

/** `GET /participants/:id/assessments/progress`. */
export const progressViewSchema = z.object({
  /** The latest episode; null when the participant has never been admitted. */
  episode: z.object({ id: z.uuid(), admittedOn: isoDate, dischargedOn: isoDate.nullable() }).nullable(),
  offTrack: offTrackSettingsSchema,
  measures: z.array(measureProgressSchema),
});
export type ProgressView = z.infer<typeof progressViewSchema>;

/** One key measure on the caseload: the latest total and band, and how it has moved. */
export const keyMeasureSchema = z.object({
  instrumentKey: z.string(),
  score: z.number(),
  band: z.string().nullable(),
  on: isoDate,
  /** Latest minus the episode's baseline; null with one score. */
  change: z.number().nullable(),
  /** Jacobson–Truax status; null with one score or where reliable change does not apply. */
  status: z.enum(CHANGE_STATUSES).nullable(),
  offTrack: z.boolean(),
});
export type KeyMeasure = z.infer<typeof keyMeasureSchema>;
