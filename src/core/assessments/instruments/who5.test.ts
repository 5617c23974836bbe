import { describe, expect, it } from "vitest";
import type { Answers } from "../instrument";
import { scoreWho5, who5 } from "./who5";

const given = (values: readonly (number | undefined)[]): Answers =>
  Object.fromEntries(values.map((value, i) => [String(i + 1), value]));

describe("WHO-5 scoring", () => {
  it("agrees with an independent rule on all 7^5 combinations of 0–5 or missing per item", () => {
    const mismatches: string[] = [];
    for (let combo = 0; combo < 7 ** 5; combo++) {
      const values: (number | undefined)[] = [];
      let rest = combo;
      for (let item = 0; item < 5; item++) {
        const digit = rest % 7; // 6 stands for "not answered"
        rest = Math.floor(rest / 7);
        values.push(digit === 6 ? undefined : digit);
      }
      const gaps = values.flatMap((value, i) => (value === undefined ? [String(i + 1)] : []));
      const raw = values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
      const outcome = scoreWho5(given(values));
      const agrees =
        gaps.length > 0
          ? !outcome.ok && outcome.missing.join() === gaps.join()
          : outcome.ok &&
            outcome.total === raw &&
            outcome.subscales.percentage === raw * 4 &&
            outcome.band === (raw * 4 < 52 ? "poor_wellbeing" : "adequate_wellbeing") &&
            outcome.critical.length === 0;
      if (!agrees && mismatches.length < 5) mismatches.push(JSON.stringify(values));
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    { values: [0, 0, 0, 0, 0], raw: 0, percentage: 0, band: "poor_wellbeing" },
    { values: [3, 3, 2, 2, 2], raw: 12, percentage: 48, band: "poor_wellbeing" },
    { values: [3, 3, 3, 2, 2], raw: 13, percentage: 52, band: "adequate_wellbeing" },
    { values: [5, 5, 5, 5, 5], raw: 25, percentage: 100, band: "adequate_wellbeing" },
  ])("raw $raw is $percentage% and $band", ({ values, raw, percentage, band }) => {
    expect(scoreWho5(given(values))).toEqual({
      ok: true,
      total: raw,
      band,
      subscales: { percentage },
      flags: [],
      critical: [],
    });
  });

  it("refuses to score when an item is missing, naming it (no prorating)", () => {
    expect(scoreWho5(given([5, undefined, 5, undefined, 5]))).toEqual({
      ok: false,
      missing: ["2", "4"],
      message: "Answer items 2, 4 before this can be scored.",
    });
  });

  it("is read higher-is-better, with no LOINC code until one is verified", () => {
    expect(who5.direction).toBe("higher_is_better");
    expect(who5.loinc).toEqual({ panel: null, total: null });
  });
});
