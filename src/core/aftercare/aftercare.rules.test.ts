import { describe, expect, it } from "vitest";
import {
  chooseAftercareEpisode,
  decideSave,
  deriveAftercareStatus,
  findAftercareGaps,
  isSameContent,
  isSignatureOf,
} from "./aftercare.rules";
import { type AftercarePlanContent, aftercarePlanContentSchema } from "./aftercare-plan.schema";

const plan = (over: Record<string, unknown>): AftercarePlanContent => aftercarePlanContentSchema.parse(over);

/** A plan with nothing missing, to take one part away at a time. */
const complete = {
  stepDown: {
    kind: "other_provider",
    providerName: "Eastside Counseling",
    phone: "555-0100",
    appointmentOn: "2026-12-01",
    appointmentTime: "10:00",
    confirmed: true,
  },
  meetings: [{ kind: "aa", name: "Tuesday Night Group", weekday: "tuesday" }],
  housing: { kind: "own_home" },
  medication: {
    medications: "Buprenorphine 16 mg daily",
    prescriberName: "Dr. Ana Ruiz",
    nextAppointmentOn: "2026-12-03",
  },
  supports: [{ name: "Sam", relationship: "sponsor", sponsor: true }],
  includeSafetyPlan: true,
  goals: "Go to a meeting every week and call Sam on Fridays.",
};
const withSafety = { safetyPlanHasContent: true };
const codes = (content: AftercarePlanContent, facts = withSafety) => {
  const gaps = findAftercareGaps(content, facts);
  return {
    blocking: gaps.blocking.map((g) => `${g.code}@${g.path}`),
    advisory: gaps.advisory.map((g) => `${g.code}@${g.path}`),
  };
};

describe("findAftercareGaps", () => {
  it("finds nothing missing in a complete plan", () => {
    expect(codes(plan(complete))).toEqual({ blocking: [], advisory: [] });
  });

  it("lists every part of an empty plan, with only the step-down decision blocking", () => {
    expect(codes(plan({}), { safetyPlanHasContent: false })).toEqual({
      blocking: ["step_down_missing@stepDown"],
      advisory: [
        "meetings_missing@meetings",
        "housing_missing@housing",
        "supports_missing@supports",
        "crisis_plan_empty@includeSafetyPlan",
        "goals_missing@goals",
      ],
    });
  });

  it.each([
    ["no step-down decision", { stepDown: null }, ["step_down_missing@stepDown"], []],
    [
      "another provider with no name",
      { stepDown: { ...complete.stepDown, providerName: "" } },
      [],
      ["step_down_provider_missing@stepDown.providerName"],
    ],
    [
      "a provider but no appointment date",
      { stepDown: { ...complete.stepDown, appointmentOn: null, confirmed: false } },
      [],
      ["step_down_appointment_missing@stepDown.appointmentOn"],
    ],
    [
      "an appointment not yet confirmed",
      { stepDown: { ...complete.stepDown, confirmed: false } },
      [],
      ["step_down_unconfirmed@stepDown.confirmed"],
    ],
    [
      "another provider with neither phone nor address",
      { stepDown: { ...complete.stepDown, phone: "", address: "" } },
      [],
      ["step_down_contact_missing@stepDown.phone"],
    ],
    [
      "outpatient here needs no provider name or contact",
      {
        stepDown: { kind: "outpatient_here", providerName: "", appointmentOn: "2026-12-01", confirmed: true },
      },
      [],
      [],
    ],
    [
      "no further service is a decision, with nothing else to fill",
      { stepDown: { kind: "none", providerName: "" } },
      [],
      [],
    ],
    ["no meetings", { meetings: [] }, [], ["meetings_missing@meetings"]],
    ["no housing", { housing: null }, [], ["housing_missing@housing"]],
    ["homeless", { housing: { kind: "homeless" } }, [], ["housing_unstable@housing.kind"]],
    ["temporary housing", { housing: { kind: "temporary" } }, [], ["housing_unstable@housing.kind"]],
    ["sober living is stable", { housing: { kind: "sober_living", name: "Oak House" } }, [], []],
    [
      "medications with no prescriber",
      { medication: { ...complete.medication, prescriberName: "" } },
      [],
      ["medication_prescriber_missing@medication.prescriberName"],
    ],
    [
      "medications with no next appointment",
      { medication: { ...complete.medication, nextAppointmentOn: null } },
      [],
      ["medication_appointment_missing@medication.nextAppointmentOn"],
    ],
    ["no medications at all", { medication: null }, [], []],
    ["no support person", { supports: [] }, [], ["supports_missing@supports"]],
    [
      "the safety plan left out",
      { includeSafetyPlan: false },
      [],
      ["crisis_plan_not_included@includeSafetyPlan"],
    ],
    ["no goals in their words", { goals: "   " }, [], ["goals_missing@goals"]],
  ])("%s", (_title, over, blocking, advisory) => {
    expect(codes(plan({ ...complete, ...over }))).toEqual({ blocking, advisory });
  });

  it("says the crisis plan is empty when the safety plan has no lines", () => {
    expect(codes(plan(complete), { safetyPlanHasContent: false }).advisory).toEqual([
      "crisis_plan_empty@includeSafetyPlan",
    ]);
  });

  it("gives each gap a plain message", () => {
    const gaps = findAftercareGaps(plan({}), { safetyPlanHasContent: false });
    for (const g of [...gaps.blocking, ...gaps.advisory]) expect(g.message).toMatch(/^[A-Z].+\.$/);
  });
});

describe("isSignatureOf", () => {
  const record = { givenName: "María José", familyName: "García López" };
  it.each([
    ["the exact name", "María José García López", true],
    ["in lower case", "maría josé garcía lópez", true],
    ["in capitals with extra spaces", "  MARÍA   JOSÉ GARCÍA  LÓPEZ ", true],
    ["with the spaces left out", "MaríaJoséGarcíaLópez", true],
    ["decomposed accents (a phone keyboard)", "Mari\u0301a Jose\u0301 Garci\u0301a Lo\u0301pez", true],
    ["the given name only", "María José", false],
    ["the family name first", "García López María José", false],
    ["another person", "Casey Morgan", false],
    ["nothing typed", "   ", false],
  ])("%s → %s", (_title, typed, expected) => {
    expect(isSignatureOf(typed, record)).toBe(expected);
  });
});

describe("chooseAftercareEpisode", () => {
  const open = { id: "open", admittedOn: "2026-10-01", dischargedOn: null };
  const old = { id: "old", admittedOn: "2025-01-01", dischargedOn: "2025-03-01" };
  const recent = { id: "recent", admittedOn: "2026-09-01", dischargedOn: "2026-11-01" };
  it.each([
    ["the open episode", [old, open], "2026-11-20", "open"],
    ["the open episode over a recent discharge (re-admitted)", [recent, open], "2026-11-20", "open"],
    ["a discharge today", [recent], "2026-11-01", "recent"],
    ["29 days after discharge", [recent], "2026-11-30", "recent"],
    ["30 days after discharge: too late", [recent], "2026-12-01", null],
    ["across a year end", [{ ...recent, dischargedOn: "2026-12-20" }], "2027-01-18", "recent"],
    ["the latest discharge, not an older one", [old, recent], "2026-11-10", "recent"],
    ["only an old discharge", [old], "2026-11-10", null],
    ["no episodes", [], "2026-11-10", null],
  ])("%s", (_title, episodes, today, expected) => {
    expect(chooseAftercareEpisode(episodes, today)?.id ?? null).toBe(expected);
  });
});

describe("deriveAftercareStatus", () => {
  const at = new Date("2026-11-20T15:00:00Z");
  it.each([
    ["nobody signed", null, null, "draft"],
    ["only the participant", at, null, "draft"],
    ["only the clinician", null, at, "draft"],
    ["both", at, at, "signed"],
  ] as const)("%s → %s", (_title, participantSignedAt, staffSignedAt, expected) => {
    expect(deriveAftercareStatus({ participantSignedAt, staffSignedAt })).toBe(expected);
  });
});

describe("decideSave", () => {
  const at = new Date("2026-11-20T15:00:00Z");
  const none = { participantSignedAt: null, staffSignedAt: null };
  it.each([
    [
      "from an older version",
      { currentVersion: 3, baseVersion: 2, changed: true, signatures: none },
      { kind: "conflict" },
    ],
    [
      "from a newer version than exists",
      { currentVersion: 3, baseVersion: 4, changed: true, signatures: none },
      { kind: "conflict" },
    ],
    [
      "nothing changed",
      { currentVersion: 3, baseVersion: 3, changed: false, signatures: none },
      { kind: "unchanged" },
    ],
    [
      "the first save",
      { currentVersion: 0, baseVersion: 0, changed: true, signatures: none },
      { kind: "save", version: 1, clearsSignatures: false },
    ],
    [
      "a change to an unsigned plan",
      { currentVersion: 3, baseVersion: 3, changed: true, signatures: none },
      { kind: "save", version: 4, clearsSignatures: false },
    ],
    [
      "a change after the participant signed",
      {
        currentVersion: 3,
        baseVersion: 3,
        changed: true,
        signatures: { participantSignedAt: at, staffSignedAt: null },
      },
      { kind: "save", version: 4, clearsSignatures: true },
    ],
    [
      "a change after both signed",
      {
        currentVersion: 3,
        baseVersion: 3,
        changed: true,
        signatures: { participantSignedAt: at, staffSignedAt: at },
      },
      { kind: "save", version: 4, clearsSignatures: true },
    ],
    [
      "no change after both signed keeps the signatures",
      {
        currentVersion: 3,
        baseVersion: 3,
        changed: false,
        signatures: { participantSignedAt: at, staffSignedAt: at },
      },
      { kind: "unchanged" },
    ],
  ] as const)("%s", (_title, input, expected) => {
    expect(decideSave(input)).toEqual(expected);
  });
});

describe("isSameContent", () => {
  it("compares contents after the schema filled the defaults", () => {
    expect(isSameContent(plan({ goals: " Work " }), plan({ goals: "Work" }))).toBe(true);
    expect(isSameContent(plan({ goals: "Work" }), plan({ goals: "Rest" }))).toBe(false);
  });
});
