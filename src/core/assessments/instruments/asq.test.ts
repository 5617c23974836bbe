import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Answers, checkAnswers, deriveCriticalFindings } from "../instrument";
import { asq, scoreAsq } from "./asq";

type YesNo = boolean | undefined;
const YES_NO_BLANK: readonly YesNo[] = [true, false, undefined];

const given = (q1: YesNo, q2: YesNo, q3: YesNo, q4: YesNo, q5?: YesNo): Answers => ({
  "1": q1,
  "2": q2,
  "3": q3,
  "4": q4,
  "5": q5,
});

/**
 * The NIMH decision, counted rather than branched: how many of 1–4 are yes and how many are answered
 * decide the result; the acuity answer only matters as a yes.
 */
function expected(answers: Answers): { band: string } | { missing: string[] } {
  const screen = ["1", "2", "3", "4"];
  const yesCount = screen.reduce((n, id) => n + (answers[id] === true ? 1 : 0), 0);
  const noCount = screen.reduce((n, id) => n + (answers[id] === false ? 1 : 0), 0);
  if (answers["5"] === true) return { band: "acute_positive" };
  if (yesCount > 0) return { band: "positive" };
  if (noCount === 4) return { band: "negative" };
  return { missing: screen.filter((id) => answers[id] === undefined) };
}

describe("ASQ screening result", () => {
  it("agrees with the NIMH decision on all 3^5 combinations of yes, no or blank", () => {
    const mismatches: string[] = [];
    for (let combo = 0; combo < 3 ** 5; combo++) {
      const digits = [0, 1, 2, 3, 4].map((i) => Math.floor(combo / 3 ** i) % 3);
      const answers = given(...(digits.map((d) => YES_NO_BLANK[d]) as [YesNo, YesNo, YesNo, YesNo, YesNo]));
      const want = expected(answers);
      const outcome = scoreAsq(answers);
      const critical = asq.critical?.(answers) ?? [];
      const severity =
        "band" in want && want.band === "acute_positive"
          ? "emergency"
          : "band" in want && want.band === "positive"
            ? "urgent"
            : null;
      const agrees =
        ("band" in want
          ? outcome.ok && outcome.band === want.band && outcome.total === null
          : !outcome.ok && outcome.missing.join() === want.missing.join()) &&
        critical.length === (severity ? 1 : 0) &&
        critical[0]?.severity === (severity ?? undefined) &&
        (!outcome.ok || JSON.stringify(outcome.critical) === JSON.stringify(critical));
      if (!agrees) mismatches.push(JSON.stringify(answers));
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    { case: "all four no", answers: given(false, false, false, false), band: "negative" },
    { case: "wished dead, not acute", answers: given(true, false, false, false, false), band: "positive" },
    { case: "past attempt only", answers: given(false, false, false, true, false), band: "positive" },
    {
      case: "thoughts this week, acute",
      answers: given(false, false, true, false, true),
      band: "acute_positive",
    },
    {
      case: "family better off, acuity unanswered",
      answers: given(false, true, false, false),
      band: "positive",
    },
    {
      case: "first yes, the rest blank",
      answers: given(true, undefined, undefined, undefined),
      band: "positive",
    },
  ])("$case: $band", ({ answers, band }) => {
    expect(scoreAsq(answers)).toMatchObject({ ok: true, total: null, band });
  });

  it("is negative only when all four are answered no; otherwise names the blanks", () => {
    expect(scoreAsq(given(false, false, undefined, undefined))).toEqual({
      ok: false,
      missing: ["3", "4"],
      message: "Answer items 3, 4 before this can be scored.",
    });
    expect(scoreAsq({})).toMatchObject({ ok: false, missing: ["1", "2", "3", "4"] });
  });

  it("never asks for the acuity answer: a positive screen without it is scored", () => {
    const outcome = scoreAsq(given(true, true, false, false));
    expect(outcome.ok).toBe(true);
  });
});

describe("ASQ critical findings", () => {
  it("a positive screen is urgent, naming the items answered yes", () => {
    expect(scoreAsq(given(true, false, true, false, false))).toMatchObject({
      critical: [{ rule: "asq.positive", severity: "urgent", linkIds: ["1", "3"] }],
    });
  });

  it("an acute positive is one emergency finding, naming the acuity question first, then the yes items", () => {
    expect(deriveCriticalFindings(asq, given(false, true, false, false, true))).toEqual([
      { rule: "asq.acute_positive", severity: "emergency", linkIds: ["5", "2"] },
    ]);
  });

  it("a negative screen raises nothing", () => {
    expect(deriveCriticalFindings(asq, given(false, false, false, false))).toEqual([]);
  });

  it("a yes to 'thoughts of killing yourself right now' is never ignored, even if it was not to be asked", () => {
    expect(scoreAsq(given(false, false, false, false, true))).toMatchObject({
      ok: true,
      band: "acute_positive",
      critical: [{ rule: "asq.acute_positive", severity: "emergency", linkIds: ["5"] }],
    });
  });

  it("one more yes never makes the result less pressing", () => {
    const rank = (answers: Answers) => {
      const outcome = scoreAsq(answers);
      return outcome.ok ? ["negative", "positive", "acute_positive"].indexOf(outcome.band ?? "") : -1;
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...YES_NO_BLANK), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        (values, flip) => {
          const before = given(...(values as [YesNo, YesNo, YesNo, YesNo, YesNo]));
          const after = { ...before, [String(flip + 1)]: true };
          const wasScored = rank(before) >= 0;
          if (wasScored) expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
          expect(rank(after)).toBeGreaterThanOrEqual(flip < 4 ? 1 : 2);
        },
      ),
    );
  });
});

describe("ASQ definition", () => {
  it("takes yes/no answers only, with the acuity question optional", () => {
    expect(checkAnswers(asq, given(true, false, false, false, true))).toEqual([]);
    expect(checkAnswers(asq, { "1": 1 }).map((p) => p.path)).toEqual(["1"]);
    expect(asq.items.find((i) => i.linkId === "5")?.required).toBe(false);
  });
});
