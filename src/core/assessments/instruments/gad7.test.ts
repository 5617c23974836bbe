import { describe, expect, it } from "vitest";
import { type Answers, checkAnswers, deriveCriticalFindings } from "../instrument";
import { gad7, scoreGad7 } from "./gad7";

const given = (values: readonly (number | undefined)[], extra: Answers = {}): Answers => ({
  ...Object.fromEntries(values.map((value, i) => [String(i + 1), value])),
  ...extra,
});

/** Spitzer 2006 severity as thresholds. */
function expectedBand(total: number): string {
  if (total >= 15) return "severe";
  if (total >= 10) return "moderate";
  if (total >= 5) return "mild";
  return "minimal";
}

describe("GAD-7 scoring", () => {
  it("agrees with an independent rule on all 5^7 combinations of 0–3 or missing per item", () => {
    const mismatches: string[] = [];
    for (let combo = 0; combo < 5 ** 7; combo++) {
      const answers: Record<string, number | undefined> = {};
      const gaps: string[] = [];
      let total = 0;
      let rest = combo;
      for (let item = 1; item <= 7; item++) {
        const digit = rest % 5; // 4 stands for "not answered"
        rest = Math.floor(rest / 5);
        if (digit === 4) gaps.push(String(item));
        else {
          answers[String(item)] = digit;
          total += digit;
        }
      }
      const outcome = scoreGad7(answers);
      const agrees =
        gaps.length > 0
          ? !outcome.ok && outcome.missing.join() === gaps.join()
          : outcome.ok &&
            outcome.total === total &&
            outcome.band === expectedBand(total) &&
            outcome.critical.length === 0;
      if (!agrees && mismatches.length < 5) mismatches.push(JSON.stringify(answers));
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    { values: [0, 0, 0, 0, 0, 0, 0], total: 0, band: "minimal" },
    { values: [1, 1, 1, 1, 0, 0, 0], total: 4, band: "minimal" },
    { values: [1, 1, 1, 1, 1, 0, 0], total: 5, band: "mild" },
    { values: [3, 3, 3, 0, 0, 0, 0], total: 9, band: "mild" },
    { values: [2, 2, 2, 2, 2, 0, 0], total: 10, band: "moderate" },
    { values: [2, 2, 2, 2, 2, 2, 2], total: 14, band: "moderate" },
    { values: [3, 2, 2, 2, 2, 2, 2], total: 15, band: "severe" },
    { values: [3, 3, 3, 3, 3, 3, 3], total: 21, band: "severe" },
  ])("a total of $total is $band", ({ values, total, band }) => {
    expect(scoreGad7(given(values))).toMatchObject({ ok: true, total, band });
  });

  it("leaves the difficulty question out of the total", () => {
    expect(scoreGad7(given([1, 1, 1, 1, 1, 0, 0], { difficulty: 2 }))).toMatchObject({ total: 5 });
    expect(checkAnswers(gad7, given([1, 1, 1, 1, 1, 0, 0], { difficulty: 2 }))).toEqual([]);
  });

  it("refuses to score when an item is missing, naming it (no prorating)", () => {
    expect(scoreGad7(given([2, 2, 2, undefined, 2, 2, 2]))).toEqual({
      ok: false,
      missing: ["4"],
      message: "Answer item 4 before this can be scored.",
    });
  });

  it("has no critical items", () => {
    expect(gad7.critical).toBeUndefined();
    expect(deriveCriticalFindings(gad7, given([3, 3, 3, 3, 3, 3, 3]))).toEqual([]);
  });

  it("sends the LOINC total 70274-6 and the panel 69737-5", () => {
    expect(gad7.loinc).toEqual({ panel: "69737-5", total: "70274-6" });
  });
});
