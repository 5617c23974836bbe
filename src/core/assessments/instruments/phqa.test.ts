import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Answers, checkAnswers, deriveCriticalFindings } from "../instrument";
import { phqa, scorePhqa } from "./phqa";

const given = (values: readonly (number | undefined)[], extra: Answers = {}): Answers => ({
  ...Object.fromEntries(values.map((value, i) => [String(i + 1), value])),
  ...extra,
});

const YES_NO_BLANK = [true, false, undefined] as const;

/** The rules the PHQ-A should fire, by a different route: one check per critical question. */
function expectedRules(answers: Answers): string[] {
  const checks: [string, boolean][] = [
    ["phqa.item9", Number(answers["9"] ?? 0) >= 1],
    ["phqa.serious_thoughts_past_month", answers.serious_thoughts_past_month === true],
    ["phqa.attempt_ever", answers.attempt_ever === true],
  ];
  return checks.filter(([, fires]) => fires).map(([rule]) => rule);
}

function expectedBand(total: number): string {
  return total < 5
    ? "minimal"
    : total < 10
      ? "mild"
      : total < 15
        ? "moderate"
        : total < 20
          ? "moderately_severe"
          : "severe";
}

describe("PHQ-A scoring", () => {
  it("totals the first nine items over all 4^9 combinations, whatever the supplementary answers", () => {
    const mismatches: string[] = [];
    for (let combo = 0; combo < 4 ** 9; combo++) {
      const answers: Record<string, number | boolean | undefined> = {
        past_year_depressed: YES_NO_BLANK[combo % 3],
        serious_thoughts_past_month: YES_NO_BLANK[Math.floor(combo / 3) % 3],
        attempt_ever: YES_NO_BLANK[Math.floor(combo / 9) % 3],
      };
      let total = 0;
      for (let item = 1, rest = combo; item <= 9; item++, rest = Math.floor(rest / 4)) {
        answers[String(item)] = rest % 4;
        total += rest % 4;
      }
      const outcome = scorePhqa(answers);
      const rules = expectedRules(answers).join();
      const agrees =
        outcome.ok &&
        outcome.total === total &&
        outcome.band === expectedBand(total) &&
        outcome.critical.map((f) => f.rule).join() === rules &&
        (phqa.critical?.(answers) ?? []).map((f) => f.rule).join() === rules;
      if (!agrees && mismatches.length < 5) mismatches.push(JSON.stringify(answers));
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    { total: 4, band: "minimal", values: [1, 1, 1, 1, 0, 0, 0, 0, 0] },
    { total: 5, band: "mild", values: [1, 1, 1, 1, 1, 0, 0, 0, 0] },
    { total: 9, band: "mild", values: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
    { total: 10, band: "moderate", values: [2, 1, 1, 1, 1, 1, 1, 1, 1] },
    { total: 14, band: "moderate", values: [2, 2, 2, 2, 2, 1, 1, 1, 1] },
    { total: 15, band: "moderately_severe", values: [2, 2, 2, 2, 2, 2, 1, 1, 1] },
    { total: 19, band: "moderately_severe", values: [3, 3, 3, 2, 2, 2, 2, 1, 1] },
    { total: 20, band: "severe", values: [3, 3, 3, 3, 2, 2, 2, 1, 1] },
  ])("a total of $total is $band, as on the PHQ-9", ({ values, total, band }) => {
    expect(scorePhqa(given(values, { past_year_depressed: true, difficulty: 3 }))).toMatchObject({
      ok: true,
      total,
      band,
    });
  });

  it("refuses the total when one of items 1–9 is missing, naming it, but not for a blank supplementary", () => {
    expect(scorePhqa(given([1, 1, 1, 1, undefined, 1, 1, 1, 0]))).toEqual({
      ok: false,
      missing: ["5"],
      message: "Answer item 5 before this can be scored.",
    });
    expect(scorePhqa(given([1, 1, 1, 1, 1, 1, 1, 1, 0]))).toMatchObject({ ok: true, total: 8 });
  });
});

describe("PHQ-A critical answers", () => {
  it("raises one urgent finding per critical answer: item 9 above 0, serious thoughts, an attempt", () => {
    const answers = given([0, 0, 0, 0, 0, 0, 0, 0, 2], {
      serious_thoughts_past_month: true,
      attempt_ever: true,
    });
    expect(scorePhqa(answers)).toMatchObject({
      ok: true,
      critical: [
        { rule: "phqa.item9", severity: "urgent", linkIds: ["9"] },
        {
          rule: "phqa.serious_thoughts_past_month",
          severity: "urgent",
          linkIds: ["serious_thoughts_past_month"],
        },
        { rule: "phqa.attempt_ever", severity: "urgent", linkIds: ["attempt_ever"] },
      ],
    });
  });

  it("raises nothing when all three are answered no or 0", () => {
    const answers = given([3, 3, 3, 3, 3, 3, 3, 3, 0], {
      serious_thoughts_past_month: false,
      attempt_ever: false,
    });
    expect(deriveCriticalFindings(phqa, answers)).toEqual([]);
  });

  it("reports critical answers on every pattern of missing items, scored or not", () => {
    const mismatches: string[] = [];
    for (let mask = 0; mask < 2 ** 9; mask++) {
      for (let pattern = 0; pattern < 9; pattern++) {
        const answers: Record<string, number | boolean | undefined> = {
          serious_thoughts_past_month: YES_NO_BLANK[pattern % 3],
          attempt_ever: YES_NO_BLANK[Math.floor(pattern / 3)],
        };
        for (let item = 1; item <= 9; item++)
          if (mask & (1 << (item - 1))) answers[String(item)] = (item * pattern + mask) % 4;
        const found = deriveCriticalFindings(phqa, answers).map((f) => f.rule);
        const outcome = scorePhqa(answers);
        const agrees =
          found.join() === expectedRules(answers).join() &&
          outcome.ok === (mask === 2 ** 9 - 1) &&
          (!outcome.ok || outcome.critical.map((f) => f.rule).join() === found.join());
        if (!agrees && mismatches.length < 5) mismatches.push(JSON.stringify(answers));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("never lets the past-year or difficulty answers change the total or the findings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom(...YES_NO_BLANK),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (values, pastYear, difficulty) => {
          const plain = scorePhqa(given(values));
          const withExtras = scorePhqa(given(values, { past_year_depressed: pastYear, difficulty }));
          expect(withExtras).toEqual(plain);
        },
      ),
    );
  });
});

describe("PHQ-A definition", () => {
  it("takes yes/no on the three yes/no supplementaries and 0–3 on the difficulty question", () => {
    const answers = given([0, 1, 2, 3, 0, 1, 2, 3, 0], {
      past_year_depressed: false,
      difficulty: 1,
      serious_thoughts_past_month: false,
      attempt_ever: false,
    });
    expect(checkAnswers(phqa, answers)).toEqual([]);
    expect(checkAnswers(phqa, { attempt_ever: 1, difficulty: true }).map((p) => p.path)).toEqual([
      "attempt_ever",
      "difficulty",
    ]);
  });

  it("is for adolescents, with the PHQ-A LOINC panel and total", () => {
    expect(phqa.audience).toBe("adolescent");
    expect(phqa.loinc).toEqual({ panel: "89206-7", total: "89204-2" });
  });
});
