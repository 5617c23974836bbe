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
 * GAD-7 — Generalized Anxiety Disorder scale (Spitzer, Kroenke, Williams & Löwe 2006), past two
 * weeks. Items 1–7 score 0–3; total 0–21. The difficulty question after them is asked only when a
 * problem was checked and is not part of the total. A missing answer to items 1–7 refuses the total
 * (no prorating, see `computeItemSum`). No critical items.
 */

const GAD7_SCORED_ITEMS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const FREQUENCY = [0, 1, 2, 3] as const;

const GAD7_ITEMS: readonly InstrumentItem[] = [
  ...GAD7_SCORED_ITEMS.map(
    (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: FREQUENCY, required: true }),
  ),
  { linkId: "difficulty", kind: "ordinal", values: FREQUENCY, required: false },
];

/** Spitzer 2006: 5, 10 and 15 are the lower bounds of mild, moderate and severe anxiety. */
const GAD7_BANDS: readonly ScoreBand[] = [
  { code: "minimal", min: 0, max: 4 },
  { code: "mild", min: 5, max: 9 },
  { code: "moderate", min: 10, max: 14 },
  { code: "severe", min: 15, max: 21 },
];

export function scoreGad7(answers: Answers): ScoreOutcome {
  const sum = computeItemSum(answers, GAD7_SCORED_ITEMS);
  if (!sum.ok) return sum;
  return {
    ok: true,
    total: sum.total,
    band: bandOf(GAD7_BANDS, sum.total),
    subscales: {},
    flags: [],
    critical: [],
  };
}

export const gad7: InstrumentDefinition = {
  key: "gad7",
  url: "https://bridgeway.example/fhir/Questionnaire/gad7",
  version: "1.0.0",
  // The total is 70274-6; 69737-5 is the panel (often misused as the score: §2.3).
  loinc: { panel: "69737-5", total: "70274-6" },
  audience: "adult",
  items: GAD7_ITEMS,
  bands: GAD7_BANDS,
  totalRange: { min: 0, max: 21 },
  direction: "lower_is_better",
  licence: "free",
  credit: null,
  score: scoreGad7,
};
