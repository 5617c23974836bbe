import { z } from "zod";
import { localDateSchema } from "../schedule/track-pattern.schema";
import {
  interventionSchema,
  objectiveMeasureSchema,
  objectiveStatusSchema,
  planContentSchema,
  planLanguageSchema,
  problemSourceSchema,
  SIGNATURE_METHODS,
  signatureRoleSchema,
  versionStatusSchema,
} from "./plan.schema";
import { REVIEW_STATUSES, reviewContentSchema, reviewDueSchema, reviewReasonSchema } from "./review.schema";

/** What the treatment-plan routes answer: each response schema is the allow-list of what leaves the server. */

const person = z.object({ id: z.uuid(), displayName: z.string() });

export const signatureSchema = z.object({
  role: signatureRoleSchema,
  signer: person,
  method: z.enum(SIGNATURE_METHODS),
  /** The name the participant typed (null for staff). */
  typedName: z.string().nullable(),
  signedAt: z.iso.datetime(),
  /** A short description of the device, from its user agent (e.g. "Chrome on Android"). */
  device: z.string().nullable(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const versionSummarySchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  number: z.number().int().min(1),
  status: versionStatusSchema,
  startsOn: localDateSchema,
  language: planLanguageSchema,
  /** Optimistic-locking counter: each saved change adds one. */
  revision: z.number().int().min(1),
  cosigner: person.nullable(),
  createdAt: z.iso.datetime(),
  createdBy: person.nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: person.nullable(),
  signedAt: z.iso.datetime().nullable(),
  /** The signatures this version needs: clinician and participant, and supervisor when a co-signer is set. */
  requiredRoles: z.array(signatureRoleSchema),
  signatures: z.array(signatureSchema),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionDetailSchema = versionSummarySchema.extend({ content: planContentSchema });
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const reviewSummarySchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  versionId: z.uuid(),
  number: z.number().int().min(1),
  status: z.enum(REVIEW_STATUSES),
  reason: reviewReasonSchema,
  dueOn: localDateSchema,
  heldOn: localDateSchema,
  revision: z.number().int().min(1),
  cosigner: person.nullable(),
  createdAt: z.iso.datetime(),
  createdBy: person.nullable(),
  updatedAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
  requiredRoles: z.array(signatureRoleSchema),
  signatures: z.array(signatureSchema),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const reviewDetailSchema = reviewSummarySchema.extend({ content: reviewContentSchema });
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

/** A participant's plan for their current (or latest) episode, as the chart's Plan tab shows it. */
export const participantPlanSchema = z.object({
  planId: z.uuid(),
  participantId: z.uuid(),
  episodeId: z.uuid(),
  /** The signed version in force, or null before the first is signed. */
  current: versionDetailSchema.nullable(),
  /** The version being written or signed (draft or awaiting signatures), or null. */
  open: versionDetailSchema.nullable(),
  /** Every version, newest first. */
  versions: z.array(versionSummarySchema),
  reviewDue: reviewDueSchema,
  openReview: reviewDetailSchema.nullable(),
  reviews: z.array(reviewSummarySchema),
});
export type ParticipantPlan = z.infer<typeof participantPlanSchema>;

export const participantPlanResponseSchema = z.object({ plan: participantPlanSchema.nullable() });

/** One of the participant's current objectives, for notes and check-ins to tie to (the golden thread). */
export const currentObjectiveSchema = z.object({
  objectiveId: z.uuid(),
  statement: z.string(),
  status: objectiveStatusSchema,
  targetOn: localDateSchema.nullable(),
  measure: objectiveMeasureSchema.nullable(),
  problem: z.object({ id: z.uuid(), title: z.string() }),
  goal: z.string(),
  interventions: z.array(interventionSchema),
  planVersionId: z.uuid(),
  planVersionNumber: z.number().int(),
});
export type CurrentObjective = z.infer<typeof currentObjectiveSchema>;

export const currentObjectivesResponseSchema = z.object({
  /** False when the participant has no signed plan in force (the list is then empty). */
  hasSignedPlan: z.boolean(),
  objectives: z.array(currentObjectiveSchema),
});

/** An objective's course: its status at each signing and review, and measured values where the record has them. */
export const objectiveProgressPointSchema = z.object({
  on: localDateSchema,
  status: objectiveStatusSchema,
  value: z.number().nullable(),
  source: z.enum(["plan", "review", "measurement"]),
  /** The review or plan version it comes from. */
  sourceId: z.uuid().nullable(),
});
export const objectiveProgressSchema = z.object({
  objectiveId: z.uuid(),
  points: z.array(objectiveProgressPointSchema),
});
export const planProgressResponseSchema = z.object({ objectives: z.array(objectiveProgressSchema) });

/** A readable difference between two versions, change by change. */
export const PLAN_CHANGE_KINDS = ["added", "removed", "changed"] as const;
export const planChangeSchema = z.object({
  kind: z.enum(PLAN_CHANGE_KINDS),
  /** Where, as a path of ids and fields, e.g. "problems/<id>/objectives/<id>/targetOn". */
  path: z.string(),
  /** Where, in words, e.g. "Problem “Alcohol use” › Objective 2 › Target date". */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type PlanChange = z.infer<typeof planChangeSchema>;
export const planDiffSchema = z.object({
  from: z.object({ id: z.uuid(), number: z.number().int() }),
  to: z.object({ id: z.uuid(), number: z.number().int() }),
  changes: z.array(planChangeSchema),
});

/** A template problem: the starting text a clinician adapts (no ids until it is put in a plan). */
export const templateProblemSchema = z.object({
  title: z.string(),
  goal: z.object({ participantWords: z.string(), clinical: z.string() }),
  objectives: z.array(
    z.object({
      statement: z.string(),
      measure: objectiveMeasureSchema.nullable(),
      /** Days from the plan's start to the suggested target date. */
      targetDays: z.number().int().min(1).max(365),
    }),
  ),
  interventions: z.array(interventionSchema.omit({ id: true })),
});
export type TemplateProblem = z.infer<typeof templateProblemSchema>;

export const planTemplateSchema = z.object({
  key: z.string(),
  /** Short name in the requested language, e.g. "Relapse prevention". */
  name: z.string(),
  summary: z.string(),
  problem: templateProblemSchema,
  strengths: z.array(z.string()),
  barriers: z.array(z.string()),
  dischargeCriteria: z.array(z.string()),
});
export type PlanTemplate = z.infer<typeof planTemplateSchema>;
export const planTemplatesResponseSchema = z.object({ templates: z.array(planTemplateSchema) });

/** A problem suggested from the record (an assessment result, a diagnosis, an ASAM rating). */
export const planSuggestionSchema = z.object({
  key: z.string(),
  templateKey: z.string(),
  /** Why, in words, e.g. "PHQ-9 14 (moderate) on 2026-11-02 — at or above 10". */
  reason: z.string(),
  sources: z.array(problemSourceSchema),
});
export type PlanSuggestion = z.infer<typeof planSuggestionSchema>;
export const planSuggestionsResponseSchema = z.object({ suggestions: z.array(planSuggestionSchema) });

/** What needs doing on plans, for the clinician's worklist. */
export const WORKLIST_STATES = [
  "no_plan",
  "draft",
  "awaiting_my_signature",
  "awaiting_others",
  "review_due_soon",
  "review_due",
  "review_overdue",
] as const;
export type WorklistState = (typeof WORKLIST_STATES)[number];
export const planWorklistItemSchema = z.object({
  participant: z.object({ id: z.uuid(), name: z.string() }),
  planId: z.uuid().nullable(),
  state: z.enum(WORKLIST_STATES),
  /** The date that matters: review due, first plan expected, or null. */
  dueOn: localDateSchema.nullable(),
  admittedOn: localDateSchema,
});
export type PlanWorklistItem = z.infer<typeof planWorklistItemSchema>;
export const planWorklistResponseSchema = z.object({ items: z.array(planWorklistItemSchema) });

/** The participant's view in their area: the version awaiting their signature, else the current one. */
export const myPlanResponseSchema = z.object({
  plan: z
    .object({
      version: versionDetailSchema,
      /** True when this version awaits the participant's own signature. */
      awaitingMySignature: z.boolean(),
      /** The name on file the typed name is compared with (their preferred and legal names). */
      expectedNames: z.array(z.string()),
    })
    .nullable(),
});
