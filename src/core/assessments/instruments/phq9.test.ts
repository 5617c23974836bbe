import { describe, expect, it } from "vitest";
import { type Answers, checkAnswers, deriveCriticalFindings } from "../instrument";
import { phq9, scorePhq9 } from "./phq9";

/** Items 1–9 in order, as a PHQ-9 answer set. */
const given = (values: readonly (number | undefined)[], extra: Answers = {}): Answers => ({
  ...Object.fromEntries(values.map((value, i) => [String(i + 1), value])),
  ...extra,
});

/** Kroenke 2001 severity, written as thresholds rather than ranges. */
function expectedBand(total: number): string {
  if (total >= 20) return "severe";
  if (total >= 15) return "moderately_severe";
  if (total >= 10) return "moderate";
  if (total >= 5) return "mild";
  return "minimal";
}

const ITEM9 = { rule: "phq9.item9", severity: "urgent", linkIds: ["9"] };

describe("PHQ-9 scoring", () => {
  it("scores all 4^9 answer combinations as an independent sum, band and item-9 rule would", () => {
    const mismatches: string[] = [];
    const answers: Record<string, number> = {};
    for (let combo = 0; combo < 4 ** 9; combo++) {
      let rest = combo;
      let total = 0;
      for (let item = 1; item <= 9; item++) {
        const value = rest % 4;
        rest = Math.floor(rest / 4);
        answers[String(item)] = value;
        total += value;
      }
      const outcome = scorePhq9(answers);
      const critical = phq9.critical?.(answers) ?? [];
      const wantsAlert = (answers["9"] ?? 0) !== 0;
      const agrees =
        outcome.ok &&
        outcome.total === total &&
        outcome.band === expectedBand(total) &&
        outcome.critical.length === (wantsAlert ? 1 : 0) &&
        critical.length === outcome.critical.length &&
        (!wantsAlert || (outcome.critical[0]?.rule === "phq9.item9" && critical[0]?.rule === "phq9.item9"));
      if (!agrees && mismatches.length < 5) mismatches.push(JSON.stringify(answers));
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    { values: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, band: "minimal" },
    { values: [1, 1, 1, 1, 0, 0, 0, 0, 0], total: 4, band: "minimal" },
    { values: [1, 1, 1, 1, 1, 0, 0, 0, 0], total: 5, band: "mild" },
    { values: [3, 3, 3, 0, 0, 0, 0, 0, 0], total: 9, band: "mild" },
    { values: [2, 2, 2, 2, 2, 0, 0, 0, 0], total: 10, band: "moderate" },
    { values: [2, 2, 2, 2, 2, 1, 1, 1, 1], total: 14, band: "moderate" },
    { values: [3, 2, 2, 2, 2, 1, 1, 1, 1], total: 15, band: "moderately_severe" },
    { values: [3, 3, 3, 3, 3, 1, 1, 1, 1], total: 19, band: "moderately_severe" },
    { values: [3, 3, 3, 3, 3, 2, 1, 1, 1], total: 20, band: "severe" },
    { values: [3, 3, 3, 3, 3, 3, 3, 3, 3], total: 27, band: "severe" },
  ])("a total of $total is $band", ({ values, total, band }) => {
    expect(scorePhq9(given(values))).toMatchObject({ ok: true, total, band });
  });

  it("leaves the difficulty question out of the total", () => {
    const values = [1, 1, 1, 1, 1, 0, 0, 0, 0];
    expect(scorePhq9(given(values, { difficulty: 3 }))).toMatchObject({ ok: true, total: 5, band: "mild" });
    expect(checkAnswers(phq9, given(values, { difficulty: 3 }))).toEqual([]);
  });

  it("refuses to score when an item is missing, naming the missing items (no prorating)", () => {
    expect(scorePhq9(given([1, 1, 1, 1, 1, 1, 1, 1, undefined]))).toEqual({
      ok: false,
      missing: ["9"],
      message: "Answer item 9 before this can be scored.",
    });
    expect(scorePhq9(given([3, 3, undefined, 3, 3, 3, undefined, 3, 3]))).toEqual({
      ok: false,
      missing: ["3", "7"],
      message: "Answer items 3, 7 before this can be scored.",
    });
    expect(scorePhq9({})).toMatchObject({
      ok: false,
      missing: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    });
  });

  it("refuses exactly when one of the 2^9 patterns of answered items is incomplete, and names the gaps", () => {
    const mismatches: number[] = [];
    for (let mask = 0; mask < 2 ** 9; mask++) {
      const answers: Record<string, number> = {};
      const gaps: string[] = [];
      for (let item = 1; item <= 9; item++) {
        if (mask & (1 << (item - 1))) answers[String(item)] = (item + mask) % 4;
        else gaps.push(String(item));
      }
      const outcome = scorePhq9(answers);
      const agrees = gaps.length === 0 ? outcome.ok : !outcome.ok && outcome.missing.join() === gaps.join();
      if (!agrees) mismatches.push(mask);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("PHQ-9 item 9 (thoughts of being better off dead or of self-harm)", () => {
  it.each([1, 2, 3])("an answer of %i raises an urgent finding", (value) => {
    const outcome = scorePhq9(given([0, 0, 0, 0, 0, 0, 0, 0, value]));
    expect(outcome).toMatchObject({ ok: true, critical: [ITEM9] });
  });

  it("an answer of 0 raises nothing", () => {
    expect(scorePhq9(given([3, 3, 3, 3, 3, 3, 3, 3, 0]))).toMatchObject({
      ok: true,
      total: 24,
      critical: [],
    });
  });

  it("is reported even when other items are missing and the total is refused", () => {
    const answers = given([
      undefined,
      2,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
    ]);
    expect(scorePhq9(answers).ok).toBe(false);
    expect(phq9.critical?.(answers)).toEqual([ITEM9]);
    expect(deriveCriticalFindings(phq9, answers)).toEqual([ITEM9]);
    expect(deriveCriticalFindings(phq9, { "9": 3 })).toEqual([ITEM9]);
  });

  it("is not raised by a missing item 9", () => {
    expect(deriveCriticalFindings(phq9, given([3, 3, 3, 3, 3, 3, 3, 3, undefined]))).toEqual([]);
  });
});

describe("PHQ-9 definition", () => {
  it("takes the options 0–3 on items 1–9 and the difficulty question, and nothing else", () => {
    expect(checkAnswers(phq9, given([0, 1, 2, 3, 0, 1, 2, 3, 0]))).toEqual([]);
    expect(checkAnswers(phq9, { "1": 4, "9": true, "10": 1 }).map((p) => p.path)).toEqual(["1", "9", "10"]);
  });

  it("sends the LOINC total 44261-6 and the panel 44249-1, not the other way round", () => {
    expect(phq9.loinc).toEqual({ panel: "44249-1", total: "44261-6" });
  });
});
