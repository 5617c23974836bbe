import { z } from "zod";
import { localDateSchema } from "../schedule/track-pattern.schema";

/**
 * A treatment plan's content: problems, each with its sources, one goal (the participant's words and a
 * clinical restatement), measurable objectives and the interventions that serve it; then strengths,
 * barriers and the discharge criteria agreed at the start. The content of one version is stored whole
 * (jsonb, validated by this schema); ids inside it are stable across versions so a note, a check-in or
 * a review can tie to an objective and keep tying to it after the plan is revised.
 *
 * A draft may be incomplete (autosave keeps whatever was typed); what a plan needs before anyone can
 * sign it is checked by `validatePlanForSigning` in plan.rules.ts, which names each missing piece.
 */

export const PLAN_LANGUAGES = ["en", "es"] as const;
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];
export const planLanguageSchema = z.enum(PLAN_LANGUAGES, { message: "Choose English or Spanish." });

const text = (max: number, label: string) =>
  z
    .string({ message: `${label} must be text.` })
    .max(max, `Keep ${label.toLowerCase()} under ${max} characters.`);

/** Where a problem comes from: a diagnosis, an assessment result, an ASAM dimension rating, or the participant's own words. */
export const PROBLEM_SOURCE_KINDS = [
  "diagnosis",
  "assessment",
  "asam_dimension",
  "participant_words",
] as const;
export type ProblemSourceKind = (typeof PROBLEM_SOURCE_KINDS)[number];

export const problemSourceSchema = z.object({
  kind: z.enum(PROBLEM_SOURCE_KINDS, { message: "Choose what this problem comes from." }),
  /**
   * The record it points at: an ICD-10-CM code (diagnosis), an assessment response id (assessment),
   * the dimension number 1–6 (asam_dimension); null for the participant's words.
   */
  ref: z.string().max(100).nullable(),
  /** How it reads on the plan, e.g. "F10.20 Alcohol dependence, uncomplicated", "PHQ-9 14 (moderate) on 2026-11-02". */
  label: text(300, "The source"),
});
export type ProblemSource = z.infer<typeof problemSourceSchema>;

export const OBJECTIVE_STATUSES = ["not_started", "in_progress", "met", "revised", "discontinued"] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const objectiveStatusSchema = z.enum(OBJECTIVE_STATUSES, {
  message: "Choose the objective's status.",
});

export const COMPARATORS = ["below", "at_most", "at_least", "above"] as const;
export type Comparator = (typeof COMPARATORS)[number];

/**
 * How an objective is measured. Structured kinds let Bridgeway show progress from the record itself
 * (an instrument's scores, the weekly hours); `count` and `observed` are judged by the clinician.
 */
export const objectiveMeasureSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("instrument"),
      /** An instrument key from the registry, e.g. "phq9". */
      instrumentKey: z.string().min(1, "Choose the questionnaire.").max(40),
      comparator: z.enum(COMPARATORS, { message: "Choose below, at most, at least or above." }),
      value: z.number({ message: "Give the score to reach." }).int().min(0).max(1000),
    }),
    z.object({
      kind: z.literal("weekly_hours"),
      minimumHours: z.number({ message: "Give the hours a week." }).min(0.5).max(40),
      consecutiveWeeks: z.number({ message: "Give the number of weeks." }).int().min(1).max(52),
    }),
    z.object({
      kind: z.literal("count"),
      target: z.number({ message: "Give the number to reach." }).int().min(1).max(1000),
      unit: text(100, "The unit").min(1, "Say what is counted, e.g. triggers with a coping response."),
    }),
    z.object({
      kind: z.literal("observed"),
      description: text(500, "The description").min(3, "Say how the clinician will know it is met."),
    }),
  ],
  { message: "Choose how this objective is measured." },
);
export type ObjectiveMeasure = z.infer<typeof objectiveMeasureSchema>;

export const objectiveSchema = z.object({
  id: z.uuid(),
  /** What the participant will do, e.g. "Identify three triggers and a coping response for each". */
  statement: text(500, "The objective"),
  /** Null while the draft is being written; required to sign. */
  measure: objectiveMeasureSchema.nullable(),
  /** Null while the draft is being written; required to sign, on or after the plan's start. */
  targetOn: localDateSchema.nullable(),
  status: objectiveStatusSchema,
});
export type Objective = z.infer<typeof objectiveSchema>;

export const INTERVENTION_KINDS = [
  "group",
  "individual",
  "family",
  "medication",
  "case_management",
  "other",
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export const interventionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(INTERVENTION_KINDS, { message: "Choose the kind of intervention." }),
  /** What, e.g. "DBT skills group". */
  what: text(300, "The intervention"),
  /** How often, e.g. "3 times a week". */
  frequency: text(100, "How often"),
  /** Who, e.g. "Track facilitator", "Primary counselor". */
  responsible: text(100, "Who is responsible"),
});
export type Intervention = z.infer<typeof interventionSchema>;

export const problemSchema = z.object({
  id: z.uuid(),
  title: text(200, "The problem"),
  /** The template it was started from, if any (e.g. "relapse-prevention"). */
  templateKey: z.string().max(60).nullable(),
  sources: z.array(problemSourceSchema).max(20),
  goal: z.object({
    /** The goal in the participant's own words. */
    participantWords: text(1000, "The participant's words"),
    /** The clinical restatement. */
    clinical: text(1000, "The clinical goal"),
  }),
  objectives: z.array(objectiveSchema).max(20, "Keep a problem to 20 objectives or fewer."),
  interventions: z.array(interventionSchema).max(20, "Keep a problem to 20 interventions or fewer."),
});
export type Problem = z.infer<typeof problemSchema>;

const listItem = (label: string) => text(500, label);

export const planContentSchema = z.object({
  problems: z.array(problemSchema).max(20, "Keep a plan to 20 problems or fewer."),
  strengths: z.array(listItem("A strength")).max(30),
  barriers: z.array(listItem("A barrier")).max(30),
  dischargeCriteria: z.array(listItem("A discharge criterion")).max(30),
});
export type PlanContent = z.infer<typeof planContentSchema>;

export const EMPTY_PLAN_CONTENT: PlanContent = {
  problems: [],
  strengths: [],
  barriers: [],
  dischargeCriteria: [],
};

/**
 * A version moves draft → awaiting_signatures (frozen: what is signed is exactly what was read) →
 * signed (every required signature; locked, the plan's current version) → superseded (a later
 * version was signed). Returning an awaiting version to draft clears its signatures.
 */
export const VERSION_STATUSES = ["draft", "awaiting_signatures", "signed", "superseded"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const versionStatusSchema = z.enum(VERSION_STATUSES);

export const SIGNATURE_ROLES = ["clinician", "participant", "supervisor"] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];
export const signatureRoleSchema = z.enum(SIGNATURE_ROLES);

/** Staff re-enter their password, or a code from their authenticator app; the participant types their name. */
export const SIGNATURE_METHODS = ["password", "totp", "typed_name"] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** Saving a draft: the revision read (optimistic locking), the whole content, the start date and any co-signer. */
export const saveDraftSchema = z.object({
  revision: z.number().int().min(1),
  startsOn: localDateSchema,
  language: planLanguageSchema,
  /** The supervisor who must co-sign, when the clinician requires it; null when not. */
  cosignerUserId: z.uuid("Choose a supervisor.").nullable(),
  content: planContentSchema,
});
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

/** Starting a plan: from none, some or all of the templates, in the participant's language by default. */
export const startPlanSchema = z.object({
  startsOn: localDateSchema,
  language: planLanguageSchema,
  templateKeys: z.array(z.string().min(1).max(60)).max(10).default([]),
  /** Suggested problems (from suggestions) to include, by their key. */
  suggestionKeys: z.array(z.string().min(1).max(120)).max(20).default([]),
});
export type StartPlanInput = z.infer<typeof startPlanSchema>;

/** A staff signature: the password or a current authenticator code (exactly one). */
export const staffSignSchema = z
  .object({
    role: z.enum(["clinician", "supervisor"], { message: "Sign as the clinician or as the supervisor." }),
    revision: z.number().int().min(1),
    password: z.string().min(1, "Enter your password.").max(1024).optional(),
    code: z
      .string()
      .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")
      .optional(),
  })
  .refine((v) => (v.password === undefined) !== (v.code === undefined), {
    message: "Enter your password or a code from your authenticator app.",
    path: ["password"],
  });
export type StaffSignInput = z.infer<typeof staffSignSchema>;

/** The participant's signature: their name as they type it (compared loosely with the name on file). */
export const participantSignSchema = z.object({
  versionId: z.uuid(),
  revision: z.number().int().min(1),
  typedName: z
    .string({ message: "Type your name to sign." })
    .trim()
    .min(2, "Type your name to sign.")
    .max(200, "Keep your name under 200 characters."),
});
export type ParticipantSignInput = z.infer<typeof participantSignSchema>;
