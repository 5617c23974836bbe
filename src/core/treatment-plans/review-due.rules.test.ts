import { describe, expect, it } from "vitest";
import type { ReviewDueInput } from "./review-due.rules";
import { computeReviewDue, earlyReviewDueOn, firstPlanDueOn, localDateIn } from "./review-due.rules";

const NY = "America/New_York";
const PHOENIX = "America/Phoenix";
const TOKYO = "Asia/Tokyo";

const due = (over: Partial<ReviewDueInput>) =>
  computeReviewDue({
    lastSignedAt: new Date("2026-11-01T15:00:00Z"),
    timeZone: NY,
    reviewCycleDays: 30,
    dueSoonDays: 7,
    openTriggers: [],
    now: new Date("2026-11-10T15:00:00Z"),
    ...over,
  });

describe("the local date of an instant", () => {
  it.each([
    ["2026-11-23T01:30:00Z", NY, "2026-11-22"],
    ["2026-11-23T05:00:00Z", NY, "2026-11-23"],
    ["2026-03-08T06:30:00Z", PHOENIX, "2026-03-07"],
    ["2026-01-31T15:30:00Z", TOKYO, "2026-02-01"],
    ["2026-06-30T23:59:59Z", "UTC", "2026-06-30"],
  ])("%s in %s is %s", (instant, zone, date) => {
    expect(localDateIn(new Date(instant), zone)).toBe(date);
  });
});

describe("the review cycle's due date", () => {
  it.each([
    ["across a month end (Jan 31 + 30 days, 2026)", "2026-01-31T15:00:00Z", NY, "2026-03-02"],
    ["across February in a leap year (Jan 31 + 30 days, 2028)", "2028-01-31T15:00:00Z", NY, "2028-03-01"],
    ["from a leap day (Feb 29 2028 + 30 days)", "2028-02-29T15:00:00Z", NY, "2028-03-30"],
    ["across the year end", "2026-12-15T15:00:00Z", NY, "2027-01-14"],
    // 2026-03-08: New York springs forward at 02:00.
    ["from 23:30 EST the evening before spring-forward", "2026-03-08T04:30:00Z", NY, "2026-04-06"],
    ["from 23:30 EDT on the spring-forward day", "2026-03-09T03:30:00Z", NY, "2026-04-07"],
    // 2026-11-01: New York falls back at 02:00.
    ["from 23:30 EDT the evening before fall-back", "2026-11-01T03:30:00Z", NY, "2026-11-30"],
    ["from 23:30 EST on the fall-back day", "2026-11-02T04:30:00Z", NY, "2026-12-01"],
    ["from 01:30 UTC, which is still the previous day in New York", "2026-11-23T01:30:00Z", NY, "2026-12-22"],
    ["in a zone without DST (Phoenix), late evening", "2026-03-08T06:30:00Z", PHOENIX, "2026-04-06"],
    ["in a zone ahead of UTC (Tokyo), just after midnight", "2026-01-31T15:30:00Z", TOKYO, "2026-03-03"],
  ])("counts %s", (_, signedAt, zone, dueOn) => {
    expect(due({ lastSignedAt: new Date(signedAt), timeZone: zone, now: new Date(signedAt) })).toEqual({
      state: "upcoming",
      dueOn,
      reason: "scheduled",
    });
  });

  it("uses the program's own cycle length", () => {
    expect(due({ reviewCycleDays: 14 }).dueOn).toBe("2026-11-15");
  });

  it("is none, with no date, before any plan is signed (even with a trigger open)", () => {
    expect(
      due({ lastSignedAt: null, openTriggers: [{ reason: "critical_alert", dueOn: "2026-11-12" }] }),
    ).toEqual({ state: "none", dueOn: null, reason: null });
  });
});

describe("where the review stands today (due 2026-12-01, warning 7 days ahead)", () => {
  it.each([
    ["2026-11-23T17:00:00Z", "upcoming"],
    ["2026-11-24T17:00:00Z", "due_soon"],
    ["2026-11-30T17:00:00Z", "due_soon"],
    ["2026-12-01T05:00:00Z", "due"],
    // 22:00 on Dec 1 in New York is already Dec 2 in UTC: still due, not overdue.
    ["2026-12-02T03:00:00Z", "due"],
    ["2026-12-02T05:00:00Z", "overdue"],
    ["2027-02-01T17:00:00Z", "overdue"],
  ])("at %s it is %s", (now, state) => {
    expect(due({ now: new Date(now) })).toEqual({ state, dueOn: "2026-12-01", reason: "scheduled" });
  });

  it("has no due-soon window when the warning is shorter than the days left", () => {
    expect(due({ now: new Date("2026-11-29T17:00:00Z"), dueSoonDays: 1 }).state).toBe("upcoming");
    expect(due({ now: new Date("2026-11-30T17:00:00Z"), dueSoonDays: 1 }).state).toBe("due_soon");
  });
});

describe("early-review triggers", () => {
  it("bring the review forward to the earliest open trigger, giving its reason", () => {
    expect(
      due({
        openTriggers: [
          { reason: "discharge_planning", dueOn: "2026-11-20" },
          { reason: "level_of_care_change", dueOn: "2026-11-12" },
        ],
      }),
    ).toEqual({ state: "due_soon", dueOn: "2026-11-12", reason: "level_of_care_change" });
  });

  it("leave the cycle in charge when they fall after it", () => {
    expect(due({ openTriggers: [{ reason: "critical_alert", dueOn: "2026-12-05" }] })).toEqual({
      state: "upcoming",
      dueOn: "2026-12-01",
      reason: "scheduled",
    });
  });

  it("give their reason when due the same day as the cycle", () => {
    expect(due({ openTriggers: [{ reason: "critical_alert", dueOn: "2026-12-01" }] }).reason).toBe(
      "critical_alert",
    );
  });

  it("make the review overdue when their date has passed", () => {
    expect(
      due({
        openTriggers: [{ reason: "critical_alert", dueOn: "2026-11-08" }],
        now: new Date("2026-11-10T15:00:00Z"),
      }),
    ).toEqual({ state: "overdue", dueOn: "2026-11-08", reason: "critical_alert" });
  });

  it("pick one reason deterministically when two fall on the same day", () => {
    const triggers = [
      { reason: "discharge_planning" as const, dueOn: "2026-11-12" },
      { reason: "level_of_care_change" as const, dueOn: "2026-11-12" },
    ];
    expect(due({ openTriggers: triggers }).reason).toBe("level_of_care_change");
    expect(due({ openTriggers: [...triggers].reverse() }).reason).toBe("level_of_care_change");
  });
});

describe("early review and first plan dates", () => {
  it.each([
    ["2026-11-23T15:00:00Z", NY, 7, "2026-11-30"],
    ["2026-11-23T02:00:00Z", NY, 7, "2026-11-29"],
    ["2026-02-25T15:00:00Z", NY, 7, "2026-03-04"],
    ["2026-11-23T15:00:00Z", NY, 0, "2026-11-23"],
  ])("an early review raised at %s in %s with %i days is due %s", (raisedAt, zone, days, dueOn) => {
    expect(earlyReviewDueOn(new Date(raisedAt), zone, days)).toBe(dueOn);
  });

  it.each([
    ["2026-11-23", 7, "2026-11-30"],
    ["2026-12-28", 7, "2027-01-04"],
    ["2028-02-25", 7, "2028-03-03"],
    ["2027-02-25", 7, "2027-03-04"],
  ])("a first plan for an admission on %s with %i days is expected by %s", (admittedOn, days, dueOn) => {
    expect(firstPlanDueOn(admittedOn, days)).toBe(dueOn);
  });
});
