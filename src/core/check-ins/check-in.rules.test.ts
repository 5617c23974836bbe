import { describe, expect, it } from "vitest";
import { EMPTY_RECOVERY_PLAN, EMPTY_SAFETY_PLAN } from "../personal-plans/personal-plan.schema";
import {
  type CheckInAnswers,
  computeStreak,
  daysWithoutCheckIn,
  deriveCheckInAlerts,
  deriveCheckInResponse,
  deriveYesterdayCheckIn,
  isCheckInMissing,
  isSameCheckIn,
  type ResponseContext,
  validateCheckInDay,
} from "./check-in.rules";
import { type CheckIn, checkInInputSchema, DEFAULT_CHECK_IN_SETTINGS } from "./check-in.schema";

const steady: CheckInAnswers = {
  checkedInOn: "2026-11-23",
  mood: 6,
  craving: 2,
  anyUse: false,
  triggers: [],
  skills: [],
  wantsToTalk: false,
  selfHarmThoughts: false,
  overdose: false,
};
const settings = DEFAULT_CHECK_IN_SETTINGS;

describe("the alerts a check-in raises", () => {
  it.each([
    ["nothing of note", {}, []],
    ["use", { anyUse: true }, [["check_in_use_reported", "warning"]]],
    ["craving at the threshold (8)", { craving: 8 }, [["check_in_high_craving", "warning"]]],
    ["craving just under it (7)", { craving: 7 }, []],
    ["mood at the threshold (2)", { mood: 2 }, [["check_in_low_mood", "warning"]]],
    ["mood just above it (3)", { mood: 3 }, []],
    ["wanting to talk", { wantsToTalk: true }, [["check_in_wants_to_talk", "info"]]],
    ["thoughts of self-harm", { selfHarmThoughts: true }, [["check_in_self_harm", "urgent"]]],
    ["an overdose", { overdose: true }, [["check_in_overdose", "urgent"]]],
    [
      "everything at once, most pressing first",
      { selfHarmThoughts: true, overdose: true, anyUse: true, craving: 10, mood: 0, wantsToTalk: true },
      [
        ["check_in_self_harm", "urgent"],
        ["check_in_overdose", "urgent"],
        ["check_in_use_reported", "warning"],
        ["check_in_high_craving", "warning"],
        ["check_in_low_mood", "warning"],
        ["check_in_wants_to_talk", "info"],
      ],
    ],
  ] as const)("%s", (_, change, expected) => {
    const alerts = deriveCheckInAlerts({ ...steady, ...change }, settings);
    expect(alerts.map((a) => [a.kind, a.severity])).toEqual(expected);
  });

  it("follows the program's thresholds, not fixed numbers", () => {
    const strict = { ...settings, cravingWarningAt: 5, moodWarningAt: 4 };
    expect(deriveCheckInAlerts({ ...steady, craving: 5, mood: 4 }, strict).map((a) => a.kind)).toEqual([
      "check_in_high_craving",
      "check_in_low_mood",
    ]);
  });

  it("says the day and the answer in plain words, and never the person's own text", () => {
    const [alert] = deriveCheckInAlerts({ ...steady, craving: 9, triggers: ["my cousin's party"] }, settings);
    expect(alert!.reason).toBe(
      "Craving 9 of 10 in the check-in for 2026-11-23 (the program's threshold is 8).",
    );
  });
});

const filledRecovery = {
  ...EMPTY_RECOVERY_PLAN,
  copingResponses: ["Walk the dog", "Text Sam"],
  peopleToCall: [{ name: "Sam", phone: "555 0100", note: "" }],
  reasonsForRecovery: ["My daughter"],
  highRiskSituations: [{ situation: "Payday", responses: ["Give my card to Sam"] }],
};
const filledSafety = {
  ...EMPTY_SAFETY_PLAN,
  warningSigns: ["Not sleeping"],
  thingsICanDo: ["Cold shower", "Music"],
  peopleToAsk: [{ name: "Aunt Rosa", phone: "", note: "" }],
};
const catalog = [
  { key: "grounding", name: "Grounding" },
  { key: "urge-surfing", name: "Urge surfing" },
];
const full: ResponseContext = {
  recoveryPlan: filledRecovery,
  safetyPlan: filledSafety,
  skillsCatalog: catalog,
};
const empty: ResponseContext = {
  recoveryPlan: EMPTY_RECOVERY_PLAN,
  safetyPlan: EMPTY_SAFETY_PLAN,
  skillsCatalog: [],
};

describe("the response after a check-in", () => {
  it.each([
    ["steady", {}, "steady", { plan: "recovery", section: "reasonsForRecovery", items: ["My daughter"] }],
    [
      "crisis comes first, pointing at the safety plan",
      { selfHarmThoughts: true, anyUse: true, craving: 10 },
      "crisis",
      { plan: "safety", section: "thingsICanDo", items: ["Cold shower", "Music"] },
    ],
    [
      "an overdose is a crisis too",
      { overdose: true },
      "crisis",
      { plan: "safety", section: "thingsICanDo", items: ["Cold shower", "Music"] },
    ],
    [
      "use points at their coping responses",
      { anyUse: true, craving: 9 },
      "use",
      { plan: "recovery", section: "copingResponses", items: ["Walk the dog", "Text Sam"] },
    ],
    [
      "a high craving after a trigger of theirs points at their own answer to it",
      { craving: 8, triggers: [" payday "] as string[] },
      "high_craving",
      { plan: "recovery", section: "highRiskSituations", items: ["Give my card to Sam"] },
    ],
    [
      "a high craving otherwise points at their coping list",
      { craving: 8 },
      "high_craving",
      { plan: "recovery", section: "copingResponses", items: ["Walk the dog", "Text Sam"] },
    ],
    [
      "low mood points at the people who help",
      { mood: 1 },
      "low_mood",
      { plan: "recovery", section: "peopleToCall", items: ["Sam (555 0100)"] },
    ],
    ["wanting to talk", { wantsToTalk: true }, "wants_to_talk", null],
  ] as const)("%s", (_, change, kind, planSection) => {
    const response = deriveCheckInResponse({ ...steady, ...change }, settings, full);
    expect(response.kind).toBe(kind);
    expect(response.planSection).toEqual(planSection);
  });

  it("shows crisis help and says the counselor was told after a critical answer", () => {
    const response = deriveCheckInResponse({ ...steady, overdose: true }, settings, full);
    expect(response).toMatchObject({ crisis: true, counselorTold: true });
  });

  it("tells the counselor nothing when the day was steady", () => {
    expect(deriveCheckInResponse(steady, settings, full)).toMatchObject({
      crisis: false,
      counselorTold: false,
    });
  });

  it("suggests urge surfing for a high craving when the curriculum teaches it", () => {
    const response = deriveCheckInResponse({ ...steady, craving: 9 }, settings, full);
    expect(response.skills).toEqual([{ key: "urge-surfing", name: "Urge surfing" }]);
  });

  it("suggests other skills when there is no urge surfing, today's own first", () => {
    const others = [
      { key: "a", name: "A" },
      { key: "b", name: "B" },
      { key: "c", name: "C" },
      { key: "d", name: "D" },
    ];
    const response = deriveCheckInResponse({ ...steady, craving: 9, skills: ["d"] }, settings, {
      ...full,
      skillsCatalog: others,
    });
    expect(response.skills.map((s) => s.key)).toEqual(["d", "a", "b"]);
  });

  it("falls back through the plan's sections, and to no section at all when the plan is empty", () => {
    const onlyPeople = { ...EMPTY_SAFETY_PLAN, peopleToAsk: [{ name: "Aunt Rosa", phone: "", note: "" }] };
    expect(
      deriveCheckInResponse({ ...steady, selfHarmThoughts: true }, settings, {
        ...empty,
        safetyPlan: onlyPeople,
      }).planSection,
    ).toEqual({ plan: "safety", section: "peopleToAsk", items: ["Aunt Rosa"] });
    for (const change of [{ selfHarmThoughts: true }, { anyUse: true }, { craving: 9 }, { mood: 0 }, {}]) {
      const response = deriveCheckInResponse({ ...steady, ...change }, settings, empty);
      expect(response.planSection).toBeNull();
      expect(response.skills).toEqual([]);
    }
  });
});

describe("the streak", () => {
  it.each([
    ["no check-ins", [], "2026-11-23", 0],
    ["today only", ["2026-11-23"], "2026-11-23", 1],
    ["yesterday only: today is not over", ["2026-11-22"], "2026-11-23", 1],
    ["three days to today", ["2026-11-21", "2026-11-22", "2026-11-23"], "2026-11-23", 3],
    ["a gap breaks it", ["2026-11-19", "2026-11-20", "2026-11-22", "2026-11-23"], "2026-11-23", 2],
    ["the day before yesterday only", ["2026-11-21"], "2026-11-23", 0],
    ["a future day is not counted", ["2026-11-24"], "2026-11-23", 0],
    ["across a month end", ["2026-10-31", "2026-11-01"], "2026-11-01", 2],
  ] as const)("%s", (_, days, today, expected) => {
    expect(computeStreak(days, today)).toBe(expected);
  });
});

describe("the day a check-in is for", () => {
  const now = new Date("2026-11-23T15:00:00Z");
  const codes = (checkedInOn: string, recordedAt: string, at = now) =>
    validateCheckInDay(checkedInOn, "2026-11-23", new Date(recordedAt), at, { maxQueuedDays: 7 }).map(
      (p) => `${p.code}:${p.field}`,
    );

  it.each([
    ["today, just now", "2026-11-23", "2026-11-23T14:59:00Z", []],
    ["queued seven days", "2026-11-16", "2026-11-16T20:00:00Z", []],
    ["queued eight days", "2026-11-15", "2026-11-15T20:00:00Z", ["CHECK_IN_TOO_OLD:checkedInOn"]],
    ["two days ahead", "2026-11-25", "2026-11-23T14:59:00Z", ["CHECK_IN_DATE_IN_FUTURE:checkedInOn"]],
    // 10:00 UTC on the 23rd is midnight of the 24th at UTC+14: the 24th has begun somewhere.
    ["tomorrow, begun somewhere", "2026-11-24", "2026-11-23T10:00:00Z", []],
    [
      "tomorrow, begun nowhere yet",
      "2026-11-24",
      "2026-11-23T09:59:00Z",
      ["CHECK_IN_DATE_IN_FUTURE:checkedInOn"],
    ],
    ["filled in within the clock skew", "2026-11-23", "2026-11-23T15:05:00Z", []],
    [
      "filled in later than now",
      "2026-11-23",
      "2026-11-23T15:06:00Z",
      ["CHECK_IN_RECORDED_IN_FUTURE:recordedAt"],
    ],
  ] as const)("%s", (_, day, recordedAt, expected) => {
    expect(codes(day, recordedAt)).toEqual(expected);
  });
});

describe("a check-in with a critical answer", () => {
  const now = new Date("2026-11-23T15:00:00Z");
  const codes = (checkedInOn: string, recordedAt: string) =>
    validateCheckInDay(checkedInOn, "2026-11-23", new Date(recordedAt), now, { maxQueuedDays: 7 }, true).map(
      (p) => p.code,
    );

  it("is never refused for its age: the alert goes out late rather than never", () => {
    expect(codes("2026-11-01", "2026-11-01T20:00:00Z")).toEqual([]);
  });

  it("is never refused for a phone clock running ahead", () => {
    expect(codes("2026-11-23", "2026-11-23T18:00:00Z")).toEqual([]);
  });

  it("still may not be dated days ahead (the day is kept as the person's)", () => {
    expect(codes("2026-11-26", "2026-11-23T14:00:00Z")).toEqual(["CHECK_IN_DATE_IN_FUTURE"]);
  });
});

describe("a missing check-in", () => {
  it.each([
    ["checked in yesterday", "2026-11-22", "2026-11-01", 0, false],
    ["last on Monday, Friday now: three days missed", "2026-11-16", "2026-11-01", 3, true],
    ["last on Tuesday, Friday now: two days missed", "2026-11-17", "2026-11-01", 2, false],
    ["never, admitted three days ago", null, "2026-11-17", 3, true],
    ["never, admitted today", null, "2026-11-20", 0, false],
    ["a check-in before this admission does not count", "2026-01-05", "2026-11-18", 2, false],
  ] as const)("%s", (_, last, admitted, days, missing) => {
    expect(daysWithoutCheckIn(last, admitted, "2026-11-20")).toBe(days);
    expect(isCheckInMissing(last, admitted, "2026-11-20", { missingDays: 3 })).toBe(missing);
  });
});

describe("yesterday's check-in in the caseload list", () => {
  it.each([
    ["none", [], "none"],
    ["a steady one", [{ anyUse: false, craving: 3 }], "checked_in"],
    ["a high craving", [{ anyUse: false, craving: 8 }], "high_craving"],
    [
      "use in any of the day's check-ins",
      [
        { anyUse: false, craving: 9 },
        { anyUse: true, craving: 1 },
      ],
      "use",
    ],
  ] as const)("%s", (_, checkIns, expected) => {
    expect(deriveYesterdayCheckIn(checkIns, settings)).toBe(expected);
  });
});

describe("a replay of the same check-in", () => {
  const input = checkInInputSchema.parse({
    idempotencyKey: "6f1c1d1e-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
    checkedInOn: "2026-11-23",
    recordedAt: "2026-11-23T14:58:00.000Z",
    mood: 6,
    craving: 2,
    anyUse: false,
    triggers: ["Payday"],
  });
  const stored: CheckIn = {
    ...input,
    id: 1,
    receivedAt: "2026-11-23T15:00:00.000Z",
    queuedOffline: false,
  };

  it.each([
    ["the same answers", {}, true],
    ["the same time written with an offset", { recordedAt: "2026-11-23T09:58:00-05:00" }, true],
    ["sent from the queue this time", { queuedOffline: true }, true],
    ["the page in another language", { language: "es" }, true],
    ["another mood", { mood: 5 }, false],
    ["another day", { checkedInOn: "2026-11-22" }, false],
    ["another trigger", { triggers: ["Friday"] }, false],
    ["another time filled in", { recordedAt: "2026-11-23T14:59:00.000Z" }, false],
  ] as const)("%s", (_, change, same) => {
    expect(isSameCheckIn(stored, { ...input, ...(change as Partial<typeof input>) })).toBe(same);
  });
});
