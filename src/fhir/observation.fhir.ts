import type { CodeableConcept, Coding, Observation, Patient, Reference } from "@medplum/fhirtypes";
import type { InstrumentDefinition } from "../core/assessments/instrument";
import { DomainError } from "../core/platform/errors";
import type { ResponseRow } from "../server/assessments/assessments.sql";

/**
 * The scores of a stored assessment response as R4 Observations (clinical reference §7.1): one for
 * the total, one per subscale (BAM use/risk/protective, PCL-5 clusters, readiness rulers, WHO-5
 * percentage). Each is `final`, category `survey`, derived from the response's QuestionnaireResponse
 * (same id), effective on the day the answers describe, with a `{score}` quantity.
 *
 * The total carries its LOINC code where the instrument has one (§2.3: the total, never the panel),
 * else a Bridgeway code `<key>-total`; subscales always carry Bridgeway codes `<key>-<subscale>`.
 * The band of the total is the interpretation. An instrument whose result is a band without a total
 * (ASQ: negative / positive / acute positive) gives one Observation `<key>-result` coded with that
 * band. A response that could not be scored gives none.
 */

export const LOINC_SYSTEM = "http://loinc.org";
export const UCUM_SYSTEM = "http://unitsofmeasure.org";
export const OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
/** Bridgeway's codes for scores that have no LOINC code. */
export const SCORE_CODE_SYSTEM = "https://bridgeway.example/fhir/CodeSystem/score";

/** The code system of an instrument's bands, e.g. `…/CodeSystem/phq9-band`. */
export function bandCodeSystem(instrumentKey: string): string {
  return `https://bridgeway.example/fhir/CodeSystem/${instrumentKey}-band`;
}

/** The columns of a stored response that its score Observations carry. */
export type ResponseForObservations = Pick<
  ResponseRow,
  | "id"
  | "instrumentKey"
  | "questionnaireUrl"
  | "questionnaireVersion"
  | "completedOn"
  | "submittedAt"
  | "scored"
  | "total"
  | "band"
  | "subscales"
>;

export function toScoreObservations(
  row: ResponseForObservations,
  definition: Pick<InstrumentDefinition, "key" | "url" | "version" | "loinc" | "bands">,
  { patientReference }: { patientReference: Reference<Patient> },
): Observation[] {
  if (
    definition.key !== row.instrumentKey ||
    definition.url !== row.questionnaireUrl ||
    definition.version !== row.questionnaireVersion
  )
    throw new DomainError(
      "INTERNAL",
      `Response ${row.id} was scored by ${row.instrumentKey} ${row.questionnaireUrl}|${row.questionnaireVersion}, not ${definition.key} ${definition.url}|${definition.version}.`,
    );
  if (!row.scored) return [];

  const observation = (suffix: string, code: Coding, value: Partial<Observation>): Observation => ({
    resourceType: "Observation",
    // Ids allow letters, digits, "-" and "."; subscale keys may hold "_" (PCL-5 `cluster_b`).
    id: `${row.id}-${suffix.replaceAll("_", "-")}`,
    status: "final",
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: "survey", display: "Survey" }] }],
    code: { coding: [code] },
    subject: patientReference,
    effectiveDateTime: row.completedOn,
    issued: row.submittedAt.toISOString(),
    derivedFrom: [{ reference: `QuestionnaireResponse/${row.id}` }],
    ...value,
  });
  const bridgewayCode = (name: string): Coding => ({
    system: SCORE_CODE_SYSTEM,
    code: `${definition.key}-${name}`,
  });
  const band = row.band === null ? null : bandConcept(definition, row.band);

  const observations: Observation[] = [];
  if (row.total !== null)
    observations.push(
      observation(
        "total",
        definition.loinc.total
          ? { system: LOINC_SYSTEM, code: definition.loinc.total }
          : bridgewayCode("total"),
        { valueQuantity: score(row.total), ...(band ? { interpretation: [band] } : {}) },
      ),
    );
  else if (band)
    observations.push(observation("result", bridgewayCode("result"), { valueCodeableConcept: band }));
  for (const [name, value] of Object.entries(row.subscales))
    observations.push(observation(name, bridgewayCode(name), { valueQuantity: score(value) }));
  return observations;
}

function score(value: number): NonNullable<Observation["valueQuantity"]> {
  return { value, unit: "{score}", system: UCUM_SYSTEM, code: "{score}" };
}

/** A band as a Bridgeway coding, its text the band in words with its range when it has one. */
function bandConcept(definition: Pick<InstrumentDefinition, "key" | "bands">, code: string): CodeableConcept {
  const words = code.replaceAll("_", " ");
  const range = definition.bands.find((b) => b.code === code);
  return {
    coding: [{ system: bandCodeSystem(definition.key), code }],
    text: range ? `${words} (${range.min}–${range.max})` : words,
  };
}
