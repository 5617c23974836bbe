import type {
  Bundle,
  CarePlan,
  Composition,
  EpisodeOfCare,
  Resource,
  ServiceRequest,
} from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { EMPTY_AFTERCARE_PLAN } from "../core/aftercare/aftercare-plan.schema";
import { PART2_STATEMENTS } from "../core/consents/statements";
import type { HandoffPacket } from "../server/handoffs/handoff-packet";
import { givenResponse, instrument, validateR4 } from "./fhir-testing";
import {
  ACT_CODE_SYSTEM,
  CONFIDENTIALITY_SYSTEM,
  REFRAIN_POLICY_NO_REDISCLOSURE,
  toReferralBundle,
} from "./referral-bundle.fhir";

const EPISODE = "3f6c2b1a-9d8e-4c7b-a6f5-0e1d2c3b4a59";
const PARTICIPANT = "0b9f3c0e-6a55-4f0e-8d0a-2f3b7d9c1a11";
const DOCUMENT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

function packet(overrides: Partial<HandoffPacket> = {}): HandoffPacket {
  return {
    categories: ["discharge_summary", "diagnosis", "treatment_plan", "medications", "assessment_scores"],
    participant: { id: PARTICIPANT, givenName: "Pat", familyName: "Paths", bornOn: "1990-05-04" },
    program: {
      name: "Bridgeway",
      siteName: "Riverside",
      phone: "(555) 010-4000",
      counselorName: "Casey Counselor",
    },
    episodeId: EPISODE,
    referral: {
      kind: "other_provider",
      levelOfCare: "1.0",
      providerName: "Harbor Outpatient Clinic",
      clinicianName: "Dr. Rivera",
      address: "410 Example Avenue",
      phone: "(555) 010-4420",
      appointmentOn: "2026-04-14",
      appointmentTime: "10:30",
      confirmed: true,
    },
    episode: {
      id: EPISODE,
      admittedOn: "2026-02-02",
      dischargedOn: "2026-03-28",
      dischargeReason: "completed",
      levelOfCare: "2.1",
      dischargeLevelOfCare: "2.1",
      referredLevelOfCare: "1.0",
    },
    dischargeSummary: {
      version: 1,
      signedAt: "2026-03-29T15:00:00.000Z",
      sections: { course: "Attended 24 of 26 sessions <with> progress & steady mood." },
    },
    diagnoses: [
      { code: "F10.20", title: "Alcohol use disorder, moderate", primary: true },
      { code: "F41.1", title: "Generalized anxiety disorder", primary: false },
    ],
    aftercarePlan: {
      version: 2,
      signedAt: "2026-03-27T18:00:00.000Z",
      content: {
        ...EMPTY_AFTERCARE_PLAN,
        meetings: [
          { kind: "aa", name: "Tuesday Big Book", weekday: "tuesday", time: "19:00", place: "St. Mark's" },
        ],
        supports: [{ name: "Jo", relationship: "sponsor", phone: "555", sponsor: true }],
        goals: "Keep going to meetings and call Jo when it gets hard.",
      },
    },
    safetyPlan: {
      warningSigns: ["Skipping meals"],
      thingsICanDo: ["Walk the dog"],
      peopleAndPlaces: [],
      peopleToAsk: [{ name: "Jo", phone: "555", note: "" }],
      professionals: [],
      saferSurroundings: [],
      reasonsForLiving: ["My kids"],
    },
    medication: {
      medications: "Naltrexone 50 mg daily",
      prescriberName: "Dr. Lee",
      prescriberPhone: "",
      nextAppointmentOn: "2026-04-20",
    },
    scores: [
      givenResponse("phq9", { "1": 1, "2": 1, "3": 1, "4": 1, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0 }),
    ],
    ...overrides,
  };
}

const build = (p: HandoffPacket = packet()) =>
  toReferralBundle({
    packet: p,
    statement: PART2_STATEMENTS.statement_1,
    scopeSummary: "Consent (named recipient) signed 2026-03-01. Recipient: Harbor Outpatient Clinic.",
    recipientName: "Harbor Outpatient Clinic",
    documentId: DOCUMENT,
    at: new Date("2026-04-01T15:00:00Z"),
    fhirBase: "https://bridgeway.example/fhir/R4",
    definitionOf: (key) => instrument(key).definition,
  });

const resources = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource!);

/** Every `reference` anywhere in a resource. */
function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k === "reference" && typeof v === "string") out.push(v);
      else referencesIn(v, out);
    }
  return out;
}

describe("the referral bundle", () => {
  it("is a valid R4 document bundle, and every resource in it is valid", () => {
    const bundle = build();
    expect(validateR4(bundle)).toEqual([]);
    for (const resource of resources(bundle))
      expect([resource.resourceType, validateR4(resource)]).toEqual([resource.resourceType, []]);
  });

  it("opens with a Composition and carries each part of the referral", () => {
    const bundle = build();
    expect(bundle.type).toBe("document");
    expect(bundle.identifier?.value).toBe(`urn:uuid:${DOCUMENT}`);
    expect(resources(bundle).map((r) => r.resourceType)).toEqual([
      "Composition",
      "Patient",
      "Organization",
      "ServiceRequest",
      "EpisodeOfCare",
      "Condition",
      "Condition",
      "CarePlan",
      "Observation",
    ]);
  });

  it("resolves every reference inside the bundle", () => {
    const bundle = build();
    const present = new Set(resources(bundle).map((r) => `${r.resourceType}/${r.id}`));
    const urls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
    for (const entry of bundle.entry ?? [])
      expect(
        urls.has(`https://bridgeway.example/fhir/R4/${entry.resource!.resourceType}/${entry.resource!.id}`),
      ).toBe(true);
    const refs = resources(bundle).flatMap((r) => referencesIn(r));
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !present.has(r))).toEqual([]);
  });

  it("carries the §2.32 Statement 1 as the Composition's first section, and labels every resource", () => {
    const bundle = build();
    const composition = resources(bundle)[0] as Composition;
    expect(composition.confidentiality).toBe("R");
    const notice = composition.section![0]!;
    expect(notice.title).toBe("Notice to the recipient (42 CFR 2.32)");
    const text = notice
      .text!.div.replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    expect(text).toContain(PART2_STATEMENTS.statement_1.replace(/\s+/g, " ").trim().replaceAll("&", "&amp;"));
    for (const r of [bundle as Resource, ...resources(bundle)]) {
      expect(r.meta?.security?.map((c) => `${c.system}|${c.code}`)).toEqual([
        `${CONFIDENTIALITY_SYSTEM}|R`,
        `${ACT_CODE_SYSTEM}|42CFRPart2`,
        `${ACT_CODE_SYSTEM}|${REFRAIN_POLICY_NO_REDISCLOSURE}`,
      ]);
    }
  });

  it("maps the episode, the referral and the aftercare plan with what the record holds", () => {
    const bundle = build();
    const episode = resources(bundle).find((r) => r.resourceType === "EpisodeOfCare") as EpisodeOfCare;
    expect(episode).toMatchObject({
      status: "finished",
      period: { start: "2026-02-02", end: "2026-03-28" },
      type: [{ coding: [{ code: "2.1" }] }],
    });
    const referral = resources(bundle).find((r) => r.resourceType === "ServiceRequest") as ServiceRequest;
    expect(referral).toMatchObject({
      status: "active",
      intent: "order",
      occurrenceDateTime: "2026-04-14",
      performer: [{ display: "Harbor Outpatient Clinic — Dr. Rivera" }],
      code: { coding: [{ code: "1.0" }] },
    });
    const plan = resources(bundle).find((r) => r.resourceType === "CarePlan") as CarePlan;
    expect(plan.text?.div).toContain("Tuesday Big Book");
    expect(plan.text?.div).toContain("Walk the dog");
    expect(plan.text?.div).toContain("988");
    const discharge = (resources(bundle)[0] as Composition).section!.find(
      (s) => s.title === "Episode of care",
    );
    expect(discharge?.text?.div).toContain("&lt;with&gt; progress &amp; steady mood");
    const medication = (resources(bundle)[0] as Composition).section!.find(
      (s) => s.title === "Medication continuity",
    );
    expect(medication?.text?.div).toContain("Naltrexone 50 mg daily");
  });

  it("carries only the referral, the patient and the program when the consent covers nothing else", () => {
    const bundle = build(
      packet({
        categories: ["diagnosis"],
        episode: null,
        dischargeSummary: null,
        diagnoses: [],
        aftercarePlan: null,
        safetyPlan: null,
        medication: null,
        scores: null,
      }),
    );
    expect(validateR4(bundle)).toEqual([]);
    expect(resources(bundle).map((r) => r.resourceType)).toEqual([
      "Composition",
      "Patient",
      "Organization",
      "ServiceRequest",
    ]);
  });

  it("survives a JSON round trip unchanged", () => {
    const bundle = build();
    const back = JSON.parse(JSON.stringify(bundle)) as Bundle;
    expect(back).toEqual(bundle);
    expect(validateR4(back)).toEqual([]);
  });
});
