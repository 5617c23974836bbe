import { describe, expect, it } from "vitest";
import {
  computeResponseRates,
  deriveReengagement,
  deriveSweepAction,
  isFollowUpOpen,
  planFollowUps,
  reminderOpensAt,
  type SweepSurvey,
  sendOpensAt,
} from "./follow-up.rules";
import type { FollowUpAnswers } from "./follow-up.schema";
import { followUpAnswersCheckedSchema } from "./follow-up-api.schema";

describe("planFollowUps", () => {
  it.each([
    ["2026-01-31", ["2026-03-02", "2026-05-01", "2026-07-30"]],
    ["2028-01-31", ["2028-03-01", "2028-04-30", "2028-07-29"]],
    ["2026-12-15", ["2027-01-14", "2027-03-15", "2027-06-13"]],
    ["2027-12-31", ["2028-01-30", "2028-03-30", "2028-06-28"]],
    ["2026-02-28", ["2026-03-30", "2026-05-29", "2026-08-27"]],
  ])("a discharge on %s is followed up on %j", (dischargedOn, due) => {
    expect(planFollowUps(dischargedOn, "completed").map((p) => p.dueOn)).toEqual(due);
  });

  it("keeps each wave open for its window: 21 days for 30 and 90, 30 days for 180", () => {
    expect(planFollowUps("2026-01-31", "completed")).toEqual([
      { wave: 30, dueOn: "2026-03-02", closesOn: "2026-03-23" },
      { wave: 90, dueOn: "2026-05-01", closesOn: "2026-05-22" },
      { wave: 180, dueOn: "2026-07-30", closesOn: "2026-08-29" },
    ]);
  });

  it.each([
    "completed",
    "left_against_advice",
    "administrative",
    "transferred",
    "incarcerated",
    "other",
  ] as const)("schedules three waves after a %s discharge", (reason) =>
    expect(planFollowUps("2026-06-01", reason)).toHaveLength(3),
  );

  it("schedules nothing after a death", () => {
    expect(planFollowUps("2026-06-01", "died")).toEqual([]);
  });
});

describe("sendOpensAt (09:00 on the site's clock)", () => {
  it.each([
    ["2026-03-08", "America/New_York", "2026-03-08T13:00:00.000Z"], // DST starts at 02:00 that day
    ["2026-03-07", "America/New_York", "2026-03-07T14:00:00.000Z"],
    ["2026-11-01", "America/New_York", "2026-11-01T14:00:00.000Z"], // DST ends that day
    ["2026-10-31", "America/New_York", "2026-10-31T13:00:00.000Z"],
    ["2026-07-01", "America/Los_Angeles", "2026-07-01T16:00:00.000Z"],
    ["2026-07-01", "Pacific/Honolulu", "2026-07-01T19:00:00.000Z"],
    ["2026-07-01", "UTC", "2026-07-01T09:00:00.000Z"],
  ])("%s in %s opens at %s", (date, zone, iso) => {
    expect(sendOpensAt(date, zone).toISOString()).toBe(iso);
  });
});

describe("isFollowUpOpen", () => {
  it("accepts answers through the whole closing day in the site's zone", () => {
    // 23:30 on the closing day in Honolulu is the next UTC day.
    expect(isFollowUpOpen("2026-03-23", new Date("2026-03-24T09:30:00Z"), "Pacific/Honolulu")).toBe(true);
    expect(isFollowUpOpen("2026-03-23", new Date("2026-03-24T10:30:00Z"), "Pacific/Honolulu")).toBe(false);
    expect(isFollowUpOpen("2026-03-23", new Date("2026-03-24T03:59:00Z"), "America/New_York")).toBe(true);
    expect(isFollowUpOpen("2026-03-23", new Date("2026-03-24T04:00:00Z"), "America/New_York")).toBe(false);
  });
});

const scheduled: SweepSurvey = {
  status: "scheduled",
  dueOn: "2026-03-08",
  closesOn: "2026-03-29",
  sentAt: null,
  remindersSent: 0,
};
const facts = { optedOut: false, hasEmail: true, timeZone: "America/New_York" };

describe("deriveSweepAction", () => {
  it.each([
    ["the day before it is due", scheduled, facts, "2026-03-07T20:00:00Z", { kind: "none" }],
    ["at 08:59 site time on the due day", scheduled, facts, "2026-03-08T12:59:00Z", { kind: "none" }],
    ["at 09:00 site time on the due day (EDT)", scheduled, facts, "2026-03-08T13:00:00Z", { kind: "send" }],
    ["late in the window", scheduled, facts, "2026-03-29T23:00:00Z", { kind: "send" }],
    ["after the window, never sent", scheduled, facts, "2026-03-30T05:00:00Z", { kind: "expire" }],
    [
      "due with no email address",
      scheduled,
      { ...facts, hasEmail: false },
      "2026-03-08T13:00:00Z",
      { kind: "cancel", reason: "no_email" },
    ],
    [
      "after an opt-out",
      scheduled,
      { ...facts, optedOut: true },
      "2026-03-08T13:00:00Z",
      { kind: "cancel", reason: "opted_out" },
    ],
    ["completed", { ...scheduled, status: "completed" }, facts, "2026-03-10T13:00:00Z", { kind: "none" }],
    ["cancelled", { ...scheduled, status: "cancelled" }, facts, "2026-03-10T13:00:00Z", { kind: "none" }],
  ] as const)("a scheduled survey %s", (_name, survey, f, at, action) => {
    expect(deriveSweepAction(survey as SweepSurvey, f, new Date(at))).toEqual(action);
  });

  const sent: SweepSurvey = { ...scheduled, status: "sent", sentAt: new Date("2026-03-08T13:00:00Z") };
  it.each([
    ["2 days after sending", sent, "2026-03-10T14:00:00Z", { kind: "none" }],
    ["3 days after, before 09:00", sent, "2026-03-11T12:00:00Z", { kind: "none" }],
    ["3 days after, at 09:00", sent, "2026-03-11T13:00:00Z", { kind: "remind", reminder: 1 }],
    [
      "6 days after, one reminder sent",
      { ...sent, remindersSent: 1 },
      "2026-03-14T14:00:00Z",
      { kind: "none" },
    ],
    [
      "7 days after, one reminder sent",
      { ...sent, remindersSent: 1 },
      "2026-03-15T13:00:00Z",
      { kind: "remind", reminder: 2 },
    ],
    ["two reminders already", { ...sent, remindersSent: 2 }, "2026-03-25T13:00:00Z", { kind: "none" }],
    ["after the closing day", { ...sent, remindersSent: 2 }, "2026-03-30T04:00:00Z", { kind: "expire" }],
  ] as const)("a sent survey %s", (_name, survey, at, action) => {
    expect(deriveSweepAction(survey as SweepSurvey, facts, new Date(at))).toEqual(action);
  });

  it("sends no reminder after an opt-out, even one that is due", () => {
    expect(deriveSweepAction(sent, { ...facts, optedOut: true }, new Date("2026-03-11T13:00:00Z"))).toEqual({
      kind: "cancel",
      reason: "opted_out",
    });
  });

  it("counts reminder days on the site's calendar, west of UTC late in the evening", () => {
    // Sent at 20:00 Honolulu on March 8 (06:00 UTC March 9): the first reminder is March 11, 09:00 HST.
    const at = new Date("2026-03-09T06:00:00Z");
    expect(reminderOpensAt(at, 0, "Pacific/Honolulu")?.toISOString()).toBe("2026-03-11T19:00:00.000Z");
    expect(reminderOpensAt(at, 2, "Pacific/Honolulu")).toBeNull();
  });
});

const calm: FollowUpAnswers = {
  alcoholDays: 0,
  heavyDrinkingDays: 0,
  drugDays: 0,
  meetings: 4,
  inTreatment: true,
  housing: "own_home",
  employment: "full_time",
  wantsContact: false,
};
const low = { phq9Total: 3, phq9Item9: 0, gad7Total: 2 };

describe("deriveReengagement", () => {
  it.each([
    ["nothing of concern", calm, low, [], null],
    [
      "drinking, not in treatment",
      { ...calm, alcoholDays: 2, inTreatment: false },
      low,
      ["use_resumed"],
      "urgent",
    ],
    ["drug use while in treatment", { ...calm, drugDays: 1 }, low, ["use_resumed"], "warning"],
    ["heavy drinking only", { ...calm, heavyDrinkingDays: 1 }, low, ["use_resumed"], "warning"],
    ["PHQ-9 item 9 above 0", calm, { ...low, phq9Item9: 1 }, ["self_harm_thoughts"], "urgent"],
    ["PHQ-9 of 15", calm, { ...low, phq9Total: 15 }, ["depression_severe"], "warning"],
    ["PHQ-9 of 14", calm, { ...low, phq9Total: 14 }, [], null],
    ["GAD-7 of 15", calm, { ...low, gad7Total: 15 }, ["anxiety_severe"], "warning"],
    ["homeless", { ...calm, housing: "homeless" }, low, ["homeless"], "warning"],
    ["asks to be contacted", { ...calm, wantsContact: true }, low, ["wants_contact"], "warning"],
    ["unscored instruments", calm, { phq9Total: null, phq9Item9: null, gad7Total: null }, [], null],
  ] as const)("%s", (_name, answers, scores, findings, severity) => {
    const result = deriveReengagement(30, answers as FollowUpAnswers, scores);
    expect(result.findings).toEqual(findings);
    expect(result.severity).toBe(severity);
  });

  it("says why in plain words, naming the wave", () => {
    const result = deriveReengagement(
      90,
      { ...calm, drugDays: 3, inTreatment: false, wantsContact: true },
      low,
    );
    expect(result.reason).toBe(
      "90-day follow-up survey: drinking or drug use in the past 30 days, not in treatment; asks to be contacted.",
    );
  });
});

describe("followUpAnswersCheckedSchema", () => {
  it("refuses more heavy drinking days than drinking days, on the field", () => {
    const result = followUpAnswersCheckedSchema.safeParse({ ...calm, alcoholDays: 2, heavyDrinkingDays: 3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["heavyDrinkingDays"]);
  });
  it("accepts equal days", () => {
    expect(
      followUpAnswersCheckedSchema.safeParse({ ...calm, alcoholDays: 3, heavyDrinkingDays: 3 }).success,
    ).toBe(true);
  });
});

describe("computeResponseRates", () => {
  it("divides completed by sent per wave; unsent surveys are not non-responses", () => {
    const sentAt = new Date("2026-03-01T14:00:00Z");
    const rates = computeResponseRates([
      { wave: 30, status: "completed", sentAt },
      { wave: 30, status: "completed", sentAt },
      { wave: 30, status: "expired", sentAt },
      { wave: 30, status: "cancelled", sentAt },
      { wave: 30, status: "cancelled", sentAt: null },
      { wave: 90, status: "sent", sentAt },
      { wave: 90, status: "scheduled", sentAt: null },
    ]);
    expect(rates[0]).toEqual({
      wave: 30,
      sent: 4,
      completed: 2,
      expired: 1,
      cancelled: 2,
      scheduled: 0,
      awaiting: 0,
      rate: 0.5,
    });
    expect(rates[1]).toMatchObject({ wave: 90, sent: 1, completed: 0, awaiting: 1, scheduled: 1, rate: 0 });
    expect(rates[2]).toMatchObject({ wave: 180, sent: 0, rate: null });
  });
});
