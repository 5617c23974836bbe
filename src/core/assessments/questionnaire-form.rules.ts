import type { AnswerValue } from "./instrument";
import { flattenItems, isEnabled, type Questionnaire, type QuestionnaireItem } from "./questionnaire";

/**
 * Pure rules of filling in a questionnaire: which items are asked given the answers so far, which
 * answers to keep, and what is still missing before it can be submitted.
 */

export const MIN_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/minValue";
export const MAX_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/maxValue";

/** Item types that take an answer (the others are groups and display text). */
export const QUESTION_TYPES = ["choice", "boolean", "integer"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type AnswerMap = Readonly<Record<string, AnswerValue | undefined>>;

export function isQuestion(item: QuestionnaireItem): item is QuestionnaireItem & { type: QuestionType } {
  return (QUESTION_TYPES as readonly string[]).includes(item.type);
}

/** The questions, depth first, in the order shown. */
export function questionsOf(questionnaire: Pick<Questionnaire, "item">): QuestionnaireItem[] {
  return flattenItems(questionnaire.item).filter(isQuestion);
}

/** The linkIds of the items shown: an item's enableWhen is met and so is every enclosing group's. */
export function deriveShownLinkIds(
  questionnaire: Pick<Questionnaire, "item">,
  answers: AnswerMap,
): Set<string> {
  const byLinkId = new Map(flattenItems(questionnaire.item).map((i) => [i.linkId, i]));
  const shown = new Set<string>();
  const walk = (items: readonly QuestionnaireItem[]) => {
    for (const item of items) {
      if (!isEnabled(item, answers, byLinkId)) continue;
      shown.add(item.linkId);
      walk(item.item ?? []);
    }
  };
  walk(questionnaire.item);
  return shown;
}

/**
 * The answers to the questions shown, nothing else. Dropping an answer can hide a later question
 * (whose answer is then dropped too), so this repeats until nothing changes.
 */
export function keepShownAnswers(
  questionnaire: Pick<Questionnaire, "item">,
  answers: AnswerMap,
): Record<string, AnswerValue> {
  let kept: Record<string, AnswerValue> = {};
  for (const [linkId, value] of Object.entries(answers)) if (value !== undefined) kept[linkId] = value;
  for (;;) {
    const shown = deriveShownLinkIds(questionnaire, kept);
    const next = Object.fromEntries(Object.entries(kept).filter(([linkId]) => shown.has(linkId)));
    if (Object.keys(next).length === Object.keys(kept).length) return next;
    kept = next;
  }
}

/** An integer item's bounds from its minValue / maxValue extensions, null where there is none. */
export function integerRangeOf(item: QuestionnaireItem): { min: number | null; max: number | null } {
  const bound = (url: string) => {
    const extension = item.extension?.find((e) => e.url === url);
    return extension?.valueInteger ?? extension?.valueDecimal ?? null;
  };
  return { min: bound(MIN_VALUE_URL), max: bound(MAX_VALUE_URL) };
}

export type AnswerProblem =
  | { linkId: string; kind: "required" }
  | { linkId: string; kind: "range"; min: number | null; max: number | null };

/** What stops submission, in the order shown: a required question shown but unanswered, a number out of range. */
export function checkFormAnswers(
  questionnaire: Pick<Questionnaire, "item">,
  answers: AnswerMap,
): AnswerProblem[] {
  const shown = deriveShownLinkIds(questionnaire, answers);
  const problems: AnswerProblem[] = [];
  for (const item of questionsOf(questionnaire)) {
    if (!shown.has(item.linkId)) continue;
    const value = answers[item.linkId];
    if (value === undefined) {
      if (item.required) problems.push({ linkId: item.linkId, kind: "required" });
      continue;
    }
    if (item.type !== "integer" || typeof value !== "number") continue;
    const { min, max } = integerRangeOf(item);
    if (!Number.isInteger(value) || (min !== null && value < min) || (max !== null && value > max))
      problems.push({ linkId: item.linkId, kind: "range", min, max });
  }
  return problems;
}
