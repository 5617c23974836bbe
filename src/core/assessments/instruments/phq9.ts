import {
  type Answers,
  bandOf,
  type CriticalFinding,
  type InstrumentDefinition,
  type InstrumentItem,
  type ScoreBand,
  type ScoreOutcome,
} from "../instrument";
import { computeItemSum } from "./item-sum";

/**
 * PHQ-9 — Patient Health Questionnaire, depression module (Kroenke, Spitzer & Williams 2001), past
 * two weeks. Items 1–9 score 0 (not at all) to 3 (nearly every day); total 0–27. The tenth question
 * (how difficult these problems have made work, home and relationships) is asked only when a problem
 * was checked, and is not part of the total.
 *
 * A missing answer to items 1–9 refuses the total (see `computeItemSum`: no prorating). Item 9 is
 * still read on every submission: any answer above 0 raises an urgent alert.
 */

export const PHQ9_SCORED_ITEMS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;
const FREQUENCY = [0, 1, 2, 3] as const;

const PHQ9_ITEMS: readonly InstrumentItem[] = [
  ...PHQ9_SCORED_ITEMS.map(
    (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: FREQUENCY, required: true }),
  ),
  { linkId: "difficulty", kind: "ordinal", values: FREQUENCY, required: false },
];

/** Kroenke 2001: 5, 10, 15 and 20 are the lower bounds of mild … severe. Shared with the PHQ-A. */
export const DEPRESSION_BANDS: readonly ScoreBand[] = [
  { code: "minimal", min: 0, max: 4 },
  { code: "mild", min: 5, max: 9 },
  { code: "moderate", min: 10, max: 14 },
  { code: "moderately_severe", min: 15, max: 19 },
  { code: "severe", min: 20, max: 27 },
];

/** Item 9 (thoughts of being better off dead or of self-harm) above 0: urgent, scored or not. */
export function derivePhq9CriticalFindings(answers: Answers): CriticalFinding[] {
  const item9 = answers["9"];
  return typeof item9 === "number" && item9 > 0
    ? [{ rule: "phq9.item9", severity: "urgent", linkIds: ["9"] }]
    : [];
}

/**
 * The nine-item depression total PHQ-9 and PHQ-A share (same items 1–9, same bands), with the
 * instrument's own critical findings.
 */
export function scoreNineItemDepression(
  answers: Answers,
  criticalFindings: (answers: Answers) => CriticalFinding[],
): ScoreOutcome {
  const sum = computeItemSum(answers, PHQ9_SCORED_ITEMS);
  if (!sum.ok) return sum;
  return {
    ok: true,
    total: sum.total,
    band: bandOf(DEPRESSION_BANDS, sum.total),
    subscales: {},
    flags: [],
    critical: criticalFindings(answers),
  };
}

export function scorePhq9(answers: Answers): ScoreOutcome {
  return scoreNineItemDepression(answers, derivePhq9CriticalFindings);
}

export const phq9: InstrumentDefinition = {
  key: "phq9",
  url: "https://bridgeway.example/fhir/Questionnaire/phq9",
  version: "1.0.0",
  // The total is 44261-6; 44249-1 is the panel (public code often uses the panel as the score: §2.3).
  loinc: { panel: "44249-1", total: "44261-6" },
  audience: "adult",
  items: PHQ9_ITEMS,
  bands: DEPRESSION_BANDS,
  totalRange: { min: 0, max: 27 },
  direction: "lower_is_better",
  licence: "free",
  credit: null,
  score: scorePhq9,
  critical: derivePhq9CriticalFindings,
};
