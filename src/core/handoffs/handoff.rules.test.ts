import { describe, expect, it } from "vitest";
import type { ConsentFacts } from "../consents/consent.schema";
import { localDateIn } from "../treatment-plans/review-due.rules";
import {
  assessHandoffRecipient,
  firstAppointmentDueOn,
  handoffCategoriesOf,
  isSameProvider,
  isTaskOverdue,
  needsFirstAppointmentTask,
} from "./handoff.rules";

const signedAt = new Date("2026-03-01T15:00:00Z");
const RECIPIENT = "7a4f1f0e-3b8c-4e61-9d7e-2c1b0a9f8e7d";

function consent(overrides: Partial<ConsentFacts> = {}): ConsentFacts {
  return {
    id: "0b5f0c1e-4d1a-4b7e-8f36-1e2d3c4b5a69",
    kind: "named_recipient",
    patientName: "Pat Paths",
    disclosers: [{ type: "program", name: "Bridgeway IOP" }],
    informationScope: ["diagnosis", "treatment_plan", "discharge_summary"],
    informationDetail: "",
    recipients: [
      {
        id: RECIPIENT,
        kind: "organisation",
        name: "Harbor Outpatient Clinic",
        relationship: "step-down provider",
        email: "",
        coveredEntity: true,
        intermediaryParticipants: "",
        generalDesignationTreatingOnly: false,
        revokedAt: null,
      },
    ],
    purposes: ["care_coordination"],
    purposeDetail: "",
    expiresOn: "2027-01-01",
    expiryEvent: null,
    refusalConsequences: "",
    revocableAfter: null,
    requiredSigners: ["patient"],
    signatures: [{ role: "patient", signerName: "Pat Paths", signedAt }],
    status: "signed",
    signedAt,
    revokedAt: null,
    holdAt: null,
    materiallyFalseAt: null,
    ...overrides,
  };
}

const moment = (overrides: Partial<Parameters<typeof assessHandoffRecipient>[2]> = {}) => ({
  now: new Date("2026-04-01T15:00:00Z"),
  today: "2026-04-01",
  treatmentEndedOn: "2026-03-28",
  restrictedScopes: [],
  ...overrides,
});

describe("who may receive a referral packet", () => {
  it.each([
    ["a care-coordination consent naming the provider", {}, {}, true, [], []],
    [
      "a TPO consent",
      { kind: "tpo" as const, purposes: ["tpo" as const], refusalConsequences: "Care is not refused." },
      {},
      true,
      [],
      [],
    ],
    [
      "a family-involvement consent",
      { purposes: ["family_involvement" as const] },
      {},
      false,
      [],
      ["purpose_not_treatment"],
    ],
    [
      "a research consent",
      { kind: "research" as const, purposes: ["research" as const] },
      {},
      false,
      [],
      ["kind_not_for_referral"],
    ],
    [
      "a consent with family categories only",
      { informationScope: ["attendance_summary" as const] },
      {},
      false,
      [],
      ["no_clinical_scope"],
    ],
    ["a revoked consent", { revokedAt: new Date("2026-03-20T00:00:00Z") }, {}, false, ["revoked"], []],
    ["an expired consent", { expiresOn: "2026-03-31" }, {}, false, ["expired"], []],
  ])("%s", (_label, override, momentOverride, eligible, problems, reasons) => {
    const result = assessHandoffRecipient(consent(override), RECIPIENT, moment(momentOverride));
    expect(result.eligible).toBe(eligible);
    expect(result.problems).toEqual(problems);
    expect(result.reasons).toEqual(reasons);
  });

  it("withholds a restricted category and keeps the rest", () => {
    const result = assessHandoffRecipient(consent(), RECIPIENT, moment({ restrictedScopes: ["diagnosis"] }));
    expect(result).toMatchObject({
      eligible: true,
      categories: ["discharge_summary", "treatment_plan"],
      withheld: ["diagnosis"],
    });
  });

  it("refuses when every covered category is restricted", () => {
    const result = assessHandoffRecipient(
      consent({ informationScope: ["diagnosis"] }),
      RECIPIENT,
      moment({ restrictedScopes: ["diagnosis"] }),
    );
    expect(result.reasons).toEqual(["no_clinical_scope"]);
  });

  it("names a recipient the consent does not name", () => {
    const result = assessHandoffRecipient(consent(), "5c2e9d8b-1a0f-4e3d-8c7b-6a5f4e3d2c1b", moment());
    expect(result.problems).toContain("recipient_not_named");
  });

  it("reads every clinical category under entire_record, never counseling notes", () => {
    expect(handoffCategoriesOf({ informationScope: ["entire_record"] })).toEqual([
      "discharge_summary",
      "diagnosis",
      "treatment_plan",
      "medications",
      "assessment_scores",
    ]);
    expect(handoffCategoriesOf({ informationScope: ["counseling_notes"] })).toEqual([]);
  });
});

describe("the step-down provider's name", () => {
  it.each([
    ["Harbor Outpatient Clinic", "Harbor Outpatient Clinic", true],
    ["Harbor Outpatient Clinic", "harbor outpatient clinic, inc.", true],
    ["Harbor Outpatient Clinic", "Harbour Recovery Center", false],
    ["Clínica Puente", "Clinica Puente", true],
    ["Dr. Rivera at Harbor Outpatient Clinic", "Harbor Outpatient Clinic", true],
    ["Sam Sister", "Harbor Outpatient Clinic", false],
    ["Harbor", null, false],
  ])("%s vs %s → %s", (recipient, provider, same) => {
    expect(isSameProvider(recipient, provider)).toBe(same);
  });
});

describe("the first-appointment task", () => {
  it.each([
    ["2026-04-14", "2026-04-15"],
    ["2026-01-31", "2026-02-01"],
    ["2026-02-28", "2026-03-01"],
    ["2028-02-28", "2028-02-29"],
    ["2026-12-31", "2027-01-01"],
    // The US spring-forward (8 March 2026) and fall-back (1 November 2026) days are plain calendar days.
    ["2026-03-08", "2026-03-09"],
    ["2026-10-31", "2026-11-01"],
  ])("an appointment on %s is confirmed on %s", (appointmentOn, dueOn) => {
    expect(firstAppointmentDueOn(appointmentOn)).toBe(dueOn);
  });

  it.each([
    ["signed with an appointment", "signed", { kind: "other_provider", appointmentOn: "2026-04-14" }, true],
    ["a draft", "draft", { kind: "other_provider", appointmentOn: "2026-04-14" }, false],
    ["signed without a date", "signed", { kind: "outpatient_here", appointmentOn: null }, false],
    ["signed with no step-down", "signed", { kind: "none", appointmentOn: "2026-04-14" }, false],
  ])("%s", (_label, status, stepDown, needed) => {
    expect(needsFirstAppointmentTask({ status, stepDown })).toBe(needed);
  });

  it("is overdue only after its due day, on the site's calendar", () => {
    const task = { status: "open", dueOn: "2026-04-15" };
    // 02:30 UTC on 16 April is still 15 April in Los Angeles: not yet overdue there.
    const instant = new Date("2026-04-16T02:30:00Z");
    expect(isTaskOverdue(task, localDateIn(instant, "America/Los_Angeles"))).toBe(false);
    expect(isTaskOverdue(task, localDateIn(instant, "America/New_York"))).toBe(false);
    expect(isTaskOverdue(task, localDateIn(instant, "Europe/Madrid"))).toBe(true);
    expect(isTaskOverdue({ status: "done", dueOn: "2026-04-15" }, "2026-05-01")).toBe(false);
  });
});
