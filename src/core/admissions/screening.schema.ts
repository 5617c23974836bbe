import { z } from "zod";
import {
  ASAM_DIMENSIONS,
  type AsamEdition,
  asamEditionSchema,
  dimensionRatingSchema,
  isLevelOfCare,
  type LevelSuggestionRule,
  levelDifferenceReasonSchema,
  suggestLevelOfCare,
} from "./level-of-care";

/** The eligibility checklist at screening: Bridgeway's own items, each answered yes or no. */
export const ELIGIBILITY_ITEMS = [
  "substance_use_concern",
  "medically_stable",
  "no_withdrawal_needing_24h_care",
  "not_at_imminent_risk",
  "can_attend_schedule",
  "agrees_to_participate",
] as const;
export type EligibilityItem = (typeof ELIGIBILITY_ITEMS)[number];

export const screeningInputSchema = z.object({
  edition: asamEditionSchema,
  eligibility: z.object(
    Object.fromEntries(
      ELIGIBILITY_ITEMS.map((item) => [item, z.boolean({ message: "Answer yes or no." })]),
    ) as {
      [K in EligibilityItem]: z.ZodBoolean;
    },
  ),
  ratings: z.array(dimensionRatingSchema).length(6, "Rate all six dimensions."),
  justifications: z
    .array(z.string().trim().max(2000, "Use at most 2,000 characters."))
    .length(6, "Give a justification for each dimension (it may be short)."),
  recommendedLevel: z.string().trim().min(1, "Choose the level you recommend."),
  providedLevel: z.string().trim().min(1, "Choose the level that will be provided."),
  differenceReason: levelDifferenceReasonSchema.nullable().default(null),
  differenceNote: z.string().trim().max(1000, "Use at most 1,000 characters.").default(""),
});
export type ScreeningInput = z.infer<typeof screeningInputSchema>;

/** Field problems no single field can see: levels from the edition, a reason when levels differ, justifications for high risk. */
export function checkScreening(input: ScreeningInput): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const edition = input.edition as AsamEdition;
  if (!isLevelOfCare(edition, input.recommendedLevel)) {
    problems.push({ path: "recommendedLevel", message: `Choose a level of care from edition ${edition}.` });
  }
  if (!isLevelOfCare(edition, input.providedLevel)) {
    problems.push({ path: "providedLevel", message: `Choose a level of care from edition ${edition}.` });
  }
  if (input.recommendedLevel !== input.providedLevel && !input.differenceReason) {
    problems.push({
      path: "differenceReason",
      message: "Say why the level provided differs from the one recommended.",
    });
  }
  if (input.differenceReason === "other" && !input.differenceNote) {
    problems.push({ path: "differenceNote", message: "Describe the other reason." });
  }
  input.ratings.forEach((rating, i) => {
    if (rating >= 3 && !input.justifications[i]) {
      problems.push({
        path: `justifications.${i}`,
        message: `Justify a rating of ${rating} for “${ASAM_DIMENSIONS[edition][i]}”.`,
      });
    }
  });
  return problems;
}

export function suggestForScreening(input: Pick<ScreeningInput, "ratings">, rule: LevelSuggestionRule) {
  return suggestLevelOfCare(input.ratings, rule);
}

export const screeningSchema = z.object({
  id: z.uuid(),
  edition: asamEditionSchema,
  eligibility: z.record(z.string(), z.boolean()),
  ratings: z.array(z.number().int()),
  justifications: z.array(z.string()),
  dimensions: z.array(z.string()),
  suggestedLevel: z.string(),
  suggestionDrivenBy: z.array(z.number().int()),
  recommendedLevel: z.string(),
  providedLevel: z.string(),
  differenceReason: levelDifferenceReasonSchema.nullable(),
  differenceNote: z.string(),
  screenedBy: z.string().nullable(),
  screenedAt: z.iso.datetime(),
});
export type Screening = z.infer<typeof screeningSchema>;
