import { z } from "zod";
import { safetyPlanContentSchema } from "../personal-plans/personal-plan.schema";
import { AFTERCARE_GAP_CODES } from "./aftercare.rules";
import { AFTERCARE_PLAN_STATUSES, aftercarePlanContentSchema } from "./aftercare-plan.schema";

/** The HTTP shapes of the aftercare plan around the content contract in aftercare-plan.schema.ts. */

const version = z.int("Give the plan's version as a whole number.").min(0, "Versions start at 0.");

/** A save of the whole plan as edited from `version` (0 when the plan was never saved). */
export const saveAftercarePlanInputSchema = z.object({
  version,
  content: aftercarePlanContentSchema,
});
export type SaveAftercarePlanInput = z.infer<typeof saveAftercarePlanInputSchema>;

/** The participant signs the version they read by typing their full name as on their record. */
export const participantSignAftercareInputSchema = z.object({
  typedName: z.string().trim().min(1, "Type your full name to sign.").max(200, "Use at most 200 characters."),
  version: version.min(1, "Save the plan before signing it."),
});
export type ParticipantSignAftercareInput = z.infer<typeof participantSignAftercareInputSchema>;

/** A clinician signs the version they read. */
export const staffSignAftercareInputSchema = z.object({
  version: version.min(1, "Save the plan before signing it."),
});
export type StaffSignAftercareInput = z.infer<typeof staffSignAftercareInputSchema>;

export const aftercareGapSchema = z.object({
  code: z.enum(AFTERCARE_GAP_CODES),
  path: z.string(),
  message: z.string(),
});

export const aftercarePlanSchema = z.object({
  episode: z.object({
    id: z.uuid(),
    admittedOn: z.iso.date(),
    dischargedOn: z.iso.date().nullable(),
  }),
  /** 0 and empty content while the plan was never saved. */
  version: z.int(),
  status: z.enum(AFTERCARE_PLAN_STATUSES),
  content: aftercarePlanContentSchema,
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.object({ kind: z.enum(["staff", "participant"]), displayName: z.string() }).nullable(),
  participantSignedAt: z.iso.datetime().nullable(),
  staffSignedAt: z.iso.datetime().nullable(),
  staffSignedBy: z.string().nullable(),
  gaps: z.object({ blocking: z.array(aftercareGapSchema), advisory: z.array(aftercareGapSchema) }),
  /** The crisis plan: the participant's current safety plan, read-only here (null when not included). */
  safetyPlan: z
    .object({ version: z.int(), content: safetyPlanContentSchema, updatedAt: z.iso.datetime() })
    .nullable(),
});
export type AftercarePlan = z.infer<typeof aftercarePlanSchema>;

/** A save answers the plan as saved and whether it cleared the signatures (an edit after signing). */
export const aftercarePlanSavedSchema = aftercarePlanSchema.extend({ signaturesCleared: z.boolean() });
export type AftercarePlanSaved = z.infer<typeof aftercarePlanSavedSchema>;
