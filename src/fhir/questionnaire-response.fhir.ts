import type {
  Coding,
  Device,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
  RelatedPerson,
} from "@medplum/fhirtypes";
import type { AnswerValue } from "../core/assessments/instrument";
import {
  flattenItems,
  localized,
  ordinalOf,
  type Questionnaire,
  type QuestionnaireItem,
} from "../core/assessments/questionnaire";
import { DomainError, type FieldError } from "../core/platform/errors";
import type { ResponseRow } from "../server/assessments/assessments.sql";

/**
 * A stored assessment response as an R4 QuestionnaireResponse, and back.
 *
 * The stored answers are plain values by linkId (the ordinal of a coded option, a boolean, an
 * integer); the Questionnaire they answer gives them their FHIR shape: a coded option becomes the
 * option's own `valueCoding` (system, code, display), and the items are nested as the Questionnaire
 * nests them (groups kept, unanswered items and empty groups left out).
 */

/** The columns of a stored response that the QuestionnaireResponse carries. */
export type ResponseForQuestionnaireResponse = Pick<
  ResponseRow,
  "id" | "questionnaireUrl" | "questionnaireVersion" | "answers" | "language" | "mode" | "submittedAt"
>;

export type ResponseAuthor =
  | Device
  | Practitioner
  | PractitionerRole
  | Patient
  | RelatedPerson
  | Organization;

export interface QuestionnaireResponseReferences {
  patientReference: Reference<Patient>;
  /**
   * Who recorded the answers: the staff member for `staff` mode. Left out for `self` mode, the
   * patient is the author.
   */
  authorReference?: Reference<ResponseAuthor> | undefined;
}

export function toQuestionnaireResponse(
  row: ResponseForQuestionnaireResponse,
  questionnaire: Pick<Questionnaire, "url" | "version" | "item">,
  { patientReference, authorReference }: QuestionnaireResponseReferences,
): QuestionnaireResponse {
  if (questionnaire.url !== row.questionnaireUrl || questionnaire.version !== row.questionnaireVersion)
    throw new DomainError(
      "INTERNAL",
      `Response ${row.id} answers ${row.questionnaireUrl}|${row.questionnaireVersion}, not ${questionnaire.url}|${questionnaire.version}.`,
    );
  const known = new Set(flattenItems(questionnaire.item).map((i) => i.linkId));
  const unknown = Object.keys(row.answers).filter((linkId) => !known.has(linkId));
  if (unknown.length > 0)
    throw new DomainError(
      "INTERNAL",
      `Response ${row.id} answers items that ${row.questionnaireUrl}|${row.questionnaireVersion} does not have: ${unknown.join(", ")}.`,
    );

  const self = row.mode === "self";
  const author = authorReference ?? (self ? patientReference : undefined);
  const item = responseItems(questionnaire.item, row);
  return {
    resourceType: "QuestionnaireResponse",
    id: row.id,
    language: row.language,
    questionnaire: `${row.questionnaireUrl}|${row.questionnaireVersion}`,
    status: "completed",
    subject: patientReference,
    authored: row.submittedAt.toISOString(),
    ...(author ? { author } : {}),
    ...(self ? { source: patientReference } : {}),
    ...(item.length > 0 ? { item } : {}),
  };
}

function responseItems(
  items: readonly QuestionnaireItem[],
  row: ResponseForQuestionnaireResponse,
): QuestionnaireResponseItem[] {
  const result: QuestionnaireResponseItem[] = [];
  for (const item of items) {
    const text = localized(item.text, item._text, row.language);
    const children = responseItems(item.item ?? [], row);
    const value = row.answers[item.linkId];
    const answer = value === undefined ? [] : [answerOf(item, value, row.id)];
    if (answer.length === 0 && children.length === 0) continue;
    result.push({
      linkId: item.linkId,
      ...(text !== undefined ? { text } : {}),
      ...(answer.length > 0 ? { answer } : {}),
      ...(children.length > 0 ? { item: children } : {}),
    });
  }
  return result;
}

function answerOf(
  item: QuestionnaireItem,
  value: AnswerValue,
  responseId: string,
): QuestionnaireResponseItemAnswer {
  if (item.answerOption) {
    const option = item.answerOption.find((o) => ordinalOf(o) === value);
    if (typeof value !== "number" || !option)
      throw new DomainError(
        "INTERNAL",
        `Response ${responseId}: item ${item.linkId} has no option scored ${String(value)}.`,
      );
    const { system, code, display } = option.valueCoding;
    const coding: Coding = { ...(system ? { system } : {}), code, ...(display ? { display } : {}) };
    return { valueCoding: coding };
  }
  if (item.type === "boolean" && typeof value === "boolean") return { valueBoolean: value };
  if (item.type === "integer" && typeof value === "number" && Number.isInteger(value))
    return { valueInteger: value };
  throw new DomainError(
    "INTERNAL",
    `Response ${responseId}: item ${item.linkId} (${item.type}) cannot hold the answer ${String(value)}.`,
  );
}

/**
 * The plain answers of a QuestionnaireResponse to `questionnaire`, by linkId: a coded answer as its
 * option's ordinal value (matched on system and code), booleans and integers as they are. Items are
 * found by linkId wherever they are nested. Anything that does not fit the Questionnaire is refused
 * with `VALIDATION_FAILED`, naming the items.
 */
export function fromQuestionnaireResponse(
  response: QuestionnaireResponse,
  questionnaire: Pick<Questionnaire, "url" | "version" | "item">,
): Record<string, AnswerValue> {
  const [url, version] = (response.questionnaire ?? "").split("|");
  if (url !== questionnaire.url || (version !== undefined && version !== questionnaire.version))
    throw new DomainError(
      "VALIDATION_FAILED",
      `This response answers ${response.questionnaire ?? "no questionnaire"}, not ${questionnaire.url}|${questionnaire.version}.`,
      "questionnaire",
    );

  const byLinkId = new Map(flattenItems(questionnaire.item).map((i) => [i.linkId, i]));
  const answers: Record<string, AnswerValue> = {};
  const problems: FieldError[] = [];
  const visit = (items: readonly QuestionnaireResponseItem[]) => {
    for (const responseItem of items) {
      const { linkId } = responseItem;
      const item = byLinkId.get(linkId);
      if (!item) {
        problems.push({ path: linkId, message: `There is no item “${linkId}” in this questionnaire.` });
        continue;
      }
      const given = responseItem.answer ?? [];
      if (given.length > 1) problems.push({ path: linkId, message: "Give one answer to this item." });
      else if (given[0] && linkId in answers)
        problems.push({ path: linkId, message: "This item is answered twice." });
      else if (given[0]) {
        const value = answerValue(item, given[0]);
        if (value === undefined)
          problems.push({ path: linkId, message: "This answer does not fit the item (type or options)." });
        else answers[linkId] = value;
      }
      visit(responseItem.item ?? []);
      for (const answer of given) visit(answer.item ?? []);
    }
  };
  visit(response.item ?? []);
  if (problems.length > 0)
    throw new DomainError("VALIDATION_FAILED", "Some answers do not fit this questionnaire.", problems);
  return answers;
}

function answerValue(
  item: QuestionnaireItem,
  answer: QuestionnaireResponseItemAnswer,
): AnswerValue | undefined {
  if (item.answerOption) {
    const coding = answer.valueCoding;
    if (!coding) return undefined;
    const option = item.answerOption.find(
      (o) => o.valueCoding.code === coding.code && (o.valueCoding.system ?? null) === (coding.system ?? null),
    );
    return option ? (ordinalOf(option) ?? undefined) : undefined;
  }
  if (item.type === "boolean") return answer.valueBoolean;
  if (item.type === "integer") return answer.valueInteger;
  return undefined;
}
