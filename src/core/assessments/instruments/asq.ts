import type {
  Answers,
  CriticalFinding,
  InstrumentDefinition,
  InstrumentItem,
  ScoreOutcome,
} from "../instrument";
import { notScored } from "../instrument";

/**
 * ASQ — NIMH Ask Suicide-Screening Questions, Bridgeway's suicide-risk screen (clinical reference
 * §10). Four yes/no questions (wished you were dead and family better off, past few weeks; thoughts
 * of killing yourself, past week; ever tried), then, only when any of them is "yes", the acuity
 * question: thoughts of killing yourself right now.
 *
 * Result, not a total:
 * - `positive` as soon as any of 1–4 is "yes", whatever else is missing: a brief suicide safety
 *   assessment is needed before the person leaves (urgent). The acuity answer is not needed for this;
 *   a positive screen without it is still positive, never refused.
 * - `acute_positive` when the acuity answer is "yes": imminent risk, an immediate safety response
 *   (emergency). A "yes" there is never ignored, even if it reaches the scorer without a "yes" to 1–4.
 * - `negative` only when all four are answered "no"; otherwise the missing ones are named.
 *
 * NIMH counts a refusal to answer as a positive screen; answers here cannot say "declined", so a
 * blank is a refusal to score and the people following up the response decide.
 */

const SCREEN_ITEMS = ["1", "2", "3", "4"] as const;
const ACUITY_ITEM = "5";

const ASQ_ITEMS: readonly InstrumentItem[] = [
  ...SCREEN_ITEMS.map((linkId): InstrumentItem => ({ linkId, kind: "boolean", required: true })),
  // Asked only after a "yes"; not required, so a positive screen can always be submitted.
  { linkId: ACUITY_ITEM, kind: "boolean", required: false },
];

/**
 * One finding per submission, the most pressing: acute positive (emergency; the acuity question
 * first, then the items answered yes) or positive (urgent; the items answered yes).
 */
export function deriveAsqCriticalFindings(answers: Answers): CriticalFinding[] {
  const yes = SCREEN_ITEMS.filter((linkId) => answers[linkId] === true);
  if (answers[ACUITY_ITEM] === true)
    return [{ rule: "asq.acute_positive", severity: "emergency", linkIds: [ACUITY_ITEM, ...yes] }];
  if (yes.length > 0) return [{ rule: "asq.positive", severity: "urgent", linkIds: yes }];
  return [];
}

export function scoreAsq(answers: Answers): ScoreOutcome {
  const critical = deriveAsqCriticalFindings(answers);
  const result = (band: string): ScoreOutcome => ({
    ok: true,
    total: null,
    band,
    subscales: {},
    flags: [],
    critical,
  });
  if (answers[ACUITY_ITEM] === true) return result("acute_positive");
  if (SCREEN_ITEMS.some((linkId) => answers[linkId] === true)) return result("positive");
  const missing = SCREEN_ITEMS.filter((linkId) => answers[linkId] !== false);
  return missing.length > 0 ? notScored(missing) : result("negative");
}

export const asq: InstrumentDefinition = {
  key: "asq",
  url: "https://bridgeway.example/fhir/Questionnaire/asq",
  version: "1.0.0",
  // No LOINC code for the ASQ was verified (clinical reference §2.1 lists none).
  loinc: { panel: null, total: null },
  // Validated with youth (10 and over) and adults in medical settings.
  audience: "any",
  items: ASQ_ITEMS,
  bands: [],
  totalRange: null,
  direction: null,
  licence: "free",
  credit: "Ask Suicide-Screening Questions (ASQ), National Institute of Mental Health (NIMH).",
  score: scoreAsq,
  critical: deriveAsqCriticalFindings,
};
