import { z } from "zod";
import type { Direction } from "./instrument";

/**
 * Jacobson & Truax reliable change and clinical significance (clinical reference §2.4), and the
 * off-track flag built on it. Pure: every number used comes in as a parameter, and every result
 * carries the parameters it was computed with, so a stored result can be recomputed and explained.
 *
 * The defaults below are only defaults. The reference recommends that a program take s₁ (the SD of
 * its own participants' baseline scores, see `computeBaselineSd`) and keep the reliability from the
 * table; program settings pass their values to `resolveParameters`.
 */

/** |RC| must be greater than this for a reliable change at p < .05 (two-tailed). §2.4. */
export const RELIABLE_CHANGE_Z = 1.96;

/** Differences smaller than this are floating-point noise: an RC that is 1.96 on paper is 1.96. */
const TOLERANCE = 1e-9;

const DIRECTIONS = ["lower_is_better", "higher_is_better"] as const satisfies readonly Direction[];

export const RELIABILITY_KINDS = ["test_retest", "alpha"] as const;
export type ReliabilityKind = (typeof RELIABILITY_KINDS)[number];

/** a, b, c: Jacobson & Truax cut-offs; caseness: an instrument's published case threshold used instead of c. */
export const CUTOFF_METHODS = ["a", "b", "c", "caseness"] as const;
export type CutoffMethod = (typeof CUTOFF_METHODS)[number];

export const CHANGE_STATUSES = ["recovered", "improved", "unchanged", "deteriorated"] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

const source = z.string().trim().min(1, "Name where this value comes from.").max(500);

/**
 * The clinical-significance cut-off. A score exactly at `value` counts as the clinical side (a case):
 * with lower_is_better, healthy means below it (PHQ-9 cut-off 10: 9 is healthy, 10 is a case); with
 * higher_is_better, healthy means above it (WHO-5 cut-off 50%: 52 is healthy, 48 is poor wellbeing).
 */
export const clinicalCutoffSchema = z.object({
  value: z.number().finite(),
  method: z.enum(CUTOFF_METHODS),
  source,
  verified: z.boolean(),
});
export type ClinicalCutoff = z.infer<typeof clinicalCutoffSchema>;

export const reliableChangeParametersSchema = z.object({
  instrumentKey: z.string().trim().min(1).max(40),
  direction: z.enum(DIRECTIONS),
  /** r_xx; below 1, or the standard error would be zero. */
  reliability: z.number().gt(0, "Enter a reliability above 0.").lt(1, "Enter a reliability below 1."),
  reliabilityKind: z.enum(RELIABILITY_KINDS),
  reliabilitySource: source,
  reliabilityVerified: z.boolean(),
  /** s₁: the SD of the clinical (pre-treatment) sample, in the units the score is stored in. */
  sd: z.number().finite().positive("Enter a standard deviation above 0."),
  sdSource: source,
  sdVerified: z.boolean(),
  /** The score compared: null for the instrument's total, else the name of a subscale (WHO-5 `percentage`). */
  subscale: z.string().trim().min(1).max(40).nullable(),
  /** The smallest step a score can move: 1 for sum scores, 4 for WHO-5 on its percentage scale. */
  scaleStep: z.number().finite().positive(),
  /** Null when no cut-off is known: then nobody is "recovered", only improved. */
  cutoff: clinicalCutoffSchema.nullable(),
});
export type ReliableChangeParameters = z.infer<typeof reliableChangeParametersSchema>;

/**
 * What a program may set for one instrument. A value and its source travel together: changing the
 * reliability or the SD needs its source, kind and verified mark too, so a default's mark is never
 * left on a program's number.
 */
export const reliableChangeOverrideSchema = reliableChangeParametersSchema
  .omit({ instrumentKey: true })
  .partial()
  .superRefine((o, ctx) => {
    if (o.reliability !== undefined) {
      for (const field of ["reliabilityKind", "reliabilitySource", "reliabilityVerified"] as const) {
        if (o[field] === undefined)
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: "Give this together with the reliability.",
          });
      }
    }
    if (o.sd !== undefined) {
      for (const field of ["sdSource", "sdVerified"] as const) {
        if (o[field] === undefined)
          ctx.addIssue({ code: "custom", path: [field], message: "Give this together with the SD." });
      }
    }
  });
export type ReliableChangeOverride = z.infer<typeof reliableChangeOverrideSchema>;

export type ReliableChangeDefault =
  | { status: "available"; parameters: ReliableChangeParameters }
  | { status: "not_applicable"; reason: string; known: ReliableChangeOverride };

const REF = "clinical.md";

/**
 * Defaults from the clinical reference §2.2/§2.4. Every value there that these rest on is marked
 * UNVERIFIED or SECONDARY, so every `verified` here is false. Where §2.2 gives no SD, the SD is
 * back-derived from the reliable-change threshold §2.2 reports, so that out of the box the threshold
 * is that convention; a program should replace it with the SD of its own baselines.
 */
export const RELIABLE_CHANGE_DEFAULTS: Readonly<Record<string, ReliableChangeDefault>> = {
  phq9: {
    status: "available",
    parameters: {
      instrumentKey: "phq9",
      direction: "lower_is_better",
      reliability: 0.84,
      reliabilityKind: "test_retest",
      reliabilitySource: `${REF} §2.2: PHQ-9 test–retest 0.84 (48 h, Kroenke 2001) [UNVERIFIED here]`,
      reliabilityVerified: false,
      sd: 5.0,
      sdSource: `${REF} §2.4 worked example: s₁ = 5.0 (illustrative SD) [UNVERIFIED]; with r = 0.84 it gives the 6-point threshold of the NHS Talking Therapies convention (§2.2)`,
      sdVerified: false,
      subscale: null,
      scaleStep: 1,
      cutoff: {
        value: 10,
        method: "caseness",
        source: `${REF} §2.4: caseness substitute for c, PHQ-9 < 10 is non-case [UNVERIFIED convention]`,
        verified: false,
      },
    },
  },
  gad7: {
    status: "available",
    parameters: {
      instrumentKey: "gad7",
      direction: "lower_is_better",
      reliability: 0.83,
      reliabilityKind: "test_retest",
      reliabilitySource: `${REF} §2.2: GAD-7 test–retest ICC 0.83 (Spitzer 2006) [SECONDARY]`,
      reliabilityVerified: false,
      sd: 3.06,
      sdSource: `Not in ${REF}. Back-derived from ${REF} §2.2's 4-point reliable-change convention (IAPT) [UNVERIFIED here] with r = 0.83: 1.96·S_diff = 3.50. Replace with the SD of your program's baseline scores`,
      sdVerified: false,
      subscale: null,
      scaleStep: 1,
      cutoff: {
        value: 8,
        method: "caseness",
        source: `${REF} §2.4: caseness substitute for c, GAD-7 < 8 (or < 10) is non-case [UNVERIFIED convention]`,
        verified: false,
      },
    },
  },
  pcl5: {
    status: "available",
    parameters: {
      instrumentKey: "pcl5",
      direction: "lower_is_better",
      reliability: 0.82,
      reliabilityKind: "test_retest",
      reliabilitySource: `${REF} §2.2: PCL-5 test–retest r ≈ 0.82 [UNVERIFIED value]`,
      reliabilityVerified: false,
      sd: 3.83,
      sdSource: `Not in ${REF}. Back-derived from ${REF} §2.2's 5-point reliable response [SECONDARY] with r = 0.82: 1.96·S_diff = 4.50. Far below a plausible clinical SD on a 0–80 scale; replace with the SD of your program's baseline scores`,
      sdVerified: false,
      subscale: null,
      scaleStep: 1,
      cutoff: {
        value: 31,
        method: "caseness",
        source: `${REF} §2.4: caseness substitute for c, PCL-5 < 31 is non-case (provisional PTSD 31–33, §2.1) [UNVERIFIED convention]`,
        verified: false,
      },
    },
  },
  who5: {
    status: "not_applicable",
    reason:
      "The clinical reference §2.2 gives WHO-5 no reliability, no SD and no reliable-change threshold, only a 10-point meaningful change (an MCID, [SECONDARY]). Enter a reliability and an SD (on the 0–100 percentage scale) in program settings.",
    known: {
      direction: "higher_is_better",
      subscale: "percentage",
      scaleStep: 4,
      cutoff: {
        value: 50,
        method: "caseness",
        source: `${REF} §2.1: raw < 13 (< 52%, often quoted as ≤ 50%) is poor wellbeing [UNVERIFIED]`,
        verified: false,
      },
    },
  },
  audit: {
    status: "not_applicable",
    reason:
      "AUDIT is a screen, not an outcome measure (clinical reference §2.2): its items cover the past year and it has no reliable-change threshold.",
    known: { direction: "lower_is_better", subscale: null, scaleStep: 1 },
  },
  dast10: {
    status: "not_applicable",
    reason:
      "DAST-10 is a screen covering the past 12 months; the clinical reference §2.2 gives no reliable-change threshold or SD.",
    known: { direction: "lower_is_better", subscale: null, scaleStep: 1 },
  },
  phqa: {
    status: "not_applicable",
    reason:
      "The clinical reference §2.2 gives no reliability, SD or reliable-change threshold for the PHQ-A (adolescents); PHQ-9 values are for adults.",
    known: { direction: "lower_is_better", subscale: null, scaleStep: 1 },
  },
  bam: {
    status: "not_applicable",
    reason:
      "BAM has no validated total (subscales only) and the clinical reference §2.2 gives no test–retest values or SDs for it.",
    known: {},
  },
};

export type ResolvedParameters =
  | { status: "available"; parameters: ReliableChangeParameters }
  | { status: "not_applicable"; instrumentKey: string; reason: string; missing: string[] };

/**
 * The parameters to use for an instrument: the program's override laid over the default. Without a
 * complete set (no default, or a partial one the program has not completed) the answer is
 * `not_applicable`, naming the fields still missing.
 */
export function resolveParameters(
  instrumentKey: string,
  overrides: Readonly<Record<string, ReliableChangeOverride>> = {},
  defaults: Readonly<Record<string, ReliableChangeDefault>> = RELIABLE_CHANGE_DEFAULTS,
): ResolvedParameters {
  const fallback = defaults[instrumentKey];
  const base = fallback?.status === "available" ? fallback.parameters : (fallback?.known ?? {});
  const override = Object.entries(overrides[instrumentKey] ?? {}).filter(([, v]) => v !== undefined);
  const parsed = reliableChangeParametersSchema.safeParse({
    ...base,
    ...Object.fromEntries(override),
    instrumentKey,
  });
  if (parsed.success) return { status: "available", parameters: parsed.data };
  return {
    status: "not_applicable",
    instrumentKey,
    reason:
      fallback?.status === "not_applicable"
        ? fallback.reason
        : fallback
          ? "The program's reliable-change values for this instrument are incomplete or out of range."
          : "There are no reliable-change parameters for this instrument.",
    missing: [...new Set(parsed.error.issues.map((i) => i.path.join(".")))],
  };
}

/** SE = s₁ · √(1 − r_xx). */
export function standardError(sd: number, reliability: number): number {
  if (!(sd > 0) || !(reliability > 0 && reliability < 1))
    throw new RangeError("standardError needs sd > 0 and 0 < reliability < 1");
  return sd * Math.sqrt(1 - reliability);
}

/** S_diff = √(2 · SE²). */
export function sDiff(standardErrorOfMeasurement: number): number {
  return Math.sqrt(2 * standardErrorOfMeasurement ** 2);
}

function sDiffOf(params: Pick<ReliableChangeParameters, "sd" | "reliability">): number {
  return sDiff(standardError(params.sd, params.reliability));
}

/** RC = (post − pre) / S_diff. Signed: a fall in score is negative, whichever direction is better. */
export function reliableChangeIndex(
  pre: number,
  post: number,
  params: Pick<ReliableChangeParameters, "sd" | "reliability">,
): number {
  return (post - pre) / sDiffOf(params);
}

/** |RC| > 1.96 (strictly; an RC of exactly 1.96 is not reliable). */
export function isReliable(rci: number): boolean {
  return Math.abs(rci) - RELIABLE_CHANGE_Z > TOLERANCE;
}

export interface MinimumReliableChange {
  /** 1.96 · S_diff, in score units. */
  threshold: number;
  /** The smallest change the scale can show that is reliable: the first multiple of scaleStep above `threshold`. */
  points: number;
  standardError: number;
  sDiff: number;
}

/** The raw change needed for a reliable change. PHQ-9 with s₁ = 5.0, r = 0.84: 5.54, so 6 points. */
export function minimumReliableChange(
  params: Pick<ReliableChangeParameters, "sd" | "reliability" | "scaleStep">,
): MinimumReliableChange {
  const se = standardError(params.sd, params.reliability);
  const sd = sDiff(se);
  const threshold = RELIABLE_CHANGE_Z * sd;
  const steps = Math.floor((threshold + TOLERANCE) / params.scaleStep) + 1;
  return { threshold, points: steps * params.scaleStep, standardError: se, sDiff: sd };
}

export interface SampleSummary {
  mean: number;
  sd: number;
}

/** a = M₁ ∓ 2·s₁: two SDs beyond the clinical mean, towards health. */
export function cutoffA(clinical: SampleSummary, direction: Direction): number {
  return direction === "lower_is_better" ? clinical.mean - 2 * clinical.sd : clinical.mean + 2 * clinical.sd;
}

/** b = M₀ ± 2·s₀: two SDs from the functional (normative) mean, towards illness. */
export function cutoffB(functional: SampleSummary, direction: Direction): number {
  return direction === "lower_is_better"
    ? functional.mean + 2 * functional.sd
    : functional.mean - 2 * functional.sd;
}

/** c = (s₀·M₁ + s₁·M₀) / (s₀ + s₁): preferred when normative data exist. Direction-free. */
export function cutoffC(functional: SampleSummary, clinical: SampleSummary): number {
  return (functional.sd * clinical.mean + clinical.sd * functional.mean) / (functional.sd + clinical.sd);
}

/** The sample SD (n − 1) of a program's baseline scores, for s₁; null with fewer than two. */
export function computeBaselineSd(scores: readonly number[]): number | null {
  if (scores.length < 2) return null;
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const squares = scores.reduce((s, x) => s + (x - mean) ** 2, 0);
  return Math.sqrt(squares / (scores.length - 1));
}

/** Whether a score is on the healthy side of the cut-off (a score at the cut-off is not). */
export function isOnHealthySide(score: number, direction: Direction, cutoff: ClinicalCutoff): boolean {
  return direction === "lower_is_better" ? score < cutoff.value : score > cutoff.value;
}

export interface ChangeClassification {
  status: ChangeStatus;
  baseline: number;
  latest: number;
  /** latest − baseline. */
  change: number;
  rci: number;
  reliable: boolean;
  /** Baseline on the clinical side and latest on the healthy side; null without a cut-off. */
  crossedCutoff: boolean | null;
  minimum: MinimumReliableChange;
  parameters: ReliableChangeParameters;
}

/**
 * Jacobson & Truax classification of one participant: recovered (reliable improvement and crossed
 * the cut-off from the clinical to the healthy side), improved (reliable improvement only),
 * deteriorated (reliable worsening), otherwise unchanged.
 */
export function classifyChange(
  baseline: number,
  latest: number,
  params: ReliableChangeParameters,
): ChangeClassification {
  const rci = reliableChangeIndex(baseline, latest, params);
  const reliable = isReliable(rci);
  const better = params.direction === "lower_is_better" ? rci < 0 : rci > 0;
  const crossedCutoff =
    params.cutoff === null
      ? null
      : !isOnHealthySide(baseline, params.direction, params.cutoff) &&
        isOnHealthySide(latest, params.direction, params.cutoff);
  const status: ChangeStatus = !reliable
    ? "unchanged"
    : !better
      ? "deteriorated"
      : crossedCutoff
        ? "recovered"
        : "improved";
  return {
    status,
    baseline,
    latest,
    change: latest - baseline,
    rci,
    reliable,
    crossedCutoff,
    minimum: minimumReliableChange(params),
    parameters: params,
  };
}

/**
 * When to flag a participant as off track. `noImprovementAfter`: with this many administrations
 * (the baseline counted) and still no reliable improvement, flag. A program setting; the default 4
 * has no source in the clinical reference [UNVERIFIED].
 */
export const offTrackSettingsSchema = z.object({
  noImprovementAfter: z.number().int().min(2, "Use at least 2 administrations.").max(52),
});
export type OffTrackSettings = z.infer<typeof offTrackSettingsSchema>;
export const DEFAULT_OFF_TRACK_SETTINGS: OffTrackSettings = { noImprovementAfter: 4 };

export interface ScoredAdministration {
  /** Calendar date, YYYY-MM-DD. */
  on: string;
  score: number;
}

export const OFF_TRACK_REASONS = ["reliable_deterioration", "no_reliable_improvement"] as const;
export type OffTrackReason = (typeof OFF_TRACK_REASONS)[number];

export interface OffTrackResult {
  flagged: boolean;
  reason: OffTrackReason | null;
  administrations: number;
  baseline: ScoredAdministration | null;
  latest: ScoredAdministration | null;
  /** Baseline against latest; null with fewer than two administrations. */
  classification: ChangeClassification | null;
  parameters: ReliableChangeParameters;
  settings: OffTrackSettings;
}

/**
 * Off track: the latest score is reliably worse than the baseline (the earliest), or there have been
 * `noImprovementAfter` administrations and the latest is not reliably better than the baseline.
 * The series is one instrument's scores for one episode, in any order.
 */
export function offTrack(
  series: readonly ScoredAdministration[],
  params: ReliableChangeParameters,
  settings: OffTrackSettings = DEFAULT_OFF_TRACK_SETTINGS,
): OffTrackResult {
  const ordered = [...series].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const baseline = ordered[0] ?? null;
  const latest = ordered.length >= 2 ? ordered[ordered.length - 1]! : null;
  const classification = baseline && latest ? classifyChange(baseline.score, latest.score, params) : null;
  let reason: OffTrackReason | null = null;
  if (classification?.status === "deteriorated") reason = "reliable_deterioration";
  else if (classification?.status === "unchanged" && ordered.length >= settings.noImprovementAfter)
    reason = "no_reliable_improvement";
  return {
    flagged: reason !== null,
    reason,
    administrations: ordered.length,
    baseline,
    latest,
    classification,
    parameters: params,
    settings,
  };
}
