import type { Observation } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { givenResponse, instrument, patientReference, validateR4 } from "./fhir-testing";
import { SCORE_CODE_SYSTEM, toScoreObservations } from "./observation.fhir";

const RESPONSE_ID = "7d1c4a52-0b7e-4f36-9a43-5f2d6c1e8b90";

function observationsFor(key: string, answers: Record<string, number | boolean>) {
  const observations = toScoreObservations(givenResponse(key, answers), instrument(key).definition, {
    patientReference,
  });
  return { observations, issues: observations.flatMap(validateR4) };
}

const codeOf = (o: Observation) => o.code.coding?.[0];
const byCode = (observations: Observation[]) =>
  Object.fromEntries(observations.map((o) => [codeOf(o)?.code, o.valueQuantity?.value]));

const allAnswered = (ids: readonly string[], value: number | boolean) =>
  Object.fromEntries(ids.map((id) => [id, value]));
const numbered = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

describe("toScoreObservations", () => {
  it("maps a PHQ-9 total to a valid final survey Observation with its LOINC code, band and source response", () => {
    const { observations, issues } = observationsFor("phq9", {
      ...allAnswered(numbered(9), 1),
      "4": 3,
      "9": 2,
    });
    expect(issues).toEqual([]);
    expect(observations).toEqual([
      {
        resourceType: "Observation",
        id: `${RESPONSE_ID}-total`,
        status: "final",
        category: [
          {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/observation-category",
                code: "survey",
                display: "Survey",
              },
            ],
          },
        ],
        code: { coding: [{ system: "http://loinc.org", code: "44261-6" }] },
        subject: patientReference,
        effectiveDateTime: "2025-03-09",
        issued: "2025-03-10T14:30:00.000Z",
        derivedFrom: [{ reference: `QuestionnaireResponse/${RESPONSE_ID}` }],
        valueQuantity: { value: 12, unit: "{score}", system: "http://unitsofmeasure.org", code: "{score}" },
        interpretation: [
          {
            coding: [{ system: "https://bridgeway.example/fhir/CodeSystem/phq9-band", code: "moderate" }],
            text: "moderate (10–14)",
          },
        ],
      },
    ]);
  });

  // Clinical reference §2.3: public code often swaps the AUDIT and AUDIT-C totals or uses the panel.
  it.each([
    { key: "audit", items: numbered(10), total: "75624-7", panel: "72110-0" },
    { key: "audit_c", items: numbered(3), total: "75626-2", panel: "72109-2" },
    { key: "phq9", items: numbered(9), total: "44261-6", panel: "44249-1" },
    { key: "gad7", items: numbered(7), total: "70274-6", panel: "69737-5" },
  ])("codes the $key total $total (never the panel $panel)", ({ key, items, total, panel }) => {
    const { observations, issues } = observationsFor(key, allAnswered(items, 0));
    expect(issues).toEqual([]);
    expect(observations.find((o) => o.id?.endsWith("-total"))?.code).toEqual({
      coding: [{ system: "http://loinc.org", code: total }],
    });
    expect(JSON.stringify(observations)).not.toContain(panel);
  });

  it("gives the BAM one Observation per subscale, with Bridgeway codes and no total", () => {
    const answers = {
      ...allAnswered(["1", "2", "3", "8", "11", "15"], 2),
      ...allAnswered(["9", "10", "12", "13", "16"], 3),
      "14": 4,
      "4": 1,
      "5": 1,
      "6": 0,
    };
    const { observations, issues } = observationsFor("bam", answers);
    expect(issues).toEqual([]);
    expect(observations.map(codeOf)).toEqual([
      { system: SCORE_CODE_SYSTEM, code: "bam-use" },
      { system: SCORE_CODE_SYSTEM, code: "bam-risk" },
      { system: SCORE_CODE_SYSTEM, code: "bam-protective" },
    ]);
    expect(byCode(observations)).toEqual({ "bam-use": 2, "bam-risk": 12, "bam-protective": 19 });
    expect(
      observations.every((o) => o.derivedFrom?.[0]?.reference === `QuestionnaireResponse/${RESPONSE_ID}`),
    ).toBe(true);
  });

  it("leaves out a BAM subscale that could not be scored", () => {
    const { observations } = observationsFor("bam", { "4": 0, "6": 0 });
    expect(byCode(observations)).toEqual({ "bam-use": 0 });
  });

  it("maps the PCL-5 total with its LOINC code and the four symptom clusters, with ids FHIR allows", () => {
    const { observations, issues } = observationsFor("pcl5", {
      ...allAnswered(numbered(20), 1),
      "1": 4,
      "20": 3,
    });
    expect(issues).toEqual([]);
    expect(byCode(observations)).toEqual({
      "101698-9": 25,
      "pcl5-cluster_b": 8,
      "pcl5-cluster_c": 2,
      "pcl5-cluster_d": 7,
      "pcl5-cluster_e": 8,
    });
    expect(observations.map((o) => o.id)).toContain(`${RESPONSE_ID}-cluster-b`);
  });

  it("codes the WHO-5 raw total and percentage with Bridgeway codes (no verified LOINC code)", () => {
    const { observations, issues } = observationsFor("who5", allAnswered(numbered(5), 2));
    expect(issues).toEqual([]);
    expect(byCode(observations)).toEqual({ "who5-total": 10, "who5-percentage": 40 });
    expect(observations[0]?.interpretation?.[0]).toEqual({
      coding: [{ system: "https://bridgeway.example/fhir/CodeSystem/who5-band", code: "poor_wellbeing" }],
      text: "poor wellbeing (0–12)",
    });
  });

  it("gives the ASQ result, which has no total, as a coded Observation", () => {
    const { observations, issues } = observationsFor("asq", {
      "1": false,
      "2": true,
      "3": false,
      "4": false,
      "5": true,
    });
    expect(issues).toEqual([]);
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({
      code: { coding: [{ system: SCORE_CODE_SYSTEM, code: "asq-result" }] },
      valueCodeableConcept: {
        coding: [{ system: "https://bridgeway.example/fhir/CodeSystem/asq-band", code: "acute_positive" }],
        text: "acute positive",
      },
    });
    expect(observations[0]?.valueQuantity).toBeUndefined();
  });

  it("maps each readiness ruler answered as its own Observation", () => {
    const { observations, issues } = observationsFor("readiness", { importance: 7, readiness: 4 });
    expect(issues).toEqual([]);
    expect(byCode(observations)).toEqual({ "readiness-importance": 7, "readiness-readiness": 4 });
  });

  it("gives no Observation for a response that could not be scored", () => {
    const { observations } = observationsFor("phq9", { ...allAnswered(numbered(8), 1) });
    expect(observations).toEqual([]);
  });

  it("refuses an instrument definition other than the one that scored the response", () => {
    expect(() =>
      toScoreObservations(givenResponse("gad7", allAnswered(numbered(7), 0)), instrument("phq9").definition, {
        patientReference,
      }),
    ).toThrow(/not phq9/);
  });
});
