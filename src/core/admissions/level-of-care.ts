import { z } from "zod";

/**
 * Levels of care and the six assessment dimensions, by edition of the ASAM Criteria: codes and names
 * only (../shared/reference/clinical.md §1; no ASAM anchor text, decision trees or matrices are
 * shipped). The suggested level is a rule the program owns and can change.
 */

export const ASAM_EDITIONS = [3, 4] as const;
export type AsamEdition = (typeof ASAM_EDITIONS)[number];
export const asamEditionSchema = z.union([z.literal(3), z.literal(4)]);

export const LEVELS_OF_CARE: Record<AsamEdition, readonly { code: string; name: string }[]> = {
  3: [
    { code: "0.5", name: "Early Intervention" },
    { code: "1", name: "Outpatient Services" },
    { code: "2.1", name: "Intensive Outpatient Services" },
    { code: "2.5", name: "Partial Hospitalization Services" },
    { code: "3.1", name: "Clinically Managed Low-Intensity Residential" },
    { code: "3.3", name: "Clinically Managed Population-Specific High-Intensity Residential" },
    { code: "3.5", name: "Clinically Managed High-Intensity Residential" },
    { code: "3.7", name: "Medically Monitored Intensive Inpatient" },
    { code: "4", name: "Medically Managed Intensive Inpatient" },
  ],
  4: [
    { code: "1.0", name: "Long-Term Remission Monitoring" },
    { code: "1.5", name: "Outpatient Therapy" },
    { code: "1.7", name: "Medically Managed Outpatient" },
    { code: "2.1", name: "Intensive Outpatient" },
    { code: "2.5", name: "High-Intensity Outpatient" },
    { code: "2.7", name: "Medically Managed Intensive Outpatient" },
    { code: "3.1", name: "Clinically Managed Low-Intensity Residential" },
    { code: "3.5", name: "Clinically Managed High-Intensity Residential" },
    { code: "3.7", name: "Medically Managed Residential" },
    { code: "4.0", name: "Medically Managed Inpatient" },
  ],
};

export const ASAM_DIMENSIONS: Record<AsamEdition, readonly string[]> = {
  3: [
    "Acute Intoxication and/or Withdrawal Potential",
    "Biomedical Conditions and Complications",
    "Emotional, Behavioral, or Cognitive Conditions and Complications",
    "Readiness to Change",
    "Relapse, Continued Use, or Continued Problem Potential",
    "Recovery/Living Environment",
  ],
  4: [
    "Intoxication, Withdrawal, and Addiction Medications",
    "Biomedical Conditions",
    "Psychiatric and Cognitive Conditions",
    "Substance Use-Related Risks",
    "Recovery Environment Interactions",
    "Person-Centered Considerations",
  ],
};

/**
 * The levels a new program offers at admission and for changes within an episode, until it changes
 * its admissions settings: intensive outpatient and the outpatient step-down in either edition's
 * numbering. Only a default: what is offered is read from the settings.
 */
export const DEFAULT_OFFERED_LEVELS: readonly string[] = ["2.1", "1", "1.5"];

export function isLevelOfCare(edition: AsamEdition, code: string): boolean {
  return LEVELS_OF_CARE[edition].some((l) => l.code === code);
}

export const dimensionRatingSchema = z
  .number({ message: "Rate each dimension from 0 to 4." })
  .int("Rate each dimension with a whole number from 0 to 4.")
  .min(0, "A rating is at least 0.")
  .max(4, "A rating is at most 4.");

/**
 * The program's rule for a suggested level: the highest rating among the counted dimensions picks
 * the level (`byHighestRating[0..4]`). The clinician always records their own recommendation.
 */
export interface LevelSuggestionRule {
  edition: AsamEdition;
  byHighestRating: readonly [string, string, string, string, string];
  /** Dimensions (1–6) that count; by default all six. */
  countedDimensions: readonly number[];
}

/**
 * Bridgeway's starting point, for each program to review and change in its settings. It is not ASAM
 * guidance: it only encodes "the highest-risk dimension drives the level" with one level per rating.
 */
export const DEFAULT_SUGGESTION_RULES: Record<AsamEdition, LevelSuggestionRule> = {
  3: { edition: 3, byHighestRating: ["1", "1", "2.1", "2.5", "3.7"], countedDimensions: [1, 2, 3, 4, 5, 6] },
  4: {
    edition: 4,
    byHighestRating: ["1.5", "1.5", "2.1", "2.5", "3.7"],
    countedDimensions: [1, 2, 3, 4, 5, 6],
  },
};

export interface LevelSuggestion {
  level: string;
  highestRating: number;
  /** The dimensions (1–6) whose rating drove the suggestion. */
  drivenBy: number[];
}

export function suggestLevelOfCare(ratings: readonly number[], rule: LevelSuggestionRule): LevelSuggestion {
  if (ratings.length !== 6) throw new Error("six dimension ratings are needed");
  const counted = rule.countedDimensions.filter((d) => d >= 1 && d <= 6);
  const highestRating = Math.max(...counted.map((d) => ratings[d - 1]!));
  return {
    level: rule.byHighestRating[highestRating]!,
    highestRating,
    drivenBy: counted.filter((d) => ratings[d - 1] === highestRating),
  };
}

/** Problems with a rule a program wants to save, by field. */
export function checkSuggestionRule(rule: LevelSuggestionRule): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  rule.byHighestRating.forEach((code, rating) => {
    if (!isLevelOfCare(rule.edition, code)) {
      problems.push({
        path: `byHighestRating.${rating}`,
        message: `“${code}” is not a level of care in edition ${rule.edition}.`,
      });
    }
  });
  if (
    rule.countedDimensions.length === 0 ||
    rule.countedDimensions.some((d) => !Number.isInteger(d) || d < 1 || d > 6)
  ) {
    problems.push({ path: "countedDimensions", message: "Count at least one dimension, numbered 1 to 6." });
  }
  return problems;
}

export const LEVEL_DIFFERENCE_REASONS = [
  "level_not_available",
  "participant_preference",
  "payer",
  "other",
] as const;
export type LevelDifferenceReason = (typeof LEVEL_DIFFERENCE_REASONS)[number];
export const levelDifferenceReasonSchema = z.enum(LEVEL_DIFFERENCE_REASONS);
