import { describe, expect, it } from "vitest";
import { ageOn, localToday } from "./age";

describe("ageOn", () => {
  it.each([
    ["1990-06-15", "2026-06-14", 35],
    ["1990-06-15", "2026-06-15", 36],
    ["1990-06-15", "2026-12-01", 36],
    ["2000-02-29", "2026-02-28", 25],
    ["2000-02-29", "2026-03-01", 26],
  ])("someone born %s is %i… on %s", (bornOn, today, age) => {
    expect(ageOn(bornOn, today)).toBe(age);
  });

  it("formats the device's calendar date", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});
