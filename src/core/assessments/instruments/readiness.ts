import type { Answers, InstrumentDefinition, InstrumentItem, ScoreOutcome } from "../instrument";

/**
 * Readiness ruler (motivational interviewing): how important the change is, how confident the person
 * is of making it, how ready they are, each on 0–10, higher is more ready. There is no total and no
 * band: each ruler is its own subscale, tracked over time. Whatever rulers are answered are scored; a
 * response with none answered is refused.
 */

const RULERS = ["importance", "confidence", "readiness"] as const;

const READINESS_ITEMS: readonly InstrumentItem[] = RULERS.map(
  (linkId): InstrumentItem => ({ linkId, kind: "integer", min: 0, max: 10, required: false }),
);

export function scoreReadiness(answers: Answers): ScoreOutcome {
  const subscales: Record<string, number> = {};
  for (const ruler of RULERS) {
    const value = answers[ruler];
    if (typeof value === "number") subscales[ruler] = value;
  }
  if (Object.keys(subscales).length === 0)
    return {
      ok: false,
      missing: RULERS,
      message:
        "Answer at least one of the rulers (importance, confidence, readiness) before this can be scored.",
    };
  return { ok: true, total: null, band: null, subscales, flags: [], critical: [] };
}

export const readiness: InstrumentDefinition = {
  key: "readiness",
  url: "https://bridgeway.example/fhir/Questionnaire/readiness",
  version: "1.0.0",
  loinc: { panel: null, total: null },
  audience: "any",
  items: READINESS_ITEMS,
  bands: [],
  totalRange: null,
  direction: "higher_is_better",
  licence: "free",
  credit: null,
  score: scoreReadiness,
};
