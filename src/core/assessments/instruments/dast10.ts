import {
  type Answers,
  bandOf,
  type InstrumentDefinition,
  type InstrumentItem,
  notScored,
  type ScoreBand,
  type ScoreOutcome,
} from "../instrument";

/**
 * DAST-10 — Drug Abuse Screening Test, 10-item version (Skinner 1982), past 12 months, drugs other
 * than alcohol and tobacco. Ten yes/no items; "yes" scores 1 except item 3 ("Are you always able to
 * stop using drugs when you want to?"), where "no" scores 1. Total 0–10.
 *
 * Terms: may be reproduced for non-commercial use (clinical, research, training) with credit given;
 * commercial redistribution or hosting needs CAMH's permission (clinical reference §2.1, §10). The
 * program can switch it off.
 */

/** Items where "no" is the answer that scores. */
const REVERSED = new Set(["3"]);

export const DAST10_ITEMS: readonly InstrumentItem[] = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
].map((linkId): InstrumentItem => ({ linkId, kind: "boolean", required: true }));

/** NIDA CDE 3254089 levels (clinical reference §2.1); 3 or more suggests a drug use disorder. */
export const DAST10_BANDS: readonly ScoreBand[] = [
  { code: "none", min: 0, max: 0 },
  { code: "low", min: 1, max: 2 },
  { code: "moderate", min: 3, max: 5 },
  { code: "substantial", min: 6, max: 8 },
  { code: "severe", min: 9, max: 10 },
];

export const DAST10_CREDIT =
  "© 1982 Harvey A. Skinner, PhD and the Centre for Addiction and Mental Health, Toronto";

/** The point an item's answer scores. */
export function dast10ItemScore(linkId: string, answer: boolean): 0 | 1 {
  const scoring = REVERSED.has(linkId) ? !answer : answer;
  return scoring ? 1 : 0;
}

export function scoreDast10(answers: Answers): ScoreOutcome {
  let total = 0;
  const missing: string[] = [];
  for (const { linkId } of DAST10_ITEMS) {
    const answer = answers[linkId];
    if (typeof answer === "boolean") total += dast10ItemScore(linkId, answer);
    else missing.push(linkId);
  }
  if (missing.length > 0) return notScored(missing);
  return { ok: true, total, band: bandOf(DAST10_BANDS, total), subscales: {}, flags: [], critical: [] };
}

export const dast10: InstrumentDefinition = {
  key: "dast10",
  url: "https://bridgeway.example/fhir/Questionnaire/dast10",
  version: "1.0.0",
  loinc: { panel: "82666-9", total: "82667-7" },
  audience: "adult",
  items: DAST10_ITEMS,
  bands: DAST10_BANDS,
  totalRange: { min: 0, max: 10 },
  direction: "lower_is_better",
  licence: "credit",
  credit: DAST10_CREDIT,
  score: scoreDast10,
};
