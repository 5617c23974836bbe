import { z } from "zod";

/**
 * Family learning: short education modules a family member reads at their own pace, with a private
 * practice exercise each, and their own optional check-in. These are the family member's own data:
 * nothing here reads or reveals anything about a participant, so no consent is involved.
 */

/** The modules in reading order. The keys are stored with each person's progress: never rename one. */
export const FAMILY_MODULE_KEYS = [
  "health-condition-and-iop",
  "safety-first",
  "positive-communication",
  "reinforcing-sober-time",
  "natural-consequences",
  "lapses-and-relapse",
  "caring-for-yourself",
  "overdose-and-naloxone",
  "after-iop",
] as const;
export type FamilyModuleKey = (typeof FAMILY_MODULE_KEYS)[number];
export const familyModuleKeySchema = z.enum(FAMILY_MODULE_KEYS);

/** The module a family member under strain is pointed to. */
export const SELF_CARE_MODULE: FamilyModuleKey = "caring-for-yourself";

export const EXERCISE_ANSWER_MAX = 2000;

/** PUT /family/learning/:moduleKey: the private exercise answer and whether the module is done. */
export const moduleProgressInputSchema = z.object({
  exerciseAnswer: z.string({ message: "Write your answer as text." }).max(EXERCISE_ANSWER_MAX, {
    message: `Keep your answer to ${EXERCISE_ANSWER_MAX.toLocaleString("en-US")} characters.`,
  }),
  completed: z.boolean({ message: "Say whether you have finished this module (true or false)." }),
});
export type ModuleProgressInput = z.infer<typeof moduleProgressInputSchema>;

export const moduleProgressSchema = z.object({
  moduleKey: familyModuleKeySchema,
  exerciseAnswer: z.string(),
  completed: z.boolean(),
  completedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
export type ModuleProgress = z.infer<typeof moduleProgressSchema>;

/** GET /family/learning: every module in reading order with this person's progress. */
export const familyLearningSchema = z.object({
  modules: z.array(moduleProgressSchema),
  completedCount: z.number().int(),
  total: z.number().int(),
});
export type FamilyLearning = z.infer<typeof familyLearningSchema>;

export const moduleKeyParamsSchema = z.object({
  moduleKey: z.string().max(100),
});

/* ---------- The family member's own check-in ---------- */

export const NOTE_MAX = 1000;
export const SELF_CARE_MAX = 300;
export const CHECK_IN_HISTORY_DEFAULT_DAYS = 30;
export const CHECK_IN_HISTORY_MAX_DAYS = 90;
/** At or above this stress, the page answers with module 7 and the resources (no alert: it is theirs). */
export const HIGH_STRESS = 8;

const scale = (field: string, min: number, max: number) =>
  z
    .number({ message: `Choose your ${field} from ${min} to ${max}.` })
    .int({ message: `Choose your ${field} as a whole number from ${min} to ${max}.` })
    .min(min, { message: `Choose your ${field} from ${min} to ${max}.` })
    .max(max, { message: `Choose your ${field} from ${min} to ${max}.` });

/** PUT /family/check-ins: today's check-in (created, or replaced the same day). */
export const familyCheckInInputSchema = z.object({
  stress: scale("stress", 0, 10),
  wellbeing: scale("wellbeing", 0, 10),
  sleepQuality: scale("sleep quality", 1, 5).nullable().default(null),
  selfCare: z
    .string({ message: "Write what you did for yourself as text." })
    .trim()
    .max(SELF_CARE_MAX, { message: `Keep this to ${SELF_CARE_MAX} characters.` })
    .default(""),
  note: z
    .string({ message: "Write your note as text." })
    .trim()
    .max(NOTE_MAX, { message: `Keep your note to ${NOTE_MAX.toLocaleString("en-US")} characters.` })
    .default(""),
});
export type FamilyCheckInInput = z.input<typeof familyCheckInInputSchema>;
export type FamilyCheckInValues = z.output<typeof familyCheckInInputSchema>;

export const familyCheckInSchema = z.object({
  id: z.uuid(),
  recordedOn: z.iso.date(),
  stress: z.number().int(),
  wellbeing: z.number().int(),
  sleepQuality: z.number().int().nullable(),
  selfCare: z.string(),
  note: z.string(),
  /** True on the day it was recorded: that day it can still be changed. */
  editable: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type FamilyCheckIn = z.infer<typeof familyCheckInSchema>;

/**
 * GET /family/check-ins: today's date for this person, today's check-in if any, and the recent days.
 * The time zone that dates them is not sent: it would hint at a linked participant's site.
 */
export const familyCheckInListSchema = z.object({
  today: z.iso.date(),
  todayCheckIn: familyCheckInSchema.nullable(),
  history: z.array(familyCheckInSchema),
});
export type FamilyCheckInList = z.infer<typeof familyCheckInListSchema>;

export const familyCheckInQuerySchema = z.object({
  days: z.coerce
    .number({ message: `Ask for 1 to ${CHECK_IN_HISTORY_MAX_DAYS} days.` })
    .int({ message: `Ask for 1 to ${CHECK_IN_HISTORY_MAX_DAYS} days.` })
    .min(1, { message: `Ask for 1 to ${CHECK_IN_HISTORY_MAX_DAYS} days.` })
    .max(CHECK_IN_HISTORY_MAX_DAYS, { message: `Ask for 1 to ${CHECK_IN_HISTORY_MAX_DAYS} days.` })
    .default(CHECK_IN_HISTORY_DEFAULT_DAYS),
});

/** PUT /family/check-ins answers with the saved day and whether to offer extra support. */
export const familyCheckInSavedSchema = z.object({
  checkIn: familyCheckInSchema,
  created: z.boolean(),
  offerSupport: z.boolean(),
});
export type FamilyCheckInSaved = z.infer<typeof familyCheckInSavedSchema>;
