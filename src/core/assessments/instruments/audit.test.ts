import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers } from "../instrument";
import { audit, scoreAudit } from "./audit";

/** Answers from ten scores, item 1 first. */
const answersOf = (scores: readonly number[]): Answers =>
  Object.fromEntries(scores.map((score, i) => [String(i + 1), score]));

/**
 * An independent reading of the WHO rules: positions 0–7 are the 0–4 items, 8–9 the 0/2/4 items;
 * zones by descending cut-offs.
 */
function reference(scores: readonly number[]) {
  let total = 0;
  for (const score of scores) total += score;
  const zone =
    total >= 20 ? "possible_dependence" : total >= 16 ? "harmful" : total >= 8 ? "hazardous" : "low_risk";
  const [consumption, dependence, harm] = [scores.slice(0, 3), scores.slice(3, 6), scores.slice(6, 10)].map(
    (part) => part.reduce((a, b) => a + b, 0),
  );
  return { total, zone, consumption, dependence, harm };
}

const allAnswers = fc.tuple(
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }),
  fc.array(fc.constantFrom(0, 2, 4), { minLength: 2, maxLength: 2 }),
);

describe("AUDIT scoring", () => {
  it("agrees with an independent implementation on any complete set of answers", () => {
    fc.assert(
      fc.property(allAnswers, ([frequencyItems, injuryItems]) => {
        const scores = [...frequencyItems, ...injuryItems];
        const want = reference(scores);
        const outcome = scoreAudit(answersOf(scores));
        expect(outcome).toEqual({
          ok: true,
          total: want.total,
          band: want.zone,
          subscales: { consumption: want.consumption, dependence: want.dependence, harm: want.harm },
          flags: [],
          critical: [],
        });
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    { scores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, band: "low_risk" },
    { scores: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0], total: 7, band: "low_risk" },
    { scores: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0], total: 8, band: "hazardous" },
    { scores: [4, 4, 4, 1, 0, 0, 0, 0, 2, 0], total: 15, band: "hazardous" },
    { scores: [4, 4, 4, 0, 0, 0, 0, 0, 4, 0], total: 16, band: "harmful" },
    { scores: [4, 4, 4, 1, 0, 0, 0, 0, 2, 4], total: 19, band: "harmful" },
    { scores: [4, 4, 4, 2, 0, 0, 0, 0, 2, 4], total: 20, band: "possible_dependence" },
    { scores: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], total: 40, band: "possible_dependence" },
  ])("$scores totals $total: WHO zone $band", ({ scores, total, band }) => {
    expect(scoreAudit(answersOf(scores))).toMatchObject({ ok: true, total, band });
  });

  it("reports the WHO domains: consumption 1–3, dependence 4–6, harm 7–10", () => {
    expect(scoreAudit(answersOf([1, 2, 3, 4, 0, 1, 2, 3, 2, 4]))).toMatchObject({
      total: 22,
      subscales: { consumption: 6, dependence: 5, harm: 11 },
    });
  });

  it("refuses to score with any item unanswered, naming every missing item in order", () => {
    const answers: Record<string, number> = {
      "1": 0,
      "2": 0,
      "3": 0,
      "5": 0,
      "6": 0,
      "7": 0,
      "8": 0,
      "9": 0,
    };
    expect(scoreAudit(answers)).toEqual({
      ok: false,
      missing: ["4", "10"],
      message: "Answer items 4, 10 before this can be scored.",
    });
    expect(scoreAudit({})).toMatchObject({ missing: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] });
  });

  it("offers 0, 2 and 4 on items 9 and 10 and 0–4 on the others", () => {
    const values = Object.fromEntries(
      audit.items.map((i) => [i.linkId, i.kind === "ordinal" ? i.values : []]),
    );
    expect(values["1"]).toEqual([0, 1, 2, 3, 4]);
    expect(values["8"]).toEqual([0, 1, 2, 3, 4]);
    expect(values["9"]).toEqual([0, 2, 4]);
    expect(values["10"]).toEqual([0, 2, 4]);
  });

  it("reports its total under the AUDIT code 75624-7, not the AUDIT-C's 75626-2", () => {
    expect(audit.loinc).toEqual({ panel: "72110-0", total: "75624-7" });
  });
});
