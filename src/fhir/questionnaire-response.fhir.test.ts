import type { QuestionnaireResponse, QuestionnaireResponseItem } from "@medplum/fhirtypes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstrumentItem } from "../core/assessments/instrument";
import { DomainError } from "../core/platform/errors";
import {
  catalog,
  givenResponse,
  instrument,
  patientReference,
  practitionerReference,
  validateR4,
} from "./fhir-testing";
import { fromQuestionnaireResponse, toQuestionnaireResponse } from "./questionnaire-response.fhir";

const phq9Answers = { "1": 1, "2": 2, "3": 0, "4": 3, "5": 1, "6": 0, "7": 2, "8": 1, "9": 2, difficulty: 1 };

/** Map a stored response, check it against R4, and read its answers back. */
function mapAndRead(key: string, answers: Record<string, number | boolean>) {
  const { questionnaire } = instrument(key);
  const qr = toQuestionnaireResponse(givenResponse(key, answers), questionnaire, { patientReference });
  return { qr, issues: validateR4(qr), readBack: fromQuestionnaireResponse(qr, questionnaire) };
}

const find = (items: QuestionnaireResponseItem[] | undefined, linkId: string) =>
  items?.find((i) => i.linkId === linkId);

describe("toQuestionnaireResponse", () => {
  it("maps a self-completed PHQ-9 to a valid, completed response that names its questionnaire version", () => {
    const { qr, issues, readBack } = mapAndRead("phq9", phq9Answers);
    expect(issues).toEqual([]);
    expect(qr).toMatchObject({
      resourceType: "QuestionnaireResponse",
      id: "7d1c4a52-0b7e-4f36-9a43-5f2d6c1e8b90",
      status: "completed",
      questionnaire: "https://bridgeway.example/fhir/Questionnaire/phq9|1.0.0",
      subject: patientReference,
      author: patientReference,
      source: patientReference,
      authored: "2025-03-10T14:30:00.000Z",
      language: "en",
    });
    expect(readBack).toEqual(phq9Answers);
  });

  it("keeps the PHQ-9 items inside their group and codes item 9 with the option's LOINC answer", () => {
    const { qr } = mapAndRead("phq9", phq9Answers);
    expect(qr.item?.map((i) => i.linkId)).toEqual(["problems", "difficulty"]);
    const problems = find(qr.item, "problems");
    expect(problems?.answer).toBeUndefined();
    expect(problems?.item?.map((i) => i.linkId)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(find(problems?.item, "9")).toMatchObject({
      text: expect.stringMatching(/better off dead/),
      answer: [
        { valueCoding: { system: "http://loinc.org", code: "LA6570-1", display: "More than half the days" } },
      ],
    });
  });

  it("leaves out unanswered items and groups with nothing answered", () => {
    const { qr, issues, readBack } = mapAndRead("phq9", { difficulty: 0 });
    expect(issues).toEqual([]);
    expect(qr.item?.map((i) => i.linkId)).toEqual(["difficulty"]);
    expect(readBack).toEqual({ difficulty: 0 });
  });

  it("records a staff-entered response with the staff member as author and no patient source", () => {
    const { questionnaire } = instrument("phq9");
    const qr = toQuestionnaireResponse(givenResponse("phq9", phq9Answers, { mode: "staff" }), questionnaire, {
      patientReference,
      authorReference: practitionerReference,
    });
    expect(validateR4(qr)).toEqual([]);
    expect(qr.author).toEqual(practitionerReference);
    expect(qr.source).toBeUndefined();
  });

  it("gives the question text in the language the response was taken in", () => {
    const { questionnaire } = instrument("phq9");
    const qr = toQuestionnaireResponse(
      givenResponse("phq9", phq9Answers, { language: "es" }),
      questionnaire,
      {
        patientReference,
      },
    );
    expect(qr.language).toBe("es");
    expect(find(qr.item, "problems")?.text).toMatch(/^Durante las últimas 2 semanas/);
  });

  it("includes the ASQ acuity question only when it was asked and answered", () => {
    const positive = mapAndRead("asq", { "1": false, "2": true, "3": false, "4": false, "5": false });
    expect(positive.issues).toEqual([]);
    expect(find(positive.qr.item, "5")?.answer).toEqual([{ valueBoolean: false }]);
    expect(positive.readBack).toEqual({ "1": false, "2": true, "3": false, "4": false, "5": false });

    const negative = mapAndRead("asq", { "1": false, "2": false, "3": false, "4": false });
    expect(negative.issues).toEqual([]);
    expect(negative.qr.item?.map((i) => i.linkId)).toEqual(["1", "2", "3", "4"]);
    expect(negative.readBack).toEqual({ "1": false, "2": false, "3": false, "4": false });
  });

  it("nests the BAM drug-class items 7A–7G in their group, coded without a system as the questionnaire codes them", () => {
    const answers = {
      ...Object.fromEntries(
        ["1", "2", "3", "4", "5", "6", "8", "9", "10", "11", "12", "13", "15", "16", "17"].map((id) => [
          id,
          1,
        ]),
      ),
      "14": 4,
      "7a": 2,
      "7c": 1,
    };
    const { qr, issues, readBack } = mapAndRead("bam", answers);
    expect(issues).toEqual([]);
    const group = find(qr.item, "7");
    expect(group?.answer).toBeUndefined();
    expect(group?.item?.map((i) => i.linkId)).toEqual(["7a", "7c"]);
    expect(find(group?.item, "7a")?.answer).toEqual([
      { valueCoding: { code: "4-8-days", display: "4–8 days" } },
    ]);
    expect(readBack).toEqual(answers);
  });

  it("codes WHO-5 answers from the Bridgeway time code system inside the statements group", () => {
    const answers = { "1": 5, "2": 4, "3": 3, "4": 2, "5": 0 };
    const { qr, issues, readBack } = mapAndRead("who5", answers);
    expect(issues).toEqual([]);
    expect(find(find(qr.item, "statements")?.item, "1")?.answer).toEqual([
      {
        valueCoding: {
          system: "https://bridgeway.example/fhir/CodeSystem/who5-time",
          code: "all-of-the-time",
          display: "All of the time",
        },
      },
    ]);
    expect(readBack).toEqual(answers);
  });

  it("maps counts and rulers as integers (CRAFFT, readiness)", () => {
    const crafft = mapAndRead("crafft", { a1: 12, a2: 0, a3: 0, car: true, relax: false });
    expect(crafft.issues).toEqual([]);
    expect(find(crafft.qr.item, "a1")?.answer).toEqual([{ valueInteger: 12 }]);
    expect(crafft.readBack).toEqual({ a1: 12, a2: 0, a3: 0, car: true, relax: false });
  });

  it("round-trips any answers to any shipped instrument and always gives a valid resource", () => {
    for (const { definition } of catalog.values()) {
      fc.assert(
        fc.property(answersArbitrary(definition.items), (answers) => {
          const { issues, readBack } = mapAndRead(definition.key, answers);
          expect(issues).toEqual([]);
          expect(readBack).toEqual(answers);
        }),
        { numRuns: 25 },
      );
    }
  });

  it("refuses a stored value that no option of the item is scored with", () => {
    const { questionnaire } = instrument("phq9");
    const row = givenResponse("phq9", { ...phq9Answers, "9": 7 });
    expect(() => toQuestionnaireResponse(row, questionnaire, { patientReference })).toThrow(
      /item 9 has no option scored 7/,
    );
  });

  it("refuses an answer to an item the questionnaire does not have, and another questionnaire's content", () => {
    const phq9 = instrument("phq9").questionnaire;
    const stray = givenResponse("phq9", { ...phq9Answers, "10": 1 });
    expect(() => toQuestionnaireResponse(stray, phq9, { patientReference })).toThrow(/does not have: 10/);
    const gad7 = givenResponse("gad7", { "1": 1 });
    expect(() => toQuestionnaireResponse(gad7, phq9, { patientReference })).toThrow(DomainError);
  });
});

describe("the R4 validator these tests rely on", () => {
  it("refuses what R4 forbids: an item with both an answer and child items (qrs-1), an unknown element", () => {
    const { questionnaire } = instrument("phq9");
    const qr = toQuestionnaireResponse(givenResponse("phq9", phq9Answers), questionnaire, {
      patientReference,
    });
    const problems = find(qr.item, "problems");
    expect(
      validateR4({ ...qr, item: [{ ...problems, linkId: "problems", answer: [{ valueBoolean: true }] }] }),
    ).toEqual([expect.stringMatching(/qrs-1/)]);
    expect(validateR4({ ...qr, score: 12 } as QuestionnaireResponse)).toEqual([
      expect.stringMatching(/score/),
    ]);
  });
});

describe("fromQuestionnaireResponse", () => {
  const { questionnaire } = instrument("phq9");
  const response = (
    item: QuestionnaireResponseItem[],
    canonical = "https://bridgeway.example/fhir/Questionnaire/phq9|1.0.0",
  ): QuestionnaireResponse => ({
    resourceType: "QuestionnaireResponse",
    status: "completed",
    questionnaire: canonical,
    item,
  });
  const refusal = (qr: QuestionnaireResponse) => {
    try {
      fromQuestionnaireResponse(qr, questionnaire);
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, fields: error.fields };
      throw error;
    }
    throw new Error("expected a refusal");
  };

  it("reads answers by linkId wherever they are nested, and accepts a canonical without a version", () => {
    const qr = response(
      [{ linkId: "9", answer: [{ valueCoding: { system: "http://loinc.org", code: "LA6569-3" } }] }],
      "https://bridgeway.example/fhir/Questionnaire/phq9",
    );
    expect(fromQuestionnaireResponse(qr, questionnaire)).toEqual({ "9": 1 });
  });

  it("refuses a response to another questionnaire or version", () => {
    expect(refusal(response([], "https://bridgeway.example/fhir/Questionnaire/gad7|1.0.0"))).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [{ path: "questionnaire" }],
    });
    expect(refusal(response([], "https://bridgeway.example/fhir/Questionnaire/phq9|2.0.0")).code).toBe(
      "VALIDATION_FAILED",
    );
  });

  it("names each item whose answer does not fit: unknown item, unknown code, wrong type, two answers", () => {
    const loinc = (code: string) => ({ valueCoding: { system: "http://loinc.org", code } });
    const { code, fields } = refusal(
      response([
        { linkId: "42", answer: [{ valueBoolean: true }] },
        { linkId: "1", answer: [loinc("LA9999-9")] },
        { linkId: "2", answer: [{ valueCoding: { code: "LA6569-3" } }] },
        { linkId: "3", answer: [{ valueInteger: 1 }] },
        { linkId: "4", answer: [loinc("LA6569-3"), loinc("LA6570-1")] },
        { linkId: "5", answer: [loinc("LA6569-3")] },
        { linkId: "5", answer: [loinc("LA6569-3")] },
      ]),
    );
    expect(code).toBe("VALIDATION_FAILED");
    expect(fields?.map((f) => f.path)).toEqual(["42", "1", "2", "3", "4", "5"]);
  });
});

/** Any subset of an instrument's items, each with one of its allowed values. */
function answersArbitrary(items: readonly InstrumentItem[]) {
  const model = Object.fromEntries(
    items.map((item) => [
      item.linkId,
      item.kind === "ordinal"
        ? fc.constantFrom(...item.values)
        : item.kind === "boolean"
          ? fc.boolean()
          : fc.integer({ min: item.min, max: item.max }),
    ]),
  );
  return fc.record<Record<string, number | boolean>>(model, { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, number | boolean>
  >;
}
