import { describe, expect, it } from "vitest";
import { type ChartableInstrument, deriveMyMeasures, type ScoredTotal } from "./my-measures.rules";

const INSTRUMENTS: ChartableInstrument[] = [
  { key: "phq9", totalRange: { min: 0, max: 27 }, direction: "lower_is_better" },
  { key: "who5", totalRange: { min: 0, max: 25 }, direction: "higher_is_better" },
  { key: "bam", totalRange: null, direction: "lower_is_better" },
  { key: "asq", totalRange: { min: 0, max: 5 }, direction: null },
];

const total = (instrumentKey: string, completedOn: string, value: number | null): ScoredTotal => ({
  instrumentKey,
  completedOn,
  total: value,
});

describe("deriveMyMeasures", () => {
  it.each([
    ["nothing answered", [], []],
    ["a screen without direction has no chart", [total("asq", "2026-01-02", 0)], []],
    ["subscales only have no chart", [total("bam", "2026-01-02", 4)], []],
    ["a response that could not be scored is left out", [total("phq9", "2026-01-02", null)], []],
    ["an unknown questionnaire is left out", [total("custom", "2026-01-02", 3)], []],
  ])("%s", (_, responses, keys) => {
    expect(deriveMyMeasures(responses, INSTRUMENTS).measures.map((m) => m.instrumentKey)).toEqual(keys);
  });

  it("groups totals by questionnaire, oldest first, with its range and direction", () => {
    const result = deriveMyMeasures(
      [
        total("phq9", "2026-02-01", 9),
        total("who5", "2026-01-03", 10),
        total("phq9", "2026-01-02", 15),
        total("who5", "2026-02-01", 16),
      ],
      INSTRUMENTS,
    );
    expect(result.measures).toEqual([
      {
        instrumentKey: "phq9",
        direction: "lower_is_better",
        range: { min: 0, max: 27 },
        points: [
          { on: "2026-01-02", score: 15 },
          { on: "2026-02-01", score: 9 },
        ],
      },
      {
        instrumentKey: "who5",
        direction: "higher_is_better",
        range: { min: 0, max: 25 },
        points: [
          { on: "2026-01-03", score: 10 },
          { on: "2026-02-01", score: 16 },
        ],
      },
    ]);
  });
});
