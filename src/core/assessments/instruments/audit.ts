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
 * AUDIT — the WHO Alcohol Use Disorders Identification Test (Babor, Higgins-Biddle, Saunders &
 * Monteiro, WHO 2001), past year. Ten items: 1–8 score 0–4, 9–10 score 0, 2 or 4. Total 0–40.
 *
 * Every item is asked (the self-report form): the interview version's skips (item 1 "never" → go to
 * 9) are not used, so a missing answer means the form is incomplete and the total is refused.
 */

const FREQUENCY = [0, 1, 2, 3, 4] as const;
const INJURY_OR_CONCERN = [0, 2, 4] as const;

export const AUDIT_ITEMS: readonly InstrumentItem[] = [
  ...["1", "2", "3", "4", "5", "6", "7", "8"].map(
    (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: FREQUENCY, required: true }),
  ),
  ...["9", "10"].map(
    (linkId): InstrumentItem => ({ linkId, kind: "ordinal", values: INJURY_OR_CONCERN, required: true }),
  ),
];

/**
 * WHO risk zones (Babor et al. 2001): I 0–7, II 8–15, III 16–19, IV 20–40. A total of 8 or more
 * suggests hazardous or harmful use (verified, clinical reference §2.1). The 16 and 20 cut-offs are
 * marked UNVERIFIED there: they are kept as the WHO manual is usually quoted until checked against it.
 */
export const AUDIT_BANDS: readonly ScoreBand[] = [
  { code: "low_risk", min: 0, max: 7 },
  { code: "hazardous", min: 8, max: 15 },
  { code: "harmful", min: 16, max: 19 },
  { code: "possible_dependence", min: 20, max: 40 },
];

/** The WHO manual's three domains, reported as subscales: consumption, dependence, harm. */
const AUDIT_ITEM_IDS = AUDIT_ITEMS.map((i) => i.linkId);

const DOMAINS = {
  consumption: ["1", "2", "3"],
  dependence: ["4", "5", "6"],
  harm: ["7", "8", "9", "10"],
} as const;

export function scoreAudit(answers: Answers): ScoreOutcome {
  const sum = computeItemSum(answers, AUDIT_ITEM_IDS);
  if (!sum.ok) return sum;
  const subscales = {
    consumption: domainSum(answers, DOMAINS.consumption),
    dependence: domainSum(answers, DOMAINS.dependence),
    harm: domainSum(answers, DOMAINS.harm),
  };
  return {
    ok: true,
    total: sum.total,
    band: bandOf(AUDIT_BANDS, sum.total),
    subscales,
    flags: [],
    critical: [],
  };
}

function domainSum(answers: Answers, linkIds: readonly string[]): number {
  return linkIds.reduce((total, id) => total + Number(answers[id]), 0);
}

export const audit: InstrumentDefinition = {
  key: "audit",
  url: "https://bridgeway.example/fhir/Questionnaire/audit",
  version: "1.0.0",
  // AUDIT total is 75624-7; 75626-2 is the AUDIT-C total (the pair is often swapped: §2.3).
  loinc: { panel: "72110-0", total: "75624-7" },
  audience: "adult",
  items: AUDIT_ITEMS,
  bands: AUDIT_BANDS,
  totalRange: { min: 0, max: 40 },
  direction: "lower_is_better",
  licence: "free",
  credit: null,
  score: scoreAudit,
};
