import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers } from "../instrument";
import { definePcl5, pcl5, scorePcl5 } from "./pcl5";

/** Twenty ratings, item 1 first. */
const answersOf = (ratings: readonly number[]): Answers =>
  Object.fromEntries(ratings.map((rating, i) => [String(i + 1), rating]));

/** Ratings with every item at `base` and the listed items (1-based) set to the given value. */
function ratings(base: number, overrides: Record<number, number> = {}): number[] {
  return Array.from({ length: 20 }, (_, i) => overrides[i + 1] ?? base);
}

/** An independent reading of the published rules, by array position. */
function reference(values: readonly number[], cutoff = 33) {
  const slice = (from: number, to: number) => values.slice(from, to);
  const [b, c, d, e] = [slice(0, 5), slice(5, 7), slice(7, 14), slice(14, 20)];
  const sum = (xs: readonly number[]) => xs.reduce((x, y) => x + y, 0);
  const endorsed = (xs: readonly number[]) => xs.filter((x) => x > 1).length;
  const total = sum(values);
  const dsm5 = endorsed(b) >= 1 && endorsed(c) >= 1 && endorsed(d) >= 2 && endorsed(e) >= 2;
  const flags = [
    ...(dsm5 ? ["pcl5.dsm5_criteria_met"] : []),
    ...(total >= cutoff ? ["pcl5.provisional_ptsd"] : []),
  ];
  return {
    ok: true,
    total,
    band: total >= cutoff ? "provisional_ptsd" : "below_cutoff",
    subscales: { cluster_b: sum(b), cluster_c: sum(c), cluster_d: sum(d), cluster_e: sum(e) },
    flags,
    critical: [],
  };
}

const twentyRatings = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 20, maxLength: 20 });

describe("PCL-5 scoring", () => {
  it("agrees with an independent implementation on any complete set of answers", () => {
    fc.assert(
      fc.property(twentyRatings, (values) => {
        expect(scorePcl5(answersOf(values))).toEqual(reference(values));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with it at any cut-off in the published 31–33 range", () => {
    fc.assert(
      fc.property(twentyRatings, fc.integer({ min: 31, max: 33 }), (values, cutoff) => {
        const definition = definePcl5({ provisionalCutoff: cutoff });
        expect(definition.score(answersOf(values))).toEqual(reference(values, cutoff));
      }),
      { numRuns: 500 },
    );
  });

  it("flags provisional PTSD from 33 by default: 32 is below, 33 is at the cut-off", () => {
    const at32 = scorePcl5(answersOf(ratings(0, { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4, 8: 4 })));
    expect(at32).toMatchObject({ total: 32, band: "below_cutoff" });
    expect(at32.ok && at32.flags).not.toContain("pcl5.provisional_ptsd");
    const at33 = scorePcl5(answersOf(ratings(0, { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4, 8: 4, 9: 1 })));
    expect(at33).toMatchObject({ total: 33, band: "provisional_ptsd" });
    expect(at33.ok && at33.flags).toContain("pcl5.provisional_ptsd");
  });

  it("lets a program lower the cut-off to 31, with bands to match", () => {
    const definition = definePcl5({ provisionalCutoff: 31 });
    expect(definition.bands).toEqual([
      { code: "below_cutoff", min: 0, max: 30 },
      { code: "provisional_ptsd", min: 31, max: 80 },
    ]);
    const at31 = answersOf(ratings(0, { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4, 8: 3 }));
    expect(definition.score(at31)).toMatchObject({ total: 31, band: "provisional_ptsd" });
    expect(pcl5.score(at31)).toMatchObject({ total: 31, band: "below_cutoff" });
    expect(() => definePcl5({ provisionalCutoff: 0 })).toThrow(/whole number from 1 to 80/);
    expect(() => definePcl5({ provisionalCutoff: 32.5 })).toThrow(/whole number from 1 to 80/);
  });

  it("does not meet the DSM-5 rule when cluster C is not endorsed, however high the total", () => {
    const outcome = scorePcl5(answersOf(ratings(4, { 6: 1, 7: 1 })));
    expect(outcome).toMatchObject({
      total: 74,
      band: "provisional_ptsd",
      subscales: { cluster_b: 20, cluster_c: 2, cluster_d: 28, cluster_e: 24 },
      flags: ["pcl5.provisional_ptsd"],
    });
  });

  it("meets the DSM-5 rule with the fewest endorsed items (1 B, 1 C, 2 D, 2 E) at a low total", () => {
    const minimal = { 1: 2, 6: 2, 8: 2, 9: 2, 15: 2, 16: 2 };
    expect(scorePcl5(answersOf(ratings(0, minimal)))).toMatchObject({
      total: 12,
      band: "below_cutoff",
      flags: ["pcl5.dsm5_criteria_met"],
    });
  });

  it.each([
    { missingCluster: "B", without: 1 },
    { missingCluster: "C", without: 6 },
    { missingCluster: "D (only one endorsed)", without: 9 },
    { missingCluster: "E (only one endorsed)", without: 16 },
  ])("does not meet the DSM-5 rule when $missingCluster falls short", ({ without }) => {
    const minimal: Record<number, number> = { 1: 2, 6: 2, 8: 2, 9: 2, 15: 2, 16: 2 };
    minimal[without] = 1;
    const outcome = scorePcl5(answersOf(ratings(0, minimal)));
    expect(outcome.ok && outcome.flags).toEqual([]);
  });

  it("counts only ratings of 2 (moderately) or more as endorsed", () => {
    const outcome = scorePcl5(answersOf(ratings(1)));
    expect(outcome).toMatchObject({ total: 20, flags: [] });
  });

  it("refuses to score with any item unanswered, naming the missing items", () => {
    const answers: Answers = { ...answersOf(ratings(2)), "7": undefined, "20": undefined };
    expect(scorePcl5(answers)).toEqual({
      ok: false,
      missing: ["7", "20"],
      message: "Answer items 7, 20 before this can be scored.",
    });
  });
});
