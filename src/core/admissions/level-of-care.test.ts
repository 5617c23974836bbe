import { describe, expect, it } from "vitest";
import {
  ASAM_DIMENSIONS,
  checkSuggestionRule,
  DEFAULT_SUGGESTION_RULES,
  isLevelOfCare,
  LEVELS_OF_CARE,
  suggestLevelOfCare,
} from "./level-of-care";

describe("levels of care and dimensions", () => {
  it("names six dimensions and keeps 2.1 as intensive outpatient in both editions", () => {
    expect(ASAM_DIMENSIONS[3]).toHaveLength(6);
    expect(ASAM_DIMENSIONS[4]).toHaveLength(6);
    expect(LEVELS_OF_CARE[3].find((l) => l.code === "2.1")?.name).toBe("Intensive Outpatient Services");
    expect(LEVELS_OF_CARE[4].find((l) => l.code === "2.1")?.name).toBe("Intensive Outpatient");
    expect(isLevelOfCare(4, "0.5")).toBe(false);
    expect(isLevelOfCare(3, "0.5")).toBe(true);
  });
});

describe("suggested level of care (program rule)", () => {
  it("lets the highest-risk dimension drive the suggestion, naming which dimensions did", () => {
    expect(suggestLevelOfCare([1, 0, 2, 1, 2, 0], DEFAULT_SUGGESTION_RULES[3])).toEqual({
      level: "2.1",
      highestRating: 2,
      drivenBy: [3, 5],
    });
    expect(suggestLevelOfCare([4, 0, 0, 0, 0, 0], DEFAULT_SUGGESTION_RULES[3]).level).toBe("3.7");
    expect(suggestLevelOfCare([0, 0, 0, 0, 0, 0], DEFAULT_SUGGESTION_RULES[4]).level).toBe("1.5");
  });

  it("follows the program's own rule, including which dimensions count", () => {
    const rule = { ...DEFAULT_SUGGESTION_RULES[4], countedDimensions: [1, 2, 3, 4, 5] };
    expect(suggestLevelOfCare([1, 1, 1, 1, 1, 4], rule)).toEqual({
      level: "1.5",
      highestRating: 1,
      drivenBy: [1, 2, 3, 4, 5],
    });
    const stricter = {
      ...DEFAULT_SUGGESTION_RULES[3],
      byHighestRating: ["1", "2.1", "2.1", "3.5", "4"] as const,
    };
    expect(suggestLevelOfCare([1, 0, 0, 0, 0, 0], stricter).level).toBe("2.1");
  });

  it("refuses a rule naming a level the edition does not have, or no dimensions", () => {
    expect(
      checkSuggestionRule({
        edition: 4,
        byHighestRating: ["0.5", "1.5", "2.1", "2.5", "3.7"],
        countedDimensions: [],
      }),
    ).toEqual([
      { path: "byHighestRating.0", message: "“0.5” is not a level of care in edition 4." },
      { path: "countedDimensions", message: "Count at least one dimension, numbered 1 to 6." },
    ]);
    expect(checkSuggestionRule(DEFAULT_SUGGESTION_RULES[3])).toEqual([]);
    expect(checkSuggestionRule(DEFAULT_SUGGESTION_RULES[4])).toEqual([]);
  });
});
