import { describe, expect, it } from "vitest";
import {
  deriveCheckInDay,
  deriveCompletedAt,
  deriveFamilyTimeZone,
  deriveHistoryStart,
  deriveModuleProgress,
  isCheckInEditable,
  isFamilyModuleKey,
  shouldOfferSupport,
} from "./family-learning.rules";
import { familyCheckInInputSchema, moduleProgressInputSchema } from "./family-learning.schema";

describe("the family member's day", () => {
  it("follows the site time zone of a linked participant, else UTC", () => {
    expect(deriveFamilyTimeZone(["America/Chicago", "America/New_York"])).toBe("America/Chicago");
    expect(deriveFamilyTimeZone([])).toBe("UTC");
  });

  it.each([
    // 03:30 UTC is still the evening before in Chicago.
    ["2026-03-10T03:30:00Z", "America/Chicago", "2026-03-09"],
    ["2026-03-10T03:30:00Z", "UTC", "2026-03-10"],
    // The night of the spring DST change in the US (8 March 2026): midnight CST is 06:00 UTC.
    ["2026-03-08T05:59:00Z", "America/Chicago", "2026-03-07"],
    ["2026-03-08T06:00:00Z", "America/Chicago", "2026-03-08"],
    ["2026-11-01T05:30:00Z", "America/Chicago", "2026-11-01"],
  ])("at %s in %s is %s", (at, zone, day) => {
    expect(deriveCheckInDay(new Date(at), zone)).toBe(day);
  });

  it("lets a check-in be changed on its own day only; the next day starts a new one", () => {
    expect(isCheckInEditable("2026-03-09", "2026-03-09")).toBe(true);
    expect(isCheckInEditable("2026-03-09", "2026-03-10")).toBe(false);
  });

  it("counts today as the last day of the history window", () => {
    expect(deriveHistoryStart("2026-03-30", 30)).toBe("2026-03-01");
    expect(deriveHistoryStart("2026-03-01", 1)).toBe("2026-03-01");
    expect(deriveHistoryStart("2026-03-01", 2)).toBe("2026-02-28");
  });

  it("offers extra support from a stress of 8 up, not below", () => {
    expect(shouldOfferSupport(7)).toBe(false);
    expect(shouldOfferSupport(8)).toBe(true);
    expect(shouldOfferSupport(10)).toBe(true);
  });
});

describe("the check-in form", () => {
  it("accepts the scales at their ends, with sleep and words optional", () => {
    expect(familyCheckInInputSchema.parse({ stress: 0, wellbeing: 10 })).toEqual({
      stress: 0,
      wellbeing: 10,
      sleepQuality: null,
      selfCare: "",
      note: "",
    });
    expect(familyCheckInInputSchema.parse({ stress: 10, wellbeing: 0, sleepQuality: 5 }).sleepQuality).toBe(
      5,
    );
  });

  it.each([
    [{ stress: 11, wellbeing: 5 }, "stress"],
    [{ stress: -1, wellbeing: 5 }, "stress"],
    [{ stress: 2.5, wellbeing: 5 }, "stress"],
    [{ stress: 5, wellbeing: 11 }, "wellbeing"],
    [{ stress: 5 }, "wellbeing"],
    [{ stress: 5, wellbeing: 5, sleepQuality: 0 }, "sleepQuality"],
    [{ stress: 5, wellbeing: 5, sleepQuality: 6 }, "sleepQuality"],
    [{ stress: 5, wellbeing: 5, note: "x".repeat(1001) }, "note"],
    [{ stress: 5, wellbeing: 5, selfCare: "x".repeat(301) }, "selfCare"],
  ])("refuses %j and names %s", (input, field) => {
    const result = familyCheckInInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});

describe("module progress", () => {
  it("knows the module keys and nothing else", () => {
    expect(isFamilyModuleKey("safety-first")).toBe(true);
    expect(isFamilyModuleKey("constructor")).toBe(false);
  });

  it("lists every module in order, with the saved answers and how many are done", () => {
    const progress = deriveModuleProgress([
      {
        moduleKey: "safety-first",
        exerciseAnswer: "Go to my sister's",
        completedAt: "2026-03-01T10:00:00.000Z",
        updatedAt: "2026-03-01T10:00:00.000Z",
      },
      {
        moduleKey: "after-iop",
        exerciseAnswer: "draft",
        completedAt: null,
        updatedAt: "2026-03-02T10:00:00.000Z",
      },
      {
        moduleKey: "retired-module",
        exerciseAnswer: "",
        completedAt: "2026-03-01T10:00:00.000Z",
        updatedAt: "2026-03-01T10:00:00.000Z",
      },
    ]);
    expect(progress.total).toBe(9);
    expect(progress.completedCount).toBe(1);
    expect(progress.modules[0]).toEqual({
      moduleKey: "health-condition-and-iop",
      exerciseAnswer: "",
      completed: false,
      completedAt: null,
      updatedAt: null,
    });
    expect(progress.modules[1]?.exerciseAnswer).toBe("Go to my sister's");
    expect(progress.modules[1]?.completed).toBe(true);
    expect(progress.modules[8]?.exerciseAnswer).toBe("draft");
    expect(progress.modules[8]?.completed).toBe(false);
  });

  it("keeps the first moment a module was done, and clears it when marked not done", () => {
    const at = new Date("2026-03-05T12:00:00Z");
    expect(deriveCompletedAt(null, true, at)).toBe("2026-03-05T12:00:00.000Z");
    expect(deriveCompletedAt("2026-03-01T09:00:00.000Z", true, at)).toBe("2026-03-01T09:00:00.000Z");
    expect(deriveCompletedAt("2026-03-01T09:00:00.000Z", false, at)).toBeNull();
  });

  it("refuses an exercise answer over 2,000 characters and names the field", () => {
    const result = moduleProgressInputSchema.safeParse({
      exerciseAnswer: "x".repeat(2001),
      completed: false,
    });
    expect(result.error?.issues[0]?.path).toEqual(["exerciseAnswer"]);
    expect(result.error?.issues[0]?.message).toBe("Keep your answer to 2,000 characters.");
    expect(
      moduleProgressInputSchema.safeParse({ exerciseAnswer: "x".repeat(2000), completed: true }).success,
    ).toBe(true);
  });
});
