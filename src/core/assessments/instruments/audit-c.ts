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
 * AUDIT-C — the three consumption items of the AUDIT (Bush et al. 1998), each 0–4, total 0–12.
 *
 * The published screen is positive at 4 or more for men and 3 or more for women. A scorer sees only
 * answers, never the participant's sex, so it does not pick one threshold: the band says which
 * thresholds the total reaches, and one flag per threshold lets the caller (who knows the chart)
 * show the one that applies — or both, when sex is not recorded.
 */

export const AUDIT_C_THRESHOLD_WOMEN = 3;
export const AUDIT_C_THRESHOLD_MEN = 4;

const AUDIT_C_ITEM_IDS = ["1", "2", "3"];

export const AUDIT_C_ITEMS: readonly InstrumentItem[] = AUDIT_C_ITEM_IDS.map(
  (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: [0, 1, 2, 3, 4], required: true }),
);

/**
 * `below_thresholds` 0–2: negative for everyone. `women_threshold` 3: positive at the women's
 * threshold only. `both_thresholds` 4–12: positive at the men's threshold, and so at the women's too.
 */
export const AUDIT_C_BANDS: readonly ScoreBand[] = [
  { code: "below_thresholds", min: 0, max: AUDIT_C_THRESHOLD_WOMEN - 1 },
  { code: "women_threshold", min: AUDIT_C_THRESHOLD_WOMEN, max: AUDIT_C_THRESHOLD_MEN - 1 },
  { code: "both_thresholds", min: AUDIT_C_THRESHOLD_MEN, max: 12 },
];

/** Flags: which thresholds the total reaches, and whether every point came from item 1 alone. */
export const AUDIT_C_FLAGS = {
  positiveWomen: "audit_c.positive_women",
  positiveMen: "audit_c.positive_men",
  /**
   * Points only from item 1 (items 2 and 3 both 0): per LOINC 75626-2 the person is then likely
   * drinking below recommended limits; the clinician reviews recent intake to confirm.
   */
  pointsFromItem1Only: "audit_c.points_from_item1_only",
} as const;

export function scoreAuditC(answers: Answers): ScoreOutcome {
  const sum = computeItemSum(answers, AUDIT_C_ITEM_IDS);
  if (!sum.ok) return sum;
  const total = sum.total;
  const flags: string[] = [];
  if (total >= AUDIT_C_THRESHOLD_WOMEN) flags.push(AUDIT_C_FLAGS.positiveWomen);
  if (total >= AUDIT_C_THRESHOLD_MEN) flags.push(AUDIT_C_FLAGS.positiveMen);
  if (answers["1"] !== 0 && answers["2"] === 0 && answers["3"] === 0)
    flags.push(AUDIT_C_FLAGS.pointsFromItem1Only);
  return { ok: true, total, band: bandOf(AUDIT_C_BANDS, total), subscales: {}, flags, critical: [] };
}

export const auditC: InstrumentDefinition = {
  key: "audit_c",
  url: "https://bridgeway.example/fhir/Questionnaire/audit_c",
  version: "1.0.0",
  // AUDIT-C total is 75626-2; 75624-7 is the full AUDIT total (the pair is often swapped: §2.3).
  loinc: { panel: "72109-2", total: "75626-2" },
  audience: "adult",
  items: AUDIT_C_ITEMS,
  bands: AUDIT_C_BANDS,
  totalRange: { min: 0, max: 12 },
  direction: "lower_is_better",
  licence: "free",
  credit: null,
  score: scoreAuditC,
};
