import { describe, expect, it } from "vitest";
import {
  matchesDiagnosisCode,
  SUGGESTION_RULES,
  type SuggestionInput,
  type SuggestionScore,
  suggestProblems,
} from "./suggestions.rules";

const TEMPLATE_KEYS = [
  "relapse-prevention",
  "alcohol-use",
  "opioid-use-moud",
  "stimulant-use",
  "co-occurring-depression",
  "co-occurring-anxiety",
  "trauma",
  "family-conflict",
  "employment-school",
  "housing-recovery-environment",
];

const none: SuggestionInput = { scores: [], diagnoses: [], asam: null };
const score = (
  instrumentKey: string,
  total: number,
  band: string | null,
  responseId = `r-${instrumentKey}`,
) => ({ instrumentKey, responseId, total, band, completedOn: "2026-11-02" }) satisfies SuggestionScore;
const keysOf = (input: Partial<SuggestionInput>) =>
  suggestProblems({ ...none, ...input }).map((s) => s.templateKey);

describe("suggestion rules", () => {
  it("point only at templates the library has, and each cites its source", () => {
    for (const rule of SUGGESTION_RULES) {
      expect(TEMPLATE_KEYS).toContain(rule.templateKey);
      expect(rule.source.length).toBeGreaterThan(10);
    }
  });

  it("suggest nothing from an empty record", () => {
    expect(suggestProblems(none)).toEqual([]);
  });
});

describe("suggestions from scores", () => {
  it.each([
    ["phq9", 9, "mild", []],
    ["phq9", 10, "moderate", ["co-occurring-depression"]],
    ["phqa", 12, "moderate", ["co-occurring-depression"]],
    ["gad7", 9, "mild", []],
    ["gad7", 10, "moderate", ["co-occurring-anxiety"]],
    ["audit", 7, "low_risk", []],
    ["audit", 8, "hazardous", ["alcohol-use"]],
    ["audit", 23, "possible_dependence", ["alcohol-use"]],
    ["who5", 5, "poor", []],
  ])("%s total %i (%s) suggests %j", (instrumentKey, total, band, expected) => {
    expect(keysOf({ scores: [score(instrumentKey, total, band)] })).toEqual(expected);
  });

  it("follows the program's PCL-5 cut-off through the stored band, else 33", () => {
    expect(keysOf({ scores: [score("pcl5", 31, "provisional_ptsd")] })).toEqual(["trauma"]);
    expect(keysOf({ scores: [score("pcl5", 34, "below_cutoff")] })).toEqual([]);
    expect(keysOf({ scores: [score("pcl5", 33, null)] })).toEqual(["trauma"]);
    expect(keysOf({ scores: [score("pcl5", 32, null)] })).toEqual([]);
  });

  it("labels the source with the score, band and date, and gives the threshold in the reason", () => {
    const [suggestion] = suggestProblems({ ...none, scores: [score("phq9", 14, "moderate", "resp-1")] });
    expect(suggestion).toEqual({
      key: "co-occurring-depression",
      templateKey: "co-occurring-depression",
      reason: "PHQ-9 14 (moderate) on 2026-11-02 — at or above 10",
      sources: [{ kind: "assessment", ref: "resp-1", label: "PHQ-9 14 (moderate) on 2026-11-02" }],
    });
  });
});

describe("suggestions from diagnoses", () => {
  it.each([
    ["F10.20", "alcohol-use"],
    ["F11.20", "opioid-use-moud"],
    ["F14.10", "stimulant-use"],
    ["F15.20", "stimulant-use"],
    ["F32.1", "co-occurring-depression"],
    ["F33.0", "co-occurring-depression"],
    ["F41.1", "co-occurring-anxiety"],
    ["F43.10", "trauma"],
    ["f43.12", "trauma"],
    ["F1020", "alcohol-use"],
  ])("%s suggests %s", (code, templateKey) => {
    expect(keysOf({ diagnoses: [{ code, title: "A diagnosis" }] })).toEqual([templateKey]);
  });

  it("ignores codes outside the categories (F43.2 adjustment disorder, F12 cannabis)", () => {
    expect(keysOf({ diagnoses: [{ code: "F43.20", title: "Adjustment disorder" }] })).toEqual([]);
    expect(keysOf({ diagnoses: [{ code: "F12.20", title: "Cannabis dependence" }] })).toEqual([]);
    expect(matchesDiagnosisCode("F410", ["F41"])).toBe(true);
    expect(matchesDiagnosisCode("F04", ["F41"])).toBe(false);
  });

  it("labels the source with the code and its title", () => {
    const [suggestion] = suggestProblems({
      ...none,
      diagnoses: [{ code: "F10.20", title: "Alcohol dependence, uncomplicated" }],
    });
    expect(suggestion?.sources).toEqual([
      { kind: "diagnosis", ref: "F10.20", label: "F10.20 Alcohol dependence, uncomplicated" },
    ]);
  });
});

describe("suggestions from ASAM ratings", () => {
  it("3rd edition: dimension 5 at 2 or more suggests relapse prevention, dimension 6 housing", () => {
    expect(keysOf({ asam: { edition: 3, ratings: [0, 0, 1, 1, 1, 1] } })).toEqual([]);
    expect(keysOf({ asam: { edition: 3, ratings: [0, 0, 1, 1, 2, 1] } })).toEqual(["relapse-prevention"]);
    expect(keysOf({ asam: { edition: 3, ratings: [0, 0, 1, 1, 3, 4] } })).toEqual([
      "relapse-prevention",
      "housing-recovery-environment",
    ]);
    const [suggestion] = suggestProblems({ ...none, asam: { edition: 3, ratings: [0, 0, 1, 1, 3, 0] } });
    expect(suggestion?.sources).toEqual([
      { kind: "asam_dimension", ref: "5", label: "ASAM dimension 5 (relapse potential) rated 3" },
    ]);
  });

  it("4th edition: dimension 4 (substance use-related risks) and 5 (recovery environment)", () => {
    expect(keysOf({ asam: { edition: 4, ratings: [0, 0, 0, 0, 0, 4] } })).toEqual([]);
    expect(keysOf({ asam: { edition: 4, ratings: [0, 0, 0, 2, 3, 0] } })).toEqual([
      "relapse-prevention",
      "housing-recovery-environment",
    ]);
  });
});

describe("labels in the plan's language", () => {
  it("words scores, bands, thresholds and ASAM ratings in Spanish; a diagnosis keeps its recorded title", () => {
    const suggestions = suggestProblems(
      {
        scores: [score("phq9", 16, "moderately_severe", "resp-phq"), score("pcl5", 35, "provisional_ptsd")],
        diagnoses: [{ code: "F10.20", title: "Alcohol dependence, uncomplicated" }],
        asam: { edition: 3, ratings: [0, 0, 1, 1, 1, 3] },
      },
      "es",
    );
    expect(suggestions.map((s) => s.reason)).toEqual([
      "F10.20 Alcohol dependence, uncomplicated",
      "PHQ-9 16 (moderadamente grave) el 2026-11-02 — igual o superior a 10",
      "PCL-5 35 (TEPT provisional) el 2026-11-02 — igual o superior al punto de corte del programa",
      "Dimensión 6 de ASAM (entorno de vida y recuperación) con valoración 3 — igual o superior a 2",
    ]);
    expect(suggestions[3]!.sources[0]!.label).toBe(
      "Dimensión 6 de ASAM (entorno de vida y recuperación) con valoración 3",
    );
  });
});

describe("one suggestion per template", () => {
  it("gathers every source for a template, without repeats, in the order of the rules", () => {
    const suggestions = suggestProblems({
      scores: [
        score("phq9", 16, "moderately_severe", "resp-phq"),
        score("audit", 18, "harmful", "resp-audit"),
      ],
      diagnoses: [
        { code: "F32.1", title: "Major depressive disorder, single episode, moderate" },
        { code: "F10.20", title: "Alcohol dependence, uncomplicated" },
        { code: "F10.20", title: "Alcohol dependence, uncomplicated" },
      ],
      asam: { edition: 3, ratings: [1, 0, 2, 1, 3, 1] },
    });
    expect(suggestions.map((s) => s.key)).toEqual([
      "alcohol-use",
      "co-occurring-depression",
      "relapse-prevention",
    ]);
    const depression = suggestions[1]!;
    expect(depression.sources.map((s) => s.label)).toEqual([
      "PHQ-9 16 (moderately severe) on 2026-11-02",
      "F32.1 Major depressive disorder, single episode, moderate",
    ]);
    expect(depression.reason).toBe(
      "PHQ-9 16 (moderately severe) on 2026-11-02 — at or above 10; F32.1 Major depressive disorder, single episode, moderate",
    );
    expect(suggestions[0]!.sources).toHaveLength(2);
  });
});
