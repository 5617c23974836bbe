import { describe, expect, it } from "vitest";
import { expandSeries } from "../schedule/recurrence.rules";
import { seriesExceptionsSchema, weeklyPatternSchema } from "../schedule/track-pattern.schema";
import { DEMO_TRACKS } from "./demo-plan";
import { holidaysBetween, planHolidayCancellations } from "./track-holidays";

describe("demo holidays", () => {
  it("finds the US holidays of 2026, the movable ones on their weekday", () => {
    expect(holidaysBetween("2026-01-01", "2026-12-31")).toEqual([
      { name: "New Year's Day", date: "2026-01-01" },
      { name: "Memorial Day", date: "2026-05-25" },
      { name: "Independence Day", date: "2026-07-04" },
      { name: "Labor Day", date: "2026-09-07" },
      { name: "Thanksgiving", date: "2026-11-26" },
      { name: "Christmas Day", date: "2026-12-25" },
    ]);
    expect(holidaysBetween("2027-11-01", "2027-11-30")).toEqual([
      { name: "Thanksgiving", date: "2027-11-25" },
    ]);
  });

  it("cancels only the sessions that fall on a holiday, and each occurrence once", () => {
    const evening = weeklyPatternSchema.parse({ slots: DEMO_TRACKS[0].slots });
    const cancelled = planHolidayCancellations(evening.slots, "2026-01-01", "2026-12-31");
    // Thursday New Year's Day, Memorial and Labor Day Mondays, Thanksgiving Thursday.
    expect(cancelled.map((c) => `${c.on.date}T${c.on.start}`)).toEqual([
      "2026-01-01T18:00",
      "2026-05-25T18:00",
      "2026-09-07T18:00",
      "2026-11-26T18:00",
    ]);
    expect(seriesExceptionsSchema.safeParse(cancelled).success).toBe(true);
    const series = { timeZone: "America/New_York", startsOn: "2026-01-01", endsOn: null, pattern: evening };
    const week = expandSeries(series, cancelled, "2026-11-23", "2026-11-29");
    expect(week.map((o) => [o.date, o.status])).toEqual([
      ["2026-11-23", "scheduled"],
      ["2026-11-24", "scheduled"],
      ["2026-11-26", "cancelled"],
    ]);
  });

  it("gives every demo track a pattern its name promises that the core schema accepts", () => {
    for (const track of DEMO_TRACKS)
      expect(weeklyPatternSchema.safeParse({ slots: track.slots }).success).toBe(true);
  });
});
