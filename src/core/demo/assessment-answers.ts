import type { AnswerValue } from "../assessments/instrument";
import { hashUnit, type Random } from "./random";

/**
 * How a demo participant answers each questionnaire, item by item, from how they are doing at the
 * time. Nothing here chooses a score: it chooses answers, and the registry's scorers score them.
 *
 * How someone is doing is a level per domain, from 0 (no problem at all) to 1 (as bad as the items
 * go). Each person leans a little up or down on each item (the same lean at every administration),
 * and each administration adds a little noise, so totals move the way real ones do: mostly with the
 * person, a point or two from one time to the next.
 */

export const ANSWER_DOMAINS = [
  /** Low mood (PHQ-9, PHQ-A, WHO-5 the other way round, BAM mood). */
  "depression",
  /** Worry and tension (GAD-7). */
  "anxiety",
  /** Post-traumatic stress (PCL-5). */
  "trauma",
  /** Drinking over the past year (AUDIT, AUDIT-C, CRAFFT). */
  "alcohol",
  /** Drug use over the past year (DAST-10, CRAFFT). */
  "drugs",
  /** Days of use in the past 30 days (BAM use items). */
  "use",
  /** Cravings, sleep, risky situations, conflict; the lack of support and confidence (BAM, rulers). */
  "strain",
] as const;
export type AnswerDomain = (typeof ANSWER_DOMAINS)[number];
export type DomainLevels = Readonly<Record<AnswerDomain, number>>;

/** The drug class a person mostly uses, for the BAM's 7A–7G; alcohol when drinking is the main problem. */
export const DEMO_SUBSTANCES = [
  "alcohol",
  "cannabis",
  "sedatives",
  "cocaine",
  "stimulants",
  "opioids",
] as const;
export type DemoSubstance = (typeof DEMO_SUBSTANCES)[number];

/** The substance of a demo episode's primary diagnosis (ICD-10-CM F10–F15, see admission-history.ts). */
export function substanceOfDiagnosis(code: string): DemoSubstance {
  const byCategory: Record<string, DemoSubstance> = {
    F10: "alcohol",
    F11: "opioids",
    F12: "cannabis",
    F13: "sedatives",
    F14: "cocaine",
    F15: "stimulants",
  };
  return byCategory[code.slice(0, 3)] ?? "alcohol";
}

const BAM_DRUG_ITEM: Record<Exclude<DemoSubstance, "alcohol">, string> = {
  cannabis: "7a",
  sedatives: "7b",
  cocaine: "7c",
  stimulants: "7d",
  opioids: "7e",
};

/** A critical answer the demo story asks for; answers are otherwise never critical. */
export const PLANNED_CRITICALS = ["none", "thoughts_of_death", "asq_positive"] as const;
export type PlannedCritical = (typeof PLANNED_CRITICALS)[number];

export interface AnswerContext {
  levels: DomainLevels;
  substance: DemoSubstance;
  critical: PlannedCritical;
}

/** Draws for one person on one administration of one questionnaire. */
export interface ItemDraws {
  /** An option of an ordinal item at `level` of its range (values in order, the worst last). */
  ordinal(linkId: string, values: readonly number[], level: number): number;
  /** Yes to a symptom item, more likely the higher the level. */
  yes(linkId: string, level: number): boolean;
  /** A count band of days (BAM use items): none at level 0, otherwise at least the first band. */
  days(values: readonly number[], level: number): number;
  /** A whole number from 0 to max at `level` of it. */
  count(max: number, level: number): number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * `leanSeed` fixes how the person leans on each item of this questionnaire (the same at every
 * administration, about ±0.3 of an option, whatever else was asked); `noise` is this administration's.
 */
export function createItemDraws(leanSeed: number, noise: Random): ItemDraws {
  const lean = (linkId: string) =>
    (hashUnit(leanSeed, `${linkId}#0`) +
      hashUnit(leanSeed, `${linkId}#1`) +
      hashUnit(leanSeed, `${linkId}#2`) -
      1.5) *
    0.6;
  return {
    ordinal(linkId, values, level) {
      const top = values.length - 1;
      const index = Math.round(level * top + lean(linkId) + noise.around(0, 0.2, -0.5, 0.5));
      return values[clamp(index, 0, top)]!;
    },
    yes(linkId, level) {
      return noise.chance(clamp(level + lean(linkId) * 0.4, 0.02, 0.98));
    },
    days(values, level) {
      if (level <= 0.02) return values[0]!;
      const top = values.length - 1;
      return values[clamp(Math.ceil(level * top + noise.around(0, 0.15, -0.4, 0.4)), 1, top)]!;
    },
    count(max, level) {
      return clamp(Math.round(level * max * noise.around(1, 0.15, 0.6, 1.4)), 0, max);
    },
  };
}

type Answerer = (context: AnswerContext, draw: ItemDraws, noise: Random) => Record<string, AnswerValue>;

const FREQUENCY = [0, 1, 2, 3] as const;
const LIKERT = [0, 1, 2, 3, 4] as const;
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Items 1–8 of the PHQ-9 and PHQ-A, and item 9 only when the story plans thoughts of death. */
function depressionItems(context: AnswerContext, draw: ItemDraws, noise: Random) {
  const answers: Record<string, AnswerValue> = {};
  for (const linkId of ids(1, 8))
    answers[linkId] = draw.ordinal(linkId, FREQUENCY, context.levels.depression);
  answers["9"] = context.critical === "thoughts_of_death" ? (noise.chance(0.7) ? 1 : 2) : 0;
  return answers;
}

/** The difficulty question is asked only when a problem was checked. */
function withDifficulty(answers: Record<string, AnswerValue>, draw: ItemDraws, level: number) {
  if (Object.values(answers).some((v) => typeof v === "number" && v > 0))
    answers.difficulty = draw.ordinal("difficulty", FREQUENCY, level * 0.8);
  return answers;
}

function bamAnswers({ levels, substance }: AnswerContext, draw: ItemDraws, noise: Random) {
  const drinking = substance === "alcohol" ? levels.use : levels.use * 0.3;
  const drugs = substance === "alcohol" ? levels.use * 0.15 : levels.use;
  const answers: Record<string, AnswerValue> = {
    "1": draw.ordinal("1", LIKERT, levels.strain * 0.7),
    "2": draw.ordinal("2", LIKERT, levels.strain),
    "3": draw.ordinal("3", LIKERT, levels.depression),
    "4": draw.days(LIKERT, drinking),
  };
  // Heavy drinking days are asked after any drinking day, and are at most as many.
  if (answers["4"] !== 0) answers["5"] = Math.min(Number(answers["4"]), draw.days(LIKERT, drinking * 0.8));
  answers["6"] = draw.days(LIKERT, drugs);
  if (answers["6"] !== 0) {
    const main = substance === "alcohol" ? noise.pick(["7a", "7b", "7c"]) : BAM_DRUG_ITEM[substance];
    for (const linkId of ["7a", "7b", "7c", "7d", "7e", "7f", "7g"])
      answers[linkId] = linkId === main ? answers["6"] : 0;
  }
  Object.assign(answers, {
    "8": draw.ordinal("8", LIKERT, levels.strain),
    "9": draw.ordinal("9", LIKERT, 1 - levels.strain),
    "10": draw.ordinal("10", LIKERT, 1 - levels.strain * 1.1),
    "11": draw.ordinal("11", LIKERT, levels.strain * 0.8),
    "12": draw.ordinal("12", LIKERT, 0.5),
    "13": draw.ordinal("13", LIKERT, 1 - levels.strain),
    "14": draw.yes("14", 0.85 - levels.strain * 0.5) ? 4 : 0,
    "15": draw.ordinal("15", LIKERT, levels.strain * 0.8),
    "16": draw.ordinal("16", LIKERT, 1 - levels.strain * 0.8),
    "17": draw.ordinal("17", LIKERT, 1 - levels.strain),
  });
  return answers;
}

function crafftAnswers({ levels }: AnswerContext, draw: ItemDraws) {
  const answers: Record<string, AnswerValue> = {
    a1: draw.count(120, levels.alcohol),
    a2: draw.count(200, levels.drugs),
    a3: draw.count(40, levels.drugs * 0.5),
  };
  const used = [answers.a1, answers.a2, answers.a3].some((days) => Number(days) > 0);
  const risk = Math.max(levels.alcohol, levels.drugs);
  answers.car = draw.yes("car", risk * 0.5);
  if (used)
    for (const linkId of ["relax", "alone", "forget", "friends", "trouble"])
      answers[linkId] = draw.yes(linkId, risk);
  return answers;
}

/** One answerer per instrument key of the registry (a test checks that none is missing). */
export const DEMO_ANSWERERS: Readonly<Record<string, Answerer>> = {
  phq9: (context, draw, noise) =>
    withDifficulty(depressionItems(context, draw, noise), draw, context.levels.depression),
  phqa: (context, draw, noise) => {
    const answers = withDifficulty(depressionItems(context, draw, noise), draw, context.levels.depression);
    answers.past_year_depressed = draw.yes("past_year_depressed", context.levels.depression);
    answers.serious_thoughts_past_month = false;
    answers.attempt_ever = false;
    return answers;
  },
  gad7: ({ levels }, draw) => {
    const answers: Record<string, AnswerValue> = {};
    for (const linkId of ids(1, 7)) answers[linkId] = draw.ordinal(linkId, FREQUENCY, levels.anxiety);
    return withDifficulty(answers, draw, levels.anxiety);
  },
  pcl5: ({ levels }, draw) =>
    Object.fromEntries(ids(1, 20).map((linkId) => [linkId, draw.ordinal(linkId, LIKERT, levels.trauma)])),
  who5: ({ levels }, draw) =>
    Object.fromEntries(
      ids(1, 5).map((linkId) => [
        linkId,
        draw.ordinal(linkId, [0, 1, 2, 3, 4, 5], 1 - (0.75 * levels.depression + 0.25 * levels.strain)),
      ]),
    ),
  audit_c: ({ levels }, draw) =>
    Object.fromEntries(ids(1, 3).map((linkId) => [linkId, draw.ordinal(linkId, LIKERT, levels.alcohol)])),
  audit: ({ levels }, draw) => ({
    ...Object.fromEntries(ids(1, 8).map((linkId) => [linkId, draw.ordinal(linkId, LIKERT, levels.alcohol)])),
    "9": draw.ordinal("9", [0, 2, 4], levels.alcohol * 0.7),
    "10": draw.ordinal("10", [0, 2, 4], levels.alcohol),
  }),
  // Item 3 asks whether they are always able to stop: "no" is the answer that counts.
  dast10: ({ levels }, draw) =>
    Object.fromEntries(
      ids(1, 10).map((linkId) => [
        linkId,
        linkId === "3" ? !draw.yes(linkId, levels.drugs) : draw.yes(linkId, levels.drugs),
      ]),
    ),
  // Negative unless the story plans a positive screen: then wished dead, and perhaps "better off",
  // with the acuity question (asked after any yes) answered no.
  asq: ({ critical }, _draw, noise): Record<string, AnswerValue> =>
    critical === "asq_positive"
      ? { "1": true, "2": noise.chance(0.5), "3": false, "4": false, "5": false }
      : { "1": false, "2": false, "3": false, "4": false },
  bam: bamAnswers,
  crafft: crafftAnswers,
  readiness: ({ levels }, draw) => ({
    importance: 10 - draw.ordinal("importance", ids(0, 10).map(Number), levels.strain * 0.6),
    confidence: 10 - draw.ordinal("confidence", ids(0, 10).map(Number), levels.strain),
    readiness: 10 - draw.ordinal("readiness", ids(0, 10).map(Number), levels.strain * 0.8),
  }),
};

/** The answers of one administration; throws for a questionnaire the demo cannot answer. */
export function answerQuestionnaire(
  instrumentKey: string,
  context: AnswerContext,
  draw: ItemDraws,
  noise: Random,
): Record<string, AnswerValue> {
  const answerer = DEMO_ANSWERERS[instrumentKey];
  if (!answerer) throw new Error(`The demo has no answers for questionnaire "${instrumentKey}".`);
  return answerer(context, draw, noise);
}
