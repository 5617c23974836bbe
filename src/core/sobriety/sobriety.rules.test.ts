import { describe, expect, it } from "vitest";
import { localDateIn } from "../treatment-plans/review-due.rules";
import { checkRestart, computeDaysInRecovery, daysCountedBeforeRestart } from "./sobriety.rules";

describe("days in recovery", () => {
  it.each([
    ["no date set", null, "2026-11-24", null],
    ["the first day counts as day 0", "2026-11-24", "2026-11-24", 0],
    ["one day later", "2026-11-23", "2026-11-24", 1],
    ["across the US spring-forward weekend", "2026-03-07", "2026-03-09", 2],
    ["across the US fall-back weekend", "2026-10-31", "2026-11-02", 2],
    ["across a leap day", "2028-02-28", "2028-03-01", 2],
    ["a year", "2025-11-24", "2026-11-24", 365],
    ["a date after today shows no count", "2026-11-25", "2026-11-24", null],
  ])("%s", (_, sobrietyOn, today, expected) => {
    expect(computeDaysInRecovery(sobrietyOn, today)).toBe(expected);
  });
});

describe("today in the site's time zone", () => {
  it.each([
    [
      "late evening in Los Angeles is still the day before in UTC terms",
      "2026-11-24T07:30:00Z",
      "America/Los_Angeles",
      "2026-11-23",
    ],
    ["the same instant in New York", "2026-11-24T07:30:00Z", "America/New_York", "2026-11-24"],
    [
      "just after midnight on the spring-forward day",
      "2026-03-08T05:30:00Z",
      "America/New_York",
      "2026-03-08",
    ],
    ["just before midnight on the fall-back day", "2026-11-02T04:59:00Z", "America/New_York", "2026-11-01"],
    ["Puerto Rico keeps no daylight time", "2026-07-01T03:59:00Z", "America/Puerto_Rico", "2026-06-30"],
  ])("%s", (_, instant, zone, expected) => {
    expect(localDateIn(new Date(instant), zone)).toBe(expected);
  });

  it("counts the day in the site's zone: 10 pm in Los Angeles is still yesterday's count", () => {
    const today = localDateIn(new Date("2026-11-24T06:00:00Z"), "America/Los_Angeles");
    expect(computeDaysInRecovery("2026-11-20", today)).toBe(3);
  });
});

describe("restarting the counter", () => {
  const base = { currentOn: "2026-10-01", bornOn: "1990-05-05", today: "2026-11-24" };
  it.each([
    ["today", { restartOn: "2026-11-24" }, null],
    ["a recent day after the current date", { restartOn: "2026-11-20" }, null],
    ["when no date was set before", { restartOn: "2026-11-24", currentOn: null }, null],
    ["a day in the future", { restartOn: "2026-11-25" }, "The restart date cannot be in the future."],
    [
      "the day the counter already runs from",
      { restartOn: "2026-10-01" },
      "The counter already runs from 2026-10-01. Pick a later day, up to today.",
    ],
    [
      "a day before the current date",
      { restartOn: "2026-09-01" },
      "The counter already runs from 2026-10-01. Pick a later day, up to today.",
    ],
    [
      "before birth",
      { restartOn: "1980-01-01", currentOn: null },
      "The restart date cannot be before the date of birth.",
    ],
  ])("%s", (_, change, message) => {
    const problems = checkRestart({ ...base, ...change });
    if (message === null) expect(problems).toEqual([]);
    else expect(problems).toEqual([{ path: "restartOn", message }]);
  });
});

describe("the count remembered at a restart", () => {
  it.each([
    ["54 days", "2026-10-01", "2026-11-24", 54],
    ["no earlier date", null, "2026-11-24", null],
    ["a correction to an earlier day", "2026-11-24", "2026-10-01", null],
  ])("%s", (_, from, to, expected) => {
    expect(daysCountedBeforeRestart(from, to)).toBe(expected);
  });
});
