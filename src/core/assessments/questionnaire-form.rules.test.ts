import { describe, expect, it } from "vitest";
import { ORDINAL_VALUE_URL, type QuestionnaireItem } from "./questionnaire";
import {
  checkFormAnswers,
  deriveShownLinkIds,
  integerRangeOf,
  keepShownAnswers,
  MAX_VALUE_URL,
  MIN_VALUE_URL,
  questionsOf,
} from "./questionnaire-form.rules";

const option = (code: string, score: number) => ({
  valueCoding: { code, display: code },
  extension: [{ url: ORDINAL_VALUE_URL, valueInteger: score }],
});

const any: QuestionnaireItem = { linkId: "any", type: "boolean", text: "Any use?", required: true };
const days: QuestionnaireItem = {
  linkId: "days",
  type: "integer",
  text: "How many days?",
  required: true,
  extension: [
    { url: MIN_VALUE_URL, valueInteger: 1 },
    { url: MAX_VALUE_URL, valueInteger: 30 },
  ],
  enableWhen: [{ question: "any", operator: "=", answerBoolean: true }],
};
const craving: QuestionnaireItem = {
  linkId: "craving",
  type: "choice",
  text: "Craving?",
  required: true,
  answerOption: [option("none", 0), option("strong", 2)],
  enableWhen: [{ question: "days", operator: ">=", answerInteger: 3 }],
};
const followUp: QuestionnaireItem = {
  linkId: "follow",
  type: "group",
  enableWhen: [{ question: "craving", operator: "=", answerCoding: { code: "strong" } }],
  item: [{ linkId: "help", type: "boolean", text: "Want help?", required: true }],
};
const note: QuestionnaireItem = { linkId: "note", type: "display", text: "Thanks." };
const optional: QuestionnaireItem = { linkId: "mood", type: "integer", text: "Mood 0–10" };
const questionnaire = { item: [any, days, craving, followUp, note, optional] };

describe("questionnaire form rules", () => {
  it("lists the questions in the order shown, without groups or display text", () => {
    expect(questionsOf(questionnaire).map((i) => i.linkId)).toEqual([
      "any",
      "days",
      "craving",
      "help",
      "mood",
    ]);
  });

  it("shows an item only when its enableWhen and its group's are met", () => {
    expect([...deriveShownLinkIds(questionnaire, {})]).toEqual(["any", "note", "mood"]);
    expect(deriveShownLinkIds(questionnaire, { any: true, days: 5, craving: 2 })).toEqual(
      new Set(["any", "days", "craving", "follow", "help", "note", "mood"]),
    );
  });

  it("drops answers to hidden questions, following the chain an earlier answer hides", () => {
    expect(keepShownAnswers(questionnaire, { any: false, days: 5, craving: 2, help: true, mood: 4 })).toEqual(
      {
        any: false,
        mood: 4,
      },
    );
    expect(keepShownAnswers(questionnaire, { any: true, days: 2, craving: 2, help: true })).toEqual({
      any: true,
      days: 2,
    });
    expect(keepShownAnswers(questionnaire, { any: true, mood: undefined })).toEqual({ any: true });
  });

  it("reads an integer item's bounds from its minValue and maxValue extensions", () => {
    expect(integerRangeOf(days)).toEqual({ min: 1, max: 30 });
    expect(integerRangeOf(optional)).toEqual({ min: null, max: null });
  });

  it("names required questions shown but unanswered and numbers out of range, in order", () => {
    expect(checkFormAnswers(questionnaire, {})).toEqual([{ linkId: "any", kind: "required" }]);
    expect(checkFormAnswers(questionnaire, { any: true, days: 31 })).toEqual([
      { linkId: "days", kind: "range", min: 1, max: 30 },
      { linkId: "craving", kind: "required" },
    ]);
    expect(checkFormAnswers(questionnaire, { any: true, days: 4 })).toEqual([
      { linkId: "craving", kind: "required" },
    ]);
    expect(checkFormAnswers(questionnaire, { any: true, days: 4, craving: 2 })).toEqual([
      { linkId: "help", kind: "required" },
    ]);
    expect(checkFormAnswers(questionnaire, { any: false })).toEqual([]);
  });
});
