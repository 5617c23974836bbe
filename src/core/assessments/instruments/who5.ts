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
 * WHO-5 Well-Being Index (1998 version; Topp et al. 2015 review), past two weeks. Five positively
 * worded items, each 0 (at no time) to 5 (all of the time). The total is the raw score, 0–25; the
 * percentage score (raw × 4, 0–100) is reported as the `percentage` subscale, because change is read
 * on it (10 percentage points is a meaningful change). A raw score below 13 (percentage below 52) is
 * poor wellbeing, an indication to screen for depression.
 *
 * A missing answer refuses the score (no prorating, see `computeItemSum`). No critical items.
 */

const WHO5_SCORED_ITEMS = ["1", "2", "3", "4", "5"] as const;
const TIME = [0, 1, 2, 3, 4, 5] as const;

const WHO5_ITEMS: readonly InstrumentItem[] = WHO5_SCORED_ITEMS.map(
  (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: TIME, required: true }),
);

const WHO5_BANDS: readonly ScoreBand[] = [
  { code: "poor_wellbeing", min: 0, max: 12 },
  { code: "adequate_wellbeing", min: 13, max: 25 },
];

export function scoreWho5(answers: Answers): ScoreOutcome {
  const sum = computeItemSum(answers, WHO5_SCORED_ITEMS);
  if (!sum.ok) return sum;
  return {
    ok: true,
    total: sum.total,
    band: bandOf(WHO5_BANDS, sum.total),
    subscales: { percentage: sum.total * 4 },
    flags: [],
    critical: [],
  };
}

export const who5: InstrumentDefinition = {
  key: "who5",
  url: "https://bridgeway.example/fhir/Questionnaire/who5",
  version: "1.0.0",
  // Public code uses both 89708-7 and 65625-0 for the WHO-5, which conflict; neither is verified
  // (clinical reference §2.1), so none is sent.
  loinc: { panel: null, total: null },
  audience: "any",
  items: WHO5_ITEMS,
  bands: WHO5_BANDS,
  totalRange: { min: 0, max: 25 },
  direction: "higher_is_better",
  licence: "free",
  credit: "WHO-5 Well-Being Index © Psychiatric Research Unit, Mental Health Centre North Zealand, Denmark.",
  score: scoreWho5,
};
