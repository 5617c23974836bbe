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
 * CRAFFT 2.1 — adolescent substance-use screen (Knight et al.; CABHRe, Boston Children's Hospital),
 * ages 12–21. Scoring only: the question wording is supplied by the program (licence
 * `program_supplied`, clinical reference §10), so the content file carries structure, not text.
 *
 * Part A: on how many days in the past 12 months (0–365) for each of three substance groups.
 * Part B: six yes/no items — CAR, RELAX, ALONE, FORGET, FRIENDS, TROUBLE.
 * If every Part A answer is 0, only CAR is asked and the score is CAR's value (0 or 1); otherwise all
 * six are asked and the score is the number of "yes" answers. A score of 2 or more is high risk.
 */

export const CRAFFT_PART_A = ["a1", "a2", "a3"] as const;
export const CRAFFT_PART_B = ["car", "relax", "alone", "forget", "friends", "trouble"] as const;

export const CRAFFT_ITEMS: readonly InstrumentItem[] = [
  ...CRAFFT_PART_A.map(
    (linkId): InstrumentItem => ({ linkId, kind: "integer", min: 0, max: 365, required: true }),
  ),
  ...CRAFFT_PART_B.map((linkId): InstrumentItem => ({ linkId, kind: "boolean", required: true })),
];

export const CRAFFT_BANDS: readonly ScoreBand[] = [
  { code: "low_risk", min: 0, max: 1 },
  { code: "high_risk", min: 2, max: 6 },
];

export const CRAFFT_FLAGS = {
  /** No use in the past 12 months: only CAR was asked. */
  noUseReported: "crafft.no_use_reported",
  /** CAR answered "yes": counsel on riding safety, whatever the score. */
  carYes: "crafft.car_yes",
} as const;

/**
 * The Part B items asked, given Part A: CAR alone when every Part A answer is 0, all six when any is
 * above 0, and null while Part A is incomplete (CAR is asked either way).
 */
export function crafftPartBAsked(answers: Answers): readonly string[] | null {
  const partA = CRAFFT_PART_A.map((id) => answers[id]);
  if (partA.some((days) => typeof days === "number" && days > 0)) return CRAFFT_PART_B;
  if (partA.every((days) => days === 0)) return ["car"];
  return null;
}

export function scoreCrafft(answers: Answers): ScoreOutcome {
  const asked = crafftPartBAsked(answers);
  const partA: readonly string[] = CRAFFT_PART_A;
  const unanswered = (id: string) => typeof answers[id] !== (partA.includes(id) ? "number" : "boolean");
  // Items known to be needed: all of Part A, and the Part B items asked (at least CAR).
  const needed = [...CRAFFT_PART_A, ...(asked ?? ["car"])];
  const missing = needed.filter(unanswered);
  if (missing.length > 0 || asked === null) return notScored(missing); // null: Part A is incomplete

  // Answers to Part B items that were not asked are refused at submission; they never count here.
  const total = asked.filter((id) => answers[id] === true).length;
  const flags: string[] = [];
  if (asked.length === 1) flags.push(CRAFFT_FLAGS.noUseReported);
  if (answers.car === true) flags.push(CRAFFT_FLAGS.carYes);
  return { ok: true, total, band: bandOf(CRAFFT_BANDS, total), subscales: {}, flags, critical: [] };
}

export const CRAFFT_CREDIT =
  "CRAFFT 2.1 © John R. Knight, MD, Boston Children's Hospital; Center for Adolescent Behavioral Health Research (CABHRe), crafft.org.";

export const crafft: InstrumentDefinition = {
  key: "crafft",
  url: "https://bridgeway.example/fhir/Questionnaire/crafft",
  version: "1.0.0",
  // 71942-7 is a CRAFFT panel from a LOINC mirror; no CRAFFT 2.1 (days-based Part A) codes were found,
  // so none are claimed (clinical reference §2.1, §9 item 5).
  loinc: { panel: null, total: null },
  audience: "adolescent",
  items: CRAFFT_ITEMS,
  bands: CRAFFT_BANDS,
  totalRange: { min: 0, max: 6 },
  direction: "lower_is_better",
  licence: "program_supplied",
  credit: CRAFFT_CREDIT,
  score: scoreCrafft,
};
