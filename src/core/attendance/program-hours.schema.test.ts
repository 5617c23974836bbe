import { describe, expect, it } from "vitest";
import { DEFAULT_PROGRAM_HOURS, programHoursSchema } from "./program-hours.schema";

const problems = (value: unknown) => {
  const parsed = programHoursSchema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

const adult = DEFAULT_PROGRAM_HOURS.adult;
const withAdult = (change: Record<string, unknown>) => ({
  ...DEFAULT_PROGRAM_HOURS,
  adult: { ...adult, ...change },
});

describe("program hours", () => {
  it("starts from level 2.1: 9 h adults, 6 h adolescents, under 20 h, 3 h on 3 days for the payer", () => {
    expect(DEFAULT_PROGRAM_HOURS).toEqual({
      adult: {
        weeklyMinimumMinutes: 540,
        weeklyMaximumMinutes: 1200,
        dailyMinimumMinutes: 180,
        daysRequired: 3,
      },
      adolescent: {
        weeklyMinimumMinutes: 360,
        weeklyMaximumMinutes: 1200,
        dailyMinimumMinutes: 180,
        daysRequired: 3,
      },
    });
    expect(problems(DEFAULT_PROGRAM_HOURS)).toEqual([]);
  });

  it("accepts a program with its own figures (a state asking 10 h and 2.5 h on 4 days)", () => {
    expect(
      problems(withAdult({ weeklyMinimumMinutes: 600, dailyMinimumMinutes: 150, daysRequired: 4 })),
    ).toEqual([]);
  });

  it.each([
    [{ weeklyMinimumMinutes: 0 }, "adult.weeklyMinimumMinutes", "The weekly minimum is at least 1 minutes."],
    [{ weeklyMinimumMinutes: 540.5 }, "adult.weeklyMinimumMinutes", "Use a whole number of minutes."],
    [
      { weeklyMinimumMinutes: "9" },
      "adult.weeklyMinimumMinutes",
      "Enter the weekly minimum in minutes, from 1 to 10080.",
    ],
    [
      { weeklyMaximumMinutes: 10081 },
      "adult.weeklyMaximumMinutes",
      "The weekly maximum is at most 10080 minutes.",
    ],
    [
      { weeklyMinimumMinutes: 1200 },
      "adult.weeklyMaximumMinutes",
      "The weekly maximum must be more than the weekly minimum.",
    ],
    [
      { dailyMinimumMinutes: 1441 },
      "adult.dailyMinimumMinutes",
      "The daily minimum is at most 1440 minutes.",
    ],
    [{ daysRequired: 0 }, "adult.daysRequired", "Require at least 1 day."],
    [{ daysRequired: 8 }, "adult.daysRequired", "A week has 7 days: require at most 7."],
    [{ daysRequired: 2.5 }, "adult.daysRequired", "Use a whole number of days."],
    [
      { dailyMinimumMinutes: 300, daysRequired: 4 },
      "adult.daysRequired",
      "The payer rule's days × daily minimum must stay under the weekly maximum.",
    ],
  ])("refuses %j on its field", (change, path, message) => {
    expect(problems(withAdult(change))).toEqual([{ path, message }]);
  });

  it("names both problems when a maximum is below the minimum and the payer rule", () => {
    expect(problems(withAdult({ weeklyMaximumMinutes: 540 }))).toEqual([
      {
        path: "adult.weeklyMaximumMinutes",
        message: "The weekly maximum must be more than the weekly minimum.",
      },
      {
        path: "adult.daysRequired",
        message: "The payer rule's days × daily minimum must stay under the weekly maximum.",
      },
    ]);
  });

  it("needs both age groups", () => {
    expect(problems({ adult })).toEqual([
      { path: "adolescent", message: "Invalid input: expected object, received undefined" },
    ]);
  });
});
