import { describe, expect, it } from "vitest";
import {
  checkSkippedAnswers,
  flattenItems,
  isEnabled,
  localized,
  ORDINAL_VALUE_URL,
  ordinalOf,
  type QuestionnaireItem,
  questionnaireSchema,
  TRANSLATION_URL,
} from "./questionnaire";

const spanish = (content: string) => ({
  extension: [
    {
      url: TRANSLATION_URL,
      extension: [
        { url: "lang", valueCode: "es" },
        { url: "content", valueString: content },
      ],
    },
  ],
});
const option = (code: string, score: number) => ({
  valueCoding: { code, display: code },
  extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: score }],
});

const mood: QuestionnaireItem = {
  linkId: "mood",
  text: "How is your mood?",
  _text: spanish("¿Cómo está tu ánimo?"),
  type: "choice",
  answerOption: [option("low", 0), option("high", 3)],
};
const why: QuestionnaireItem = {
  linkId: "why",
  type: "boolean",
  text: "Any reason?",
  enableWhen: [{ question: "mood", operator: "=", answerCoding: { code: "high" } }],
};
const thoughts: QuestionnaireItem = {
  linkId: "thoughts",
  type: "boolean",
  text: "Thoughts?",
  enableWhen: [
    { question: "a", operator: "=", answerBoolean: true },
    { question: "b", operator: ">=", answerInteger: 2 },
  ],
  enableBehavior: "any",
};

describe("questionnaire helpers", () => {
  it("reads the Spanish text from the translation extension and falls back to the base text", () => {
    expect(localized(mood.text, mood._text, "es")).toBe("¿Cómo está tu ánimo?");
    expect(localized(mood.text, mood._text, "en")).toBe("How is your mood?");
    expect(localized("Only English", undefined, "es")).toBe("Only English");
  });

  it("reads an option's score from its ordinalValue extension", () => {
    expect(mood.answerOption?.map(ordinalOf)).toEqual([0, 3]);
    expect(ordinalOf({})).toBeNull();
  });

  it("applies enableWhen on coded, boolean and numeric answers, with all or any", () => {
    const byLinkId = new Map([mood, why].map((i) => [i.linkId, i]));
    expect(isEnabled(why, {}, byLinkId)).toBe(false);
    expect(isEnabled(why, { mood: 0 }, byLinkId)).toBe(false);
    expect(isEnabled(why, { mood: 3 }, byLinkId)).toBe(true);
    expect(isEnabled(thoughts, { a: false, b: 1 })).toBe(false);
    expect(isEnabled(thoughts, { a: true })).toBe(true);
    expect(isEnabled(thoughts, { b: 2 })).toBe(true);
    expect(isEnabled({ ...thoughts, enableBehavior: "all" }, { a: true, b: 1 })).toBe(false);
    expect(isEnabled(mood, {})).toBe(true);
  });

  it("flattens groups depth first and parses a minimal Questionnaire", () => {
    const group: QuestionnaireItem = { linkId: "g", type: "group", item: [mood, why] };
    expect(flattenItems([group, thoughts]).map((i) => i.linkId)).toEqual(["g", "mood", "why", "thoughts"]);
    const parsed = questionnaireSchema.safeParse({
      resourceType: "Questionnaire",
      url: "https://bridgeway.example/fhir/Questionnaire/x",
      version: "1.0.0",
      title: "X",
      status: "active",
      item: [group],
    });
    expect(parsed.success).toBe(true);
    expect(questionnaireSchema.safeParse({ resourceType: "Questionnaire", item: [] }).success).toBe(false);
  });
});

describe("checkSkippedAnswers", () => {
  it("refuses an answer to a question whose condition is not met, and nothing else", () => {
    const questionnaire = { item: [mood, why] };
    expect(checkSkippedAnswers(questionnaire, { mood: 0, why: true })).toEqual([
      { path: "why", message: expect.stringContaining("leave it blank") },
    ]);
    expect(checkSkippedAnswers(questionnaire, { mood: 3, why: true })).toEqual([]);
    expect(checkSkippedAnswers(questionnaire, { mood: 0 })).toEqual([]);
  });
});
