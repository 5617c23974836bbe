import { describe, expect, it } from "vitest";
import type { Answers } from "../instrument";
import { CRAFFT_PART_B, crafft, crafftPartBAsked, scoreCrafft } from "./crafft";

/** Part B answers from a 6-bit mask: bit 0 is CAR, bit 5 TROUBLE. */
const partB = (mask: number): Record<string, boolean> =>
  Object.fromEntries(CRAFFT_PART_B.map((id, i) => [id, (mask & (1 << i)) !== 0]));

const partA = (a1: number, a2: number, a3: number) => ({ a1, a2, a3 });

/** Part A patterns with some use: each substance alone, the extremes of the range, all three. */
const SOME_USE = [partA(1, 0, 0), partA(0, 30, 0), partA(0, 0, 365), partA(12, 5, 200)];

describe("CRAFFT 2.1 scoring", () => {
  it("with some use in Part A, scores all 64 Part B patterns as the number of yes answers", () => {
    for (const days of SOME_USE)
      for (let mask = 0; mask < 64; mask++) {
        let yes = 0;
        for (let bits = mask; bits > 0; bits >>= 1) yes += bits & 1;
        const flags = mask & 1 ? ["crafft.car_yes"] : [];
        expect(scoreCrafft({ ...days, ...partB(mask) })).toEqual({
          ok: true,
          total: yes,
          band: yes >= 2 ? "high_risk" : "low_risk",
          subscales: {},
          flags,
          critical: [],
        });
      }
  });

  it("with no use in Part A, asks only CAR and scores CAR's value, whatever else arrives", () => {
    for (let mask = 0; mask < 64; mask++) {
      const car = (mask & 1) === 1;
      const want = {
        ok: true,
        total: car ? 1 : 0,
        band: "low_risk",
        subscales: {},
        flags: car ? ["crafft.no_use_reported", "crafft.car_yes"] : ["crafft.no_use_reported"],
        critical: [],
      };
      expect(scoreCrafft({ ...partA(0, 0, 0), car })).toEqual(want);
      expect(scoreCrafft({ ...partA(0, 0, 0), ...partB(mask) })).toEqual(want);
    }
  });

  it.each([
    { yes: ["relax"], total: 1, band: "low_risk" },
    { yes: ["relax", "trouble"], total: 2, band: "high_risk" },
    { yes: ["car", "relax", "alone", "forget", "friends", "trouble"], total: 6, band: "high_risk" },
  ])("$yes answered yes after some use: $total, $band", ({ yes, total, band }) => {
    const answers: Answers = { ...partA(3, 0, 0), ...partB(0) };
    for (const id of yes) (answers as Record<string, boolean>)[id] = true;
    expect(scoreCrafft(answers)).toMatchObject({ ok: true, total, band });
  });

  it("asks CAR alone when every Part A answer is 0, all six with any use, and waits while Part A is incomplete", () => {
    expect(crafftPartBAsked(partA(0, 0, 0))).toEqual(["car"]);
    expect(crafftPartBAsked(partA(0, 2, 0))).toEqual(CRAFFT_PART_B);
    expect(crafftPartBAsked({ a1: 0, a3: 0 })).toBeNull();
    expect(crafftPartBAsked({ a2: 4 })).toEqual(CRAFFT_PART_B);
  });

  it("refuses to score with items missing, naming those known to be needed", () => {
    expect(scoreCrafft(partA(0, 0, 0))).toEqual({
      ok: false,
      missing: ["car"],
      message: "Answer item car before this can be scored.",
    });
    expect(scoreCrafft({ ...partA(5, 0, 0), car: false, relax: true })).toMatchObject({
      ok: false,
      missing: ["alone", "forget", "friends", "trouble"],
    });
    expect(scoreCrafft({ a1: 0, a3: 0, car: false })).toMatchObject({ ok: false, missing: ["a2"] });
    expect(scoreCrafft({ a2: 10 })).toMatchObject({
      ok: false,
      missing: ["a1", "a3", "car", "relax", "alone", "forget", "friends", "trouble"],
    });
  });

  it("ships scoring only: the program supplies the wording", () => {
    expect(crafft).toMatchObject({
      licence: "program_supplied",
      audience: "adolescent",
      totalRange: { min: 0, max: 6 },
    });
    expect(crafft.items.filter((i) => i.kind === "integer")).toEqual([
      { linkId: "a1", kind: "integer", min: 0, max: 365, required: true },
      { linkId: "a2", kind: "integer", min: 0, max: 365, required: true },
      { linkId: "a3", kind: "integer", min: 0, max: 365, required: true },
    ]);
  });
});
