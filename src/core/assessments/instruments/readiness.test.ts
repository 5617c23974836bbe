import { describe, expect, it } from "vitest";
import { type Answers, checkAnswers } from "../instrument";
import { readiness, scoreReadiness } from "./readiness";

const RULERS = ["importance", "confidence", "readiness"] as const;

describe("readiness ruler", () => {
  it("reports each answered ruler as its own subscale, over all 12^3 combinations of 0–10 or blank", () => {
    const mismatches: string[] = [];
    for (let combo = 0; combo < 12 ** 3; combo++) {
      const answers: Record<string, number | undefined> = {};
      const want: Record<string, number> = {};
      RULERS.forEach((ruler, i) => {
        const digit = Math.floor(combo / 12 ** i) % 12; // 11 stands for "not answered"
        if (digit < 11) {
          answers[ruler] = digit;
          want[ruler] = digit;
        }
      });
      const outcome = scoreReadiness(answers);
      const agrees =
        Object.keys(want).length === 0
          ? !outcome.ok && outcome.missing.join() === RULERS.join()
          : outcome.ok &&
            outcome.total === null &&
            outcome.band === null &&
            JSON.stringify(outcome.subscales) === JSON.stringify(want);
      if (!agrees && mismatches.length < 5) mismatches.push(JSON.stringify(answers));
    }
    expect(mismatches).toEqual([]);
  });

  it("scores a single ruler on its own", () => {
    expect(scoreReadiness({ confidence: 4 })).toEqual({
      ok: true,
      total: null,
      band: null,
      subscales: { confidence: 4 },
      flags: [],
      critical: [],
    });
  });

  it("refuses a response with no ruler answered", () => {
    expect(scoreReadiness({})).toEqual({
      ok: false,
      missing: ["importance", "confidence", "readiness"],
      message:
        "Answer at least one of the rulers (importance, confidence, readiness) before this can be scored.",
    });
  });

  it("takes whole numbers 0–10 only, higher being more ready", () => {
    const answers: Answers = { importance: 0, confidence: 10, readiness: 5 };
    expect(checkAnswers(readiness, answers)).toEqual([]);
    expect(checkAnswers(readiness, { importance: 11, confidence: 2.5, readiness: -1 })).toHaveLength(3);
    expect(readiness.direction).toBe("higher_is_better");
  });
});
