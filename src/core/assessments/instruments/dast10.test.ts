import { describe, expect, it } from "vitest";
import type { Answers } from "../instrument";
import { dast10, scoreDast10 } from "./dast10";

/** Ten yes/no answers, item 1 first. */
const answersOf = (yes: readonly boolean[]): Answers =>
  Object.fromEntries(yes.map((a, i) => [String(i + 1), a]));

/** Bits of `mask` as answers: bit 0 is item 1. */
const fromMask = (mask: number) => Array.from({ length: 10 }, (_, i) => (mask & (1 << i)) !== 0);

function expectedBand(total: number): string {
  if (total === 0) return "none";
  if (total <= 2) return "low";
  if (total <= 5) return "moderate";
  if (total <= 8) return "substantial";
  return "severe";
}

describe("DAST-10 scoring", () => {
  it("scores all 1,024 answer patterns: one point per yes, except item 3 where no scores", () => {
    for (let mask = 0; mask < 1024; mask++) {
      const yes = fromMask(mask);
      const total = yes.filter((answer, i) => (i === 2 ? !answer : answer)).length;
      expect(scoreDast10(answersOf(yes))).toEqual({
        ok: true,
        total,
        band: expectedBand(total),
        subscales: {},
        flags: [],
        critical: [],
      });
    }
  });

  it("reverses item 3: always able to stop scores nothing, not always able scores a point", () => {
    const allNo = Array<boolean>(10).fill(false);
    expect(scoreDast10(answersOf(allNo))).toMatchObject({ total: 1, band: "low" });
    expect(scoreDast10(answersOf(allNo.map((_, i) => i === 2)))).toMatchObject({ total: 0, band: "none" });
    const allYes = Array<boolean>(10).fill(true);
    expect(scoreDast10(answersOf(allYes))).toMatchObject({ total: 9, band: "severe" });
    expect(scoreDast10(answersOf(allYes.map((_, i) => i !== 2)))).toMatchObject({
      total: 10,
      band: "severe",
    });
  });

  it.each([
    { total: 0, band: "none" },
    { total: 1, band: "low" },
    { total: 2, band: "low" },
    { total: 3, band: "moderate" },
    { total: 5, band: "moderate" },
    { total: 6, band: "substantial" },
    { total: 8, band: "substantial" },
    { total: 9, band: "severe" },
    { total: 10, band: "severe" },
  ])("a total of $total is $band", ({ total, band }) => {
    // Item 3 answered yes (no point); the first `total` of the other nine answered yes.
    const scoring = [0, 1, 3, 4, 5, 6, 7, 8, 9].slice(0, Math.min(total, 9));
    const yes = Array.from({ length: 10 }, (_, i) => i === 2 || scoring.includes(i));
    if (total === 10) yes[2] = false;
    expect(scoreDast10(answersOf(yes))).toMatchObject({ ok: true, total, band });
  });

  it("refuses to score with any item unanswered, naming the missing items", () => {
    const answers: Answers = { ...answersOf(Array<boolean>(10).fill(false)), "3": undefined, "7": undefined };
    expect(scoreDast10(answers)).toEqual({
      ok: false,
      missing: ["3", "7"],
      message: "Answer items 3, 7 before this can be scored.",
    });
  });

  it("ships with its credit line, as a non-commercial instrument a program can switch off", () => {
    expect(dast10.licence).toBe("credit");
    expect(dast10.credit).toBe(
      "© 1982 Harvey A. Skinner, PhD and the Centre for Addiction and Mental Health, Toronto",
    );
    expect(dast10.loinc).toEqual({ panel: "82666-9", total: "82667-7" });
  });
});
