import { describe, expect, it } from "vitest";
import { DISCHARGE_REASONS } from "../participants/episodes.schema";
import {
  checkDischarge,
  currentObjectiveStatuses,
  deriveAttendanceTrend,
  deriveReadiness,
  type ReadinessFacts,
  tedsReasonCode,
  tedsServiceCode,
} from "./discharges.rules";
import type { DischargeInput } from "./discharges.schema";

describe("TEDS-D reason codes (PUF recodes)", () => {
  it.each([
    ["completed", 1],
    ["left_against_advice", 2],
    ["administrative", 3],
    ["transferred", 4],
    ["incarcerated", 5],
    ["died", 6],
    ["other", 7],
  ] as const)("%s is REASON %i", (reason, code) => {
    expect(tedsReasonCode(reason)).toBe(code);
  });

  it("maps every discharge reason to a distinct code", () => {
    expect(new Set(DISCHARGE_REASONS.map(tedsReasonCode)).size).toBe(DISCHARGE_REASONS.length);
  });
});

describe("TEDS-D SERVICES_D for the level of care at discharge", () => {
  it.each([
    ["2.1", 6],
    ["1", 7],
    ["1.0", 7],
    ["1.5", 7],
    ["2.5", null],
    ["3.5", null],
    ["4.0", null],
    [null, null],
  ] as const)("level %s gives %s", (level, code) => {
    expect(tedsServiceCode(level)).toBe(code);
  });
});

const valid: DischargeInput = {
  dischargedOn: "2026-03-09",
  reason: "completed",
  levelOfCare: "2.1",
  referredLevelOfCare: "1.0",
  note: "",
  acknowledgeUnsignedNotes: false,
};
const context = { admittedOn: "2026-01-05", today: "2026-03-09" };

describe("checkDischarge", () => {
  it.each<[string, Partial<DischargeInput>, { path: string; message: RegExp }[]]>([
    ["a valid completed discharge today", {}, []],
    ["discharged on the admission day", { dischargedOn: "2026-01-05" }, []],
    [
      "before the admission",
      { dischargedOn: "2026-01-04" },
      [{ path: "dischargedOn", message: /before the admission on 2026-01-05/ }],
    ],
    [
      "tomorrow on the site's calendar",
      { dischargedOn: "2026-03-10" },
      [{ path: "dischargedOn", message: /future \(today is 2026-03-09/ }],
    ],
    ["an unknown level", { levelOfCare: "2.2" }, [{ path: "levelOfCare", message: /not a level of care/ }]],
    [
      "an unknown referred level",
      { referredLevelOfCare: "9" },
      [{ path: "referredLevelOfCare", message: /not a level of care/ }],
    ],
    ["a referral to no further care", { referredLevelOfCare: "none" }, []],
    [
      "a transfer without the referred level",
      { reason: "transferred", referredLevelOfCare: null },
      [{ path: "referredLevelOfCare", message: /transferred or referred to/ }],
    ],
    ["a transfer with the referred level", { reason: "transferred", referredLevelOfCare: "3.5" }, []],
    [
      "other without a note",
      { reason: "other", note: "  " },
      [{ path: "note", message: /why the episode ended/ }],
    ],
    ["other with a note", { reason: "other", note: "Moved out of state." }, []],
    ["completed without a referral", { referredLevelOfCare: null }, []],
  ])("%s", (_name, change, expected) => {
    const problems = checkDischarge({ ...valid, ...change }, context);
    expect(problems.map((p) => p.path)).toEqual(expected.map((e) => e.path));
    for (const [i, p] of problems.entries()) expect(p.message).toMatch(expected[i]!.message);
  });

  it("names every problem at once", () => {
    const problems = checkDischarge(
      { ...valid, dischargedOn: "2025-12-31", reason: "other", note: "", levelOfCare: "x" },
      context,
    );
    expect(problems.map((p) => p.path)).toEqual(["dischargedOn", "levelOfCare", "note"]);
  });
});

describe("deriveAttendanceTrend", () => {
  const w = (attendedMinutes: number) => ({ attendedMinutes, minimumMinutes: 540 });
  it.each([
    ["no weeks", [], "unknown"],
    ["one week", [w(540)], "unknown"],
    ["more each week", [w(300), w(400), w(540), w(600)], "rising"],
    ["less each week", [w(600), w(540), w(400), w(300)], "falling"],
    ["within 10% of the minimum", [w(540), w(500), w(560), w(500)], "steady"],
  ] as const)("%s → %s", (_name, weeks, trend) => {
    expect(deriveAttendanceTrend(weeks)).toBe(trend);
  });
});

const quiet: ReadinessFacts = {
  episodeId: "00000000-0000-4000-8000-000000000001",
  admittedOn: "2026-01-05",
  levelOfCare: "2.1",
  plan: {
    criteria: ["Attends 9 hours a week for 4 weeks", "Aftercare appointment booked"],
    objectives: [{ status: "met" }, { status: "met" }, { status: "discontinued" }, { status: "revised" }],
  },
  weeks: [
    { weekStart: "2026-02-09", attendedMinutes: 540, minimumMinutes: 540 },
    { weekStart: "2026-02-16", attendedMinutes: 600, minimumMinutes: 540 },
    { weekStart: "2026-02-23", attendedMinutes: 540, minimumMinutes: 540 },
    { weekStart: "2026-03-02", attendedMinutes: 570, minimumMinutes: 540 },
  ],
  scores: [
    { instrumentKey: "phq9", score: 5, band: "mild", on: "2026-03-02", change: -9, status: "recovered" },
  ],
  openUrgentAlerts: 0,
  useDays: [],
  criticalAnswers: 0,
  unsignedNotes: [],
};

describe("deriveReadiness", () => {
  it("a person who met every objective and the weekly minimum, with no risks, raises no concern", () => {
    const readiness = deriveReadiness(quiet);
    expect(readiness.concerns).toEqual([]);
    expect(readiness.objectives).toEqual({ met: 2, total: 2 });
    expect(readiness.attendance).toMatchObject({ weeksMet: 4, trend: "steady" });
    expect(readiness.plan).toEqual({ signed: true, criteria: quiet.plan!.criteria });
  });

  it.each<[string, Partial<ReadinessFacts>, string[]]>([
    ["no signed plan", { plan: null }, ["no_signed_plan"]],
    [
      "an objective in progress",
      { plan: { criteria: [], objectives: [{ status: "met" }, { status: "in_progress" }] } },
      ["objectives_open"],
    ],
    [
      "a week under the minimum",
      { weeks: [{ weekStart: "2026-03-02", attendedMinutes: 300, minimumMinutes: 540 }] },
      ["attendance_below_minimum"],
    ],
    [
      "a score reliably worse",
      {
        scores: [
          {
            instrumentKey: "gad7",
            score: 15,
            band: null,
            on: "2026-03-02",
            change: 6,
            status: "deteriorated",
          },
        ],
      },
      ["scores_worse"],
    ],
    ["an open urgent alert", { openUrgentAlerts: 1 }, ["open_urgent_alerts"]],
    ["use reported in the last 14 days", { useDays: ["2026-03-01"] }, ["recent_use"]],
    ["a critical answer", { criticalAnswers: 2 }, ["critical_answers"]],
    [
      "an unsigned note",
      {
        unsignedNotes: [
          {
            id: "00000000-0000-4000-8000-000000000002",
            kind: "group",
            sessionDate: "2026-03-05",
            author: "Alex Kim",
            status: "draft",
          },
        ],
      },
      ["unsigned_notes"],
    ],
  ])("%s", (_name, change, concerns) => {
    expect(deriveReadiness({ ...quiet, ...change }).concerns).toEqual(concerns);
  });

  it("counts only met objectives among those still counted", () => {
    const readiness = deriveReadiness({
      ...quiet,
      plan: {
        criteria: [],
        objectives: [
          { status: "met" },
          { status: "not_started" },
          { status: "in_progress" },
          { status: "revised" },
        ],
      },
    });
    expect(readiness.objectives).toEqual({ met: 1, total: 3 });
  });
});

describe("currentObjectiveStatuses", () => {
  it("takes the latest signed review's progress over the plan's status, objective by objective", () => {
    expect(
      currentObjectiveStatuses(
        [
          { id: "a", status: "in_progress" },
          { id: "b", status: "not_started" },
        ],
        [{ objectiveId: "a", status: "met" }],
      ),
    ).toEqual([
      { id: "a", status: "met" },
      { id: "b", status: "not_started" },
    ]);
  });
});
