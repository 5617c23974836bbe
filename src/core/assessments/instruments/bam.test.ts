import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers } from "../instrument";
import { bam, scoreBam, scoreBamSubscales } from "./bam";

/** A complete BAM with every scored item at 0 (item 14 "no"), then the given answers on top. */
function given(overrides: Answers = {}): Answers {
  const base: Record<string, number> = {};
  for (const linkId of ["1", "2", "3", "4", "6", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"])
    base[linkId] = 0;
  return { ...base, ...overrides };
}

const likert = fc.integer({ min: 0, max: 4 });

describe("BAM scoring (Likert version)", () => {
  it("sums each subscale from its own items, with no total", () => {
    fc.assert(
      fc.property(
        fc.array(likert, { minLength: 17, maxLength: 17 }),
        fc.boolean(),
        fc.array(likert, { minLength: 7, maxLength: 7 }),
        (scores, income, drugDays) => {
          const answers: Record<string, number> = {};
          scores.forEach((score, i) => {
            answers[String(i + 1)] = score;
          });
          answers["14"] = income ? 4 : 0;
          delete answers["7"];
          const item5Asked = (answers["4"] ?? 0) > 0;
          if (!item5Asked) delete answers["5"];
          if ((answers["6"] ?? 0) > 0)
            drugDays.forEach((days, i) => {
              answers[`7${"abcdefg"[i]}`] = days;
            });
          const pick = (...ids: number[]) => ids.reduce((sum, id) => sum + (answers[String(id)] ?? 0), 0);
          const use = pick(4, 5, 6);
          const risk = pick(1, 2, 3, 8, 11, 15);
          const protective = pick(9, 10, 12, 13, 14, 16);
          const flags = [
            ...(use >= 1 ? ["bam.use_reported"] : []),
            ...(risk >= 12 ? ["bam.risk_elevated"] : []),
            ...(protective <= 12 ? ["bam.protective_low"] : []),
          ];
          expect(scoreBam(answers)).toEqual({
            ok: true,
            total: null,
            band: null,
            subscales: { use, risk, protective },
            flags,
            critical: [],
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    { case: "no use", answers: {}, use: 0, flagged: false },
    { case: "one to three days of drug use", answers: { "6": 1 }, use: 1, flagged: true },
    { case: "drinking days and heavy days", answers: { "4": 2, "5": 1 }, use: 3, flagged: true },
  ])("Use: $case → $use (flagged from 1)", ({ answers, use, flagged }) => {
    const outcome = scoreBam(given(answers));
    expect(outcome).toMatchObject({ ok: true, subscales: { use } });
    expect(outcome.ok && outcome.flags.includes("bam.use_reported")).toBe(flagged);
  });

  it.each([
    { risk: 11, flagged: false, answers: { "1": 4, "2": 4, "3": 3 } },
    { risk: 12, flagged: true, answers: { "1": 4, "2": 4, "3": 4 } },
  ])("Risk: $risk is flagged: $flagged (flag from 12)", ({ risk, flagged, answers }) => {
    const outcome = scoreBam(given(answers));
    expect(outcome).toMatchObject({ subscales: { risk } });
    expect(outcome.ok && outcome.flags.includes("bam.risk_elevated")).toBe(flagged);
  });

  it.each([
    { protective: 12, flagged: true, answers: { "9": 4, "10": 4, "14": 4 } },
    { protective: 13, flagged: false, answers: { "9": 4, "10": 4, "14": 4, "16": 1 } },
  ])(
    "Protective: $protective is flagged low: $flagged (flag at 12 or less)",
    ({ protective, flagged, answers }) => {
      const outcome = scoreBam(given(answers));
      expect(outcome).toMatchObject({ subscales: { protective } });
      expect(outcome.ok && outcome.flags.includes("bam.protective_low")).toBe(flagged);
    },
  );

  it("counts item 5 as 0 when item 4 is 0 (not asked), and needs it when item 4 is above 0", () => {
    expect(scoreBam(given({ "4": 0, "6": 2 }))).toMatchObject({ subscales: { use: 2 } });
    const unanswered5 = scoreBam(given({ "4": 1 }));
    expect(unanswered5).toMatchObject({ ok: true, subscales: { risk: 0, protective: 0 } });
    expect(unanswered5.ok && unanswered5.subscales).not.toHaveProperty("use");
    expect(unanswered5.ok && unanswered5.flags).toContain("bam.use_not_scored");
    expect(scoreBamSubscales(given({ "4": 1 })).use).toEqual({ missing: ["5"] });
    expect(scoreBamSubscales(given({ "4": undefined })).use).toEqual({ missing: ["4"] });
  });

  it("scores the complete subscales and reports the others with the items they need", () => {
    const answers = given({ "2": undefined, "15": undefined, "1": 3 });
    expect(scoreBam(answers)).toEqual({
      ok: true,
      total: null,
      band: null,
      subscales: { use: 0, protective: 0 },
      flags: ["bam.protective_low", "bam.risk_not_scored"],
      critical: [],
    });
    expect(scoreBamSubscales(answers)).toEqual({
      use: { score: 0 },
      risk: { missing: ["2", "15"] },
      protective: { score: 0 },
    });
  });

  it("refuses when no subscale can be scored, naming the missing items of each", () => {
    const outcome = scoreBam({ "1": 1, "4": 2, "9": 3, "17": 4 });
    expect(outcome).toEqual({
      ok: false,
      missing: ["2", "3", "5", "6", "8", "10", "11", "12", "13", "14", "15", "16"],
      message:
        "No subscale can be scored yet. Use: answer items 5, 6. Risk: answer items 2, 3, 8, 11, 15. " +
        "Protective: answer items 10, 12, 13, 14, 16.",
    });
  });

  it("leaves the drug-class days (7A–7G) and satisfaction (17) out of every subscale", () => {
    const plain = scoreBam(given({ "6": 3 }));
    const withUnscored = scoreBam(
      given({ "6": 3, "7a": 4, "7b": 4, "7c": 4, "7d": 4, "7e": 4, "7f": 4, "7g": 4, "17": 4 }),
    );
    expect(withUnscored).toEqual(plain);
    expect(scoreBam(given({ "17": undefined }))).toMatchObject({ ok: true });
  });

  it("has no total, bands or LOINC codes", () => {
    expect(bam).toMatchObject({
      totalRange: null,
      bands: [],
      direction: null,
      loinc: { panel: null, total: null },
    });
  });
});
