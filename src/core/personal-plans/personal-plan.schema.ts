import { z } from "zod";

/**
 * The participant's recovery plan (relapse prevention) and safety plan (issue 9), written together
 * with their counselor. Each is a set of short lists in the person's own words; every save is a new
 * version. The sections are ours (plain words), not a licensed form's text.
 */

export const PERSONAL_PLAN_KINDS = ["recovery", "safety"] as const;
export type PersonalPlanKind = (typeof PERSONAL_PLAN_KINDS)[number];

const item = z
  .string()
  .trim()
  .min(1, "An empty line cannot be saved.")
  .max(300, "Keep each line under 300 characters.");
const list = z.array(item).max(30, "Keep a list to at most 30 lines.");

/** A person to call: a name and a number (the number optional — some help is in person). */
export const planContactSchema = z.object({
  name: z.string().trim().min(1, "Give a name.").max(100, "Keep the name under 100 characters."),
  phone: z
    .string()
    .trim()
    .max(40, "Keep the number under 40 characters.")
    .regex(/^[0-9+()\-.\s]*$/, "Use digits, spaces and + ( ) - . only.")
    .default(""),
  note: z.string().trim().max(200, "Keep the note under 200 characters.").default(""),
});
export type PlanContact = z.infer<typeof planContactSchema>;

/** A trigger or high-risk situation with the person's coping responses for it. */
export const copingPairSchema = z.object({
  situation: item,
  responses: z.array(item).max(10, "Keep at most 10 responses for one situation."),
});

export const recoveryPlanContentSchema = z.object({
  triggers: list,
  warningSigns: list,
  highRiskSituations: z.array(copingPairSchema).max(20, "Keep at most 20 situations."),
  copingResponses: list,
  peopleToCall: z.array(planContactSchema).max(15, "Keep at most 15 people."),
  reasonsForRecovery: list,
});
export type RecoveryPlanContent = z.infer<typeof recoveryPlanContentSchema>;

export const safetyPlanContentSchema = z.object({
  warningSigns: list,
  thingsICanDo: list,
  peopleAndPlaces: list,
  peopleToAsk: z.array(planContactSchema).max(15, "Keep at most 15 people."),
  professionals: z.array(planContactSchema).max(15, "Keep at most 15 contacts."),
  saferSurroundings: list,
  reasonsForLiving: list,
});
export type SafetyPlanContent = z.infer<typeof safetyPlanContentSchema>;

export const RECOVERY_PLAN_SECTIONS = Object.keys(
  recoveryPlanContentSchema.shape,
) as (keyof RecoveryPlanContent)[];
export const SAFETY_PLAN_SECTIONS = Object.keys(safetyPlanContentSchema.shape) as (keyof SafetyPlanContent)[];

export const EMPTY_RECOVERY_PLAN: RecoveryPlanContent = {
  triggers: [],
  warningSigns: [],
  highRiskSituations: [],
  copingResponses: [],
  peopleToCall: [],
  reasonsForRecovery: [],
};

export const EMPTY_SAFETY_PLAN: SafetyPlanContent = {
  warningSigns: [],
  thingsICanDo: [],
  peopleAndPlaces: [],
  peopleToAsk: [],
  professionals: [],
  saferSurroundings: [],
  reasonsForLiving: [],
};

const editorSchema = z.object({
  kind: z.enum(["participant", "staff"]),
  /** "You" for the reader's own edits is the page's business; this is the editor's display name. */
  displayName: z.string(),
});

/** One plan as read by the participant or their care team. Version 0: never saved (empty content). */
export const personalPlanSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("recovery"),
    version: z.number().int().min(0),
    content: recoveryPlanContentSchema,
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: editorSchema.nullable(),
    /** Sections the other side changed since the reader last looked (empty when none). */
    changedSinceSeen: z.array(z.string()),
  }),
  z.object({
    kind: z.literal("safety"),
    version: z.number().int().min(0),
    content: safetyPlanContentSchema,
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: editorSchema.nullable(),
    changedSinceSeen: z.array(z.string()),
  }),
]);
export type PersonalPlan = z.infer<typeof personalPlanSchema>;

/** A save: the whole content and the version it was edited from (optimistic locking). */
export const savePersonalPlanInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("recovery"), baseVersion: z.int().min(0), content: recoveryPlanContentSchema }),
  z.object({ kind: z.literal("safety"), baseVersion: z.int().min(0), content: safetyPlanContentSchema }),
]);
export type SavePersonalPlanInput = z.infer<typeof savePersonalPlanInputSchema>;

/** One entry in a plan's history. */
export const personalPlanVersionSummarySchema = z.object({
  version: z.number().int(),
  editedAt: z.iso.datetime(),
  editor: editorSchema,
  changedSections: z.array(z.string()),
});
export type PersonalPlanVersionSummary = z.infer<typeof personalPlanVersionSummarySchema>;
