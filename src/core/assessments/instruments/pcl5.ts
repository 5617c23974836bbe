import {
  type Answers,
  bandOf,
  type InstrumentDefinition,
  type InstrumentItem,
  type ScoreBand,
  type ScoreOutcome,
} from "../instrument";
import { computeItemSum } from "./item-sum";

/**
 * PCL-5 — PTSD Checklist for DSM-5 (Weathers et al. 2013, VA National Center for PTSD), past month.
 * Twenty items, 0 "not at all" … 4 "extremely"; total 0–80. Every item is needed: the National
 * Center for PTSD gives no prorating rule, so a missing item refuses the score.
 *
 * Two results, reported as flags:
 * - DSM-5 symptom-cluster rule: an item rated 2 ("moderately") or higher counts as endorsed; at least
 *   1 B item (1–5), 1 C item (6–7), 2 D items (8–14) and 2 E items (15–20).
 * - Provisional PTSD at a total at or above a cut-off. The published range is 31–33 (clinical
 *   reference §2.1, citing the National Center for PTSD scoring guidance and Bovin et al. 2016);
 *   Bridgeway defaults to 33 and lets a program choose another value.
 */

export const PCL5_ITEM_IDS = Array.from({ length: 20 }, (_, i) => String(i + 1));

export const PCL5_ITEMS: readonly InstrumentItem[] = PCL5_ITEM_IDS.map(
  (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: [0, 1, 2, 3, 4], required: true }),
);

/** DSM-5 clusters: the items of each and how many must be endorsed. */
export const PCL5_CLUSTERS = {
  cluster_b: { items: ["1", "2", "3", "4", "5"], needed: 1 },
  cluster_c: { items: ["6", "7"], needed: 1 },
  cluster_d: { items: ["8", "9", "10", "11", "12", "13", "14"], needed: 2 },
  cluster_e: { items: ["15", "16", "17", "18", "19", "20"], needed: 2 },
} as const;
type Cluster = keyof typeof PCL5_CLUSTERS;
const CLUSTERS = Object.keys(PCL5_CLUSTERS) as Cluster[];

/** An item at or above this rating counts as a symptom endorsed for the DSM-5 rule. */
export const PCL5_ENDORSED_AT = 2;

/** Default provisional-PTSD cut-off; the published range is 31–33 (see above). */
export const PCL5_PROVISIONAL_CUTOFF_DEFAULT = 33;

export const PCL5_FLAGS = {
  dsm5CriteriaMet: "pcl5.dsm5_criteria_met",
  provisionalPtsd: "pcl5.provisional_ptsd",
} as const;

export interface Pcl5Options {
  /** Total at or above which PTSD is provisionally indicated: a whole number, 1–80. */
  provisionalCutoff?: number;
}

function cutoffOf(options: Pcl5Options): number {
  const cutoff = options.provisionalCutoff ?? PCL5_PROVISIONAL_CUTOFF_DEFAULT;
  if (!Number.isInteger(cutoff) || cutoff < 1 || cutoff > 80) {
    throw new RangeError(`The PCL-5 cut-off must be a whole number from 1 to 80, not ${cutoff}.`);
  }
  return cutoff;
}

/** The bands of the total for a cut-off: below it, or at or above it. */
export function pcl5Bands(options: Pcl5Options = {}): readonly ScoreBand[] {
  const cutoff = cutoffOf(options);
  return [
    { code: "below_cutoff", min: 0, max: cutoff - 1 },
    { code: "provisional_ptsd", min: cutoff, max: 80 },
  ];
}

export function scorePcl5(answers: Answers, options: Pcl5Options = {}): ScoreOutcome {
  const bands = pcl5Bands(options);
  const sum = computeItemSum(answers, PCL5_ITEM_IDS);
  if (!sum.ok) return sum;
  const rating = (id: string) => Number(answers[id]);

  const subscales: Record<string, number> = {};
  let dsm5CriteriaMet = true;
  for (const cluster of CLUSTERS) {
    const { items, needed } = PCL5_CLUSTERS[cluster];
    subscales[cluster] = items.reduce((clusterSum, id) => clusterSum + rating(id), 0);
    const endorsed = items.filter((id) => rating(id) >= PCL5_ENDORSED_AT).length;
    if (endorsed < needed) dsm5CriteriaMet = false;
  }
  const total = sum.total;
  const band = bandOf(bands, total);

  const flags: string[] = [];
  if (dsm5CriteriaMet) flags.push(PCL5_FLAGS.dsm5CriteriaMet);
  if (band === "provisional_ptsd") flags.push(PCL5_FLAGS.provisionalPtsd);
  return { ok: true, total, band, subscales, flags, critical: [] };
}

/** The PCL-5 definition for a program's cut-off (bands and scorer agree on it). */
export function definePcl5(options: Pcl5Options = {}): InstrumentDefinition {
  const bands = pcl5Bands(options);
  return {
    key: "pcl5",
    url: "https://bridgeway.example/fhir/Questionnaire/pcl5",
    version: "1.0.0",
    // Both codes are from LOINC mirrors, not loinc.org itself (clinical reference §2.1): verify.
    loinc: { panel: "101697-1", total: "101698-9" },
    audience: "adult",
    items: PCL5_ITEMS,
    bands,
    totalRange: { min: 0, max: 80 },
    direction: "lower_is_better",
    licence: "free",
    credit: null,
    score: (answers) => scorePcl5(answers, options),
  };
}

export const pcl5: InstrumentDefinition = definePcl5();
