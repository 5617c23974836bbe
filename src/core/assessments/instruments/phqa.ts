import type {
  Answers,
  CriticalFinding,
  InstrumentDefinition,
  InstrumentItem,
  ScoreOutcome,
} from "../instrument";
import { DEPRESSION_BANDS, PHQ9_SCORED_ITEMS, scoreNineItemDepression } from "./phq9";

/**
 * PHQ-A — the PHQ-9 modified for teens (Johnson et al. 2002; GLAD-PC toolkit), ages 12–18, past two
 * weeks. Items 1–9 score 0–3 (the teen wording puts "feeling down, depressed, irritable" first) and
 * make the total, 0–27, with the PHQ-9 bands. Four supplementary questions follow and are not
 * scored: depressed most days in the past year; how difficult the problems have made things (asked
 * only when a problem was reported); serious thoughts of ending one's life in the past month; a
 * suicide attempt ever.
 *
 * A missing answer to items 1–9 refuses the total (no prorating, see `computeItemSum`). Critical on
 * every submission, scored or not: item 9 above 0, or "yes" to either suicide question.
 */

const FREQUENCY = [0, 1, 2, 3] as const;

export const PHQA_SUPPLEMENTARY = {
  pastYear: "past_year_depressed",
  difficulty: "difficulty",
  seriousThoughts: "serious_thoughts_past_month",
  attempt: "attempt_ever",
} as const;

const PHQA_ITEMS: readonly InstrumentItem[] = [
  ...PHQ9_SCORED_ITEMS.map(
    (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: FREQUENCY, required: true }),
  ),
  { linkId: PHQA_SUPPLEMENTARY.pastYear, kind: "boolean", required: true },
  { linkId: PHQA_SUPPLEMENTARY.difficulty, kind: "ordinal", values: FREQUENCY, required: false },
  { linkId: PHQA_SUPPLEMENTARY.seriousThoughts, kind: "boolean", required: true },
  { linkId: PHQA_SUPPLEMENTARY.attempt, kind: "boolean", required: true },
];

export function derivePhqaCriticalFindings(answers: Answers): CriticalFinding[] {
  const findings: CriticalFinding[] = [];
  const item9 = answers["9"];
  if (typeof item9 === "number" && item9 > 0)
    findings.push({ rule: "phqa.item9", severity: "urgent", linkIds: ["9"] });
  if (answers[PHQA_SUPPLEMENTARY.seriousThoughts] === true)
    findings.push({
      rule: "phqa.serious_thoughts_past_month",
      severity: "urgent",
      linkIds: [PHQA_SUPPLEMENTARY.seriousThoughts],
    });
  if (answers[PHQA_SUPPLEMENTARY.attempt] === true)
    findings.push({ rule: "phqa.attempt_ever", severity: "urgent", linkIds: [PHQA_SUPPLEMENTARY.attempt] });
  return findings;
}

export function scorePhqa(answers: Answers): ScoreOutcome {
  return scoreNineItemDepression(answers, derivePhqaCriticalFindings);
}

export const phqa: InstrumentDefinition = {
  key: "phqa",
  url: "https://bridgeway.example/fhir/Questionnaire/phqa",
  version: "1.0.0",
  loinc: { panel: "89206-7", total: "89204-2" },
  audience: "adolescent",
  items: PHQA_ITEMS,
  bands: DEPRESSION_BANDS,
  totalRange: { min: 0, max: 27 },
  direction: "lower_is_better",
  // Licence wording not confirmed (clinical reference §2.1, §9 item 4): shipped with its credit line
  // and a switch to turn it off until it is.
  licence: "credit",
  credit:
    "PHQ-9 Modified for Teens: modified with permission from the PHQ (Spitzer, Williams & Kroenke, 1999) by J. Johnson (Johnson, 2002).",
  score: scorePhqa,
  critical: derivePhqaCriticalFindings,
};
