import type { Answers, InstrumentDefinition, InstrumentItem, NotScored, ScoreOutcome } from "../instrument";

/**
 * BAM — the VA Brief Addiction Monitor (Cacciola et al. 2013), past 30 days, Likert version: every
 * scored item is 0–4 (day counts in bands 0 / 1–3 / 4–8 / 9–15 / 16–30 days). Seventeen items; item 7
 * has sub-items 7A–7G (days of use per drug class), recorded but not scored; item 17 (satisfaction
 * with progress) is not scored either. There is no validated total, only three subscales:
 *
 * - Use (items 4, 5, 6; 0–12): any use is the key relapse signal → flag at 1 or more.
 * - Risk factors (items 1, 2, 3, 8, 11, 15; 0–24): flag at 12 or more.
 * - Protective factors (items 9, 10, 12, 13, 14, 16; 0–24): flag at 12 or less.
 *
 * Subscale items and Likert cut-offs: clinical reference §2.1 (secondary sources; verify against the
 * VA BAM manual). Each subscale is scored only when all its items are answered; the others are
 * reported as not scored, with the items they still need (`scoreBamSubscales`).
 *
 * Skips: item 5 (heavy-drinking days) is asked only when item 4 (drinking days) is above 0, and
 * 7A–7G only when item 6 (drug-use days) is above 0. When item 4 is 0, item 5 counts as 0.
 */

const LIKERT = [0, 1, 2, 3, 4] as const;
/** Item 14 (enough legal income for necessities) is yes/no: no = 0, yes = 4 [verify]. */
const NO_YES = [0, 4] as const;
const SUB_ITEMS = ["7a", "7b", "7c", "7d", "7e", "7f", "7g"];

const likert = (linkId: string, required = true): InstrumentItem => ({
  linkId,
  kind: "ordinal",
  values: LIKERT,
  required,
});

/** `required`: answered whenever shown (item 5 is shown only after drinking days); 7A–7G are optional. */
export const BAM_ITEMS: readonly InstrumentItem[] = [
  ...["1", "2", "3", "4", "5", "6"].map((linkId) => likert(linkId)),
  ...SUB_ITEMS.map((linkId) => likert(linkId, false)),
  ...["8", "9", "10", "11", "12", "13"].map((linkId) => likert(linkId)),
  { linkId: "14", kind: "ordinal", values: NO_YES, required: true },
  ...["15", "16", "17"].map((linkId) => likert(linkId)),
];

export const BAM_SUBSCALES = {
  use: ["4", "5", "6"],
  risk: ["1", "2", "3", "8", "11", "15"],
  protective: ["9", "10", "12", "13", "14", "16"],
} as const;
export type BamSubscale = keyof typeof BAM_SUBSCALES;
const SUBSCALES = Object.keys(BAM_SUBSCALES) as BamSubscale[];

export const BAM_USE_FLAG_AT = 1;
export const BAM_RISK_FLAG_AT = 12;
export const BAM_PROTECTIVE_FLAG_AT_MOST = 12;

export const BAM_FLAGS = {
  useReported: "bam.use_reported",
  riskElevated: "bam.risk_elevated",
  protectiveLow: "bam.protective_low",
  useNotScored: "bam.use_not_scored",
  riskNotScored: "bam.risk_not_scored",
  protectiveNotScored: "bam.protective_not_scored",
} as const;

export type BamSubscaleResult = { score: number } | { missing: readonly string[] };

/**
 * Whether a scored item is asked, given the answers so far: item 5 only once item 4 is known to be
 * above 0 (with item 4 unanswered, Use needs item 4 first, then perhaps item 5).
 */
function isAsked(linkId: string, answers: Answers): boolean {
  if (linkId === "5") return typeof answers["4"] === "number" && answers["4"] > 0;
  return true;
}

/** Each subscale's score, or the items it still needs. */
export function scoreBamSubscales(answers: Answers): Record<BamSubscale, BamSubscaleResult> {
  const result = {} as Record<BamSubscale, BamSubscaleResult>;
  for (const subscale of SUBSCALES) {
    let score = 0;
    const missing: string[] = [];
    for (const linkId of BAM_SUBSCALES[subscale]) {
      if (!isAsked(linkId, answers)) continue;
      const value = answers[linkId];
      if (typeof value === "number") score += value;
      else missing.push(linkId);
    }
    result[subscale] = missing.length > 0 ? { missing } : { score };
  }
  return result;
}

const SUBSCALE_NAMES: Record<BamSubscale, string> = { use: "Use", risk: "Risk", protective: "Protective" };
const NOT_SCORED_FLAG: Record<BamSubscale, string> = {
  use: BAM_FLAGS.useNotScored,
  risk: BAM_FLAGS.riskNotScored,
  protective: BAM_FLAGS.protectiveNotScored,
};

export function scoreBam(answers: Answers): ScoreOutcome {
  const results = scoreBamSubscales(answers);
  const subscales: Record<string, number> = {};
  const flags: string[] = [];
  const incomplete: { subscale: BamSubscale; missing: readonly string[] }[] = [];
  for (const subscale of SUBSCALES) {
    const result = results[subscale];
    if ("score" in result) subscales[subscale] = result.score;
    else incomplete.push({ subscale, missing: result.missing });
  }
  if (incomplete.length === SUBSCALES.length) return refusal(incomplete);

  if (subscales.use !== undefined && subscales.use >= BAM_USE_FLAG_AT) flags.push(BAM_FLAGS.useReported);
  if (subscales.risk !== undefined && subscales.risk >= BAM_RISK_FLAG_AT) flags.push(BAM_FLAGS.riskElevated);
  if (subscales.protective !== undefined && subscales.protective <= BAM_PROTECTIVE_FLAG_AT_MOST)
    flags.push(BAM_FLAGS.protectiveLow);
  for (const { subscale } of incomplete) flags.push(NOT_SCORED_FLAG[subscale]);
  return { ok: true, total: null, band: null, subscales, flags, critical: [] };
}

/** No subscale can be scored: the missing items, and in words which subscale needs which. */
function refusal(incomplete: readonly { subscale: BamSubscale; missing: readonly string[] }[]): NotScored {
  const missing = BAM_ITEMS.map((i) => i.linkId).filter((id) =>
    incomplete.some((s) => s.missing.includes(id)),
  );
  const parts = incomplete.map(
    ({ subscale, missing: ids }) =>
      `${SUBSCALE_NAMES[subscale]}: answer ${ids.length === 1 ? "item" : "items"} ${ids.join(", ")}.`,
  );
  return { ok: false, missing, message: `No subscale can be scored yet. ${parts.join(" ")}` };
}

export const bam: InstrumentDefinition = {
  key: "bam",
  url: "https://bridgeway.example/fhir/Questionnaire/bam",
  version: "1.0.0",
  // No LOINC panel or score codes found for the BAM (clinical reference §2.1).
  loinc: { panel: null, total: null },
  audience: "adult",
  items: BAM_ITEMS,
  bands: [],
  totalRange: null,
  direction: null,
  licence: "free",
  credit: null,
  score: scoreBam,
};
