import { z } from "zod";
import {
  PERSONAL_PLAN_KINDS,
  personalPlanVersionSummarySchema,
  recoveryPlanContentSchema,
  safetyPlanContentSchema,
} from "./personal-plan.schema";

/** The HTTP shapes of the recovery and safety plans around the contract in personal-plan.schema.ts. */

export const personalPlanKindParamsSchema = z.object({
  kind: z.enum(PERSONAL_PLAN_KINDS, "Choose recovery or safety."),
});

export const personalPlanVersionParamsSchema = personalPlanKindParamsSchema.extend({
  version: z.coerce
    .number("Give a version number.")
    .int("Give a whole version number.")
    .min(1, "Versions start at 1."),
});

/** "I have seen the plan as it was at this version" (the banner of the other side's changes goes). */
export const markPlanSeenInputSchema = z.object({ version: z.int().min(0) });
export type MarkPlanSeenInput = z.infer<typeof markPlanSeenInputSchema>;

export const personalPlanVersionListSchema = z.object({
  versions: z.array(personalPlanVersionSummarySchema),
});
export type PersonalPlanVersionList = z.infer<typeof personalPlanVersionListSchema>;

/** One saved version, read-only (the history). */
export const personalPlanVersionSchema = z.discriminatedUnion("kind", [
  personalPlanVersionSummarySchema.extend({
    kind: z.literal("recovery"),
    content: recoveryPlanContentSchema,
  }),
  personalPlanVersionSummarySchema.extend({ kind: z.literal("safety"), content: safetyPlanContentSchema }),
]);
export type PersonalPlanVersion = z.infer<typeof personalPlanVersionSchema>;
