import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  canonicalTimeZone,
  describeSlot,
  MAX_SLOTS_PER_WEEK,
  occurrenceKey,
  seriesExceptionSchema,
  seriesExceptionsSchema,
  seriesSchema,
  weeklyPatternSchema,
} from "./track-pattern.schema";

const FACILITATOR = "8f0e2b6c-3c1d-4e8a-9b7f-2a6d5c4b3a21";

const problems = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
};

const slot = (weekday: number, start: string, end: string) => ({ weekday, start, end });

/** "Adult evening: Mon/Tue/Thu 18:00–21:00". */
const adultEvening = {
  slots: [slot(1, "18:00", "21:00"), slot(2, "18:00", "21:00"), slot(4, "18:00", "21:00")],
};

const series = (overrides: Record<string, unknown> = {}) => ({
  timeZone: "America/New_York",
  startsOn: "2026-01-05",
  endsOn: null,
  pattern: adultEvening,
  ...overrides,
});

const on = { date: "2026-11-26", start: "18:00" };

describe("weekly pattern", () => {
  it("accepts an evening track of three sessions a week, back-to-back sessions and two a day", () => {
    expect(problems(weeklyPatternSchema, adultEvening)).toEqual([]);
    expect(
      problems(weeklyPatternSchema, { slots: [slot(1, "09:00", "12:00"), slot(1, "12:00", "13:00")] }),
    ).toEqual([]);
    expect(
      problems(weeklyPatternSchema, { slots: [slot(3, "18:00", "21:00"), slot(3, "09:00", "12:00")] }),
    ).toEqual([]);
  });

  it.each([
    [
      "an end before the start",
      { slots: [slot(1, "21:00", "18:00")] },
      "slots.0.end",
      "The session must end after it starts.",
    ],
    [
      "an end equal to the start",
      { slots: [slot(1, "18:00", "18:00")] },
      "slots.0.end",
      "The session must end after it starts.",
    ],
    [
      "an end before the start on a later slot",
      { slots: [slot(1, "18:00", "21:00"), slot(2, "18:00", "17:59")] },
      "slots.1.end",
      "The session must end after it starts.",
    ],
    [
      "two sessions overlapping on a Monday",
      { slots: [slot(1, "18:00", "21:00"), slot(2, "18:00", "21:00"), slot(1, "20:00", "22:00")] },
      "slots.2.start",
      "This session overlaps the Monday 18:00–21:00 session.",
    ],
    [
      "the same session twice",
      { slots: [slot(4, "18:00", "21:00"), slot(4, "18:00", "21:00")] },
      "slots.1.start",
      "This session overlaps the Thursday 18:00–21:00 session.",
    ],
    ["no session", { slots: [] }, "slots", "Add at least one weekly session."],
    [
      "more sessions than a week holds",
      {
        slots: Array.from({ length: MAX_SLOTS_PER_WEEK + 1 }, (_, i) =>
          slot((i % 7) + 1, `0${i % 2}:00`, `0${i % 2}:30`),
        ),
      },
      "slots",
      `A track has at most ${MAX_SLOTS_PER_WEEK} sessions a week.`,
    ],
    [
      "weekday 0",
      { slots: [slot(0, "18:00", "21:00")] },
      "slots.0.weekday",
      "Choose a weekday from 1 (Monday) to 7 (Sunday).",
    ],
    [
      "weekday 8",
      { slots: [slot(8, "18:00", "21:00")] },
      "slots.0.weekday",
      "Choose a weekday from 1 (Monday) to 7 (Sunday).",
    ],
    [
      "a 12-hour time",
      { slots: [slot(1, "6pm", "21:00")] },
      "slots.0.start",
      "Use a time like 18:00 (24-hour clock).",
    ],
    [
      "24:00",
      { slots: [slot(1, "18:00", "24:00")] },
      "slots.0.end",
      "Use a time like 18:00 (24-hour clock).",
    ],
    [
      "seconds",
      { slots: [slot(1, "18:00:00", "21:00")] },
      "slots.0.start",
      "Use a time like 18:00 (24-hour clock).",
    ],
  ])("refuses %s, naming the field", (_title, pattern, path, message) => {
    expect(problems(weeklyPatternSchema, pattern)).toEqual([{ path, message }]);
  });

  it("describes a slot in words for messages", () => {
    expect(describeSlot({ weekday: 7, start: "01:30", end: "03:30" })).toBe("Sunday 01:30–03:30");
  });
});

describe("series", () => {
  it("accepts an open-ended series and one with an end date on its start date", () => {
    expect(problems(seriesSchema, series())).toEqual([]);
    expect(problems(seriesSchema, series({ endsOn: "2026-01-05" }))).toEqual([]);
  });

  it("stores a time zone under its canonical IANA name", () => {
    expect(seriesSchema.parse(series({ timeZone: " america/new_york " })).timeZone).toBe("America/New_York");
    expect(canonicalTimeZone("asia/tokyo")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
  });

  it.each([
    [
      "an unknown time zone",
      series({ timeZone: "Mars/Olympus_Mons" }),
      "timeZone",
      "“Mars/Olympus_Mons” is not a time zone. Choose one such as America/New_York.",
    ],
    [
      "a fixed offset instead of a zone",
      series({ timeZone: "-05:00" }),
      "timeZone",
      "“-05:00” is not a time zone. Choose one such as America/New_York.",
    ],
    [
      "no time zone",
      series({ timeZone: undefined }),
      "timeZone",
      "Choose a time zone such as America/New_York.",
    ],
    [
      "a date that does not exist",
      series({ startsOn: "2026-02-30" }),
      "startsOn",
      "Use a date like 2026-11-23.",
    ],
    [
      "an end before the start",
      series({ endsOn: "2026-01-04" }),
      "endsOn",
      "The series cannot end before it starts.",
    ],
    [
      "a session in the pattern that ends before it starts",
      series({ pattern: { slots: [slot(2, "18:00", "09:00")] } }),
      "pattern.slots.0.end",
      "The session must end after it starts.",
    ],
  ])("refuses %s, naming the field", (_title, value, path, message) => {
    expect(problems(seriesSchema, value)).toEqual([{ path, message }]);
  });
});

describe("exceptions", () => {
  it("accepts a holiday cancelled, a session moved and a substitute facilitator", () => {
    expect(problems(seriesExceptionSchema, { kind: "cancelled", on, reason: "Thanksgiving" })).toEqual([]);
    expect(
      problems(seriesExceptionSchema, {
        kind: "moved",
        on,
        reason: "Thanksgiving",
        movedTo: { date: "2026-11-25", start: "17:00", end: "20:00" },
      }),
    ).toEqual([]);
    expect(
      problems(seriesExceptionSchema, {
        kind: "substitute",
        on,
        reason: "Dana on leave",
        facilitatorIds: [FACILITATOR],
      }),
    ).toEqual([]);
  });

  it("keys an occurrence by its original date and slot start", () => {
    expect(occurrenceKey(on)).toBe("2026-11-26T18:00");
  });

  it.each([
    [
      "an unknown kind",
      { kind: "postponed", on, reason: "x" },
      "kind",
      "Choose cancelled, moved or substitute.",
    ],
    ["no reason", { kind: "cancelled", on, reason: "  " }, "reason", "Say why, in a few words."],
    [
      "a session not named",
      { kind: "cancelled", reason: "Snow" },
      "on",
      "Choose the session this changes: its date and start time.",
    ],
    [
      "a session at no time",
      { kind: "cancelled", on: { date: "2026-11-26", start: "" }, reason: "Snow" },
      "on.start",
      "Use a time like 18:00 (24-hour clock).",
    ],
    [
      "a move to nowhere",
      { kind: "moved", on, reason: "Thanksgiving" },
      "movedTo",
      "Say where the session moves: a date, a start and an end.",
    ],
    [
      "a move that ends before it starts",
      {
        kind: "moved",
        on,
        reason: "Thanksgiving",
        movedTo: { date: "2026-11-25", start: "20:00", end: "17:00" },
      },
      "movedTo.end",
      "The session must end after it starts.",
    ],
    [
      "a substitute without a facilitator",
      { kind: "substitute", on, reason: "Dana on leave", facilitatorIds: [] },
      "facilitatorIds",
      "Choose who runs the session instead.",
    ],
    [
      "a substitute named twice",
      { kind: "substitute", on, reason: "Dana on leave", facilitatorIds: [FACILITATOR, FACILITATOR] },
      "facilitatorIds",
      "A facilitator is listed twice.",
    ],
    [
      "a substitute who is not a staff id",
      { kind: "substitute", on, reason: "Dana on leave", facilitatorIds: ["dana"] },
      "facilitatorIds.0",
      "Choose a staff member.",
    ],
  ])("refuses %s, naming the field", (_title, value, path, message) => {
    expect(problems(seriesExceptionSchema, value)).toEqual([{ path, message }]);
  });

  it("refuses two exceptions for the same occurrence", () => {
    const cancelled = { kind: "cancelled", on, reason: "Thanksgiving" };
    const substitute = { kind: "substitute", on, reason: "Dana on leave", facilitatorIds: [FACILITATOR] };
    expect(problems(seriesExceptionsSchema, [cancelled, substitute])).toEqual([
      { path: "1.on", message: "The session of 2026-11-26 at 18:00 already has an exception." },
    ]);
  });
});
