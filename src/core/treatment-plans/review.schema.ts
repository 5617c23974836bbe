import { z } from "zod";
import { localDateSchema } from "../schedule/track-pattern.schema";
import { objectiveStatusSchema } from "./plan.schema";

/**
 * Plan reviews: on a cycle (every 30 days by default, a program setting) and early after a
 * level-of-care change, a critical alert, or the start of discharge planning. A review records progress
 * per objective of the signed version it reviews and is signed like the plan (same roles, same
 * statuses: draft → awaiting_signatures → signed).
 */

export const REVIEW_REASONS = [
  "scheduled",
  "level_of_care_change",
  "critical_alert",
  "discharge_planning",
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export const reviewReasonSchema = z.enum(REVIEW_REASONS, { message: "Choose why this review is held." });

/** Early-review triggers only (a scheduled review is not a trigger). */
export const REVIEW_TRIGGER_REASONS = [
  "level_of_care_change",
  "critical_alert",
  "discharge_planning",
] as const;
export type ReviewTriggerReason = (typeof REVIEW_TRIGGER_REASONS)[number];

export const REVIEW_STATUSES = ["draft", "awaiting_signatures", "signed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const objectiveProgressSchema = z.object({
  objectiveId: z.uuid(),
  status: objectiveStatusSchema,
  /** What happened since the last review, in a sentence or two. */
  note: z.string().max(2000, "Keep the progress note under 2,000 characters."),
  /** The measured value now, when the objective's measure has one (a score, hours a week, a count). */
  value: z.number().min(0).max(100000).nullable(),
});
export type ObjectiveProgress = z.infer<typeof objectiveProgressSchema>;

export const reviewContentSchema = z.object({
  progress: z.array(objectiveProgressSchema).max(400),
  /** Overall progress and the participant's view of it. */
  summary: z.string().max(5000, "Keep the summary under 5,000 characters."),
  /** Whether the plan needs revising after this review (the clinician then starts a new version). */
  planChangesNeeded: z.boolean(),
});
export type ReviewContent = z.infer<typeof reviewContentSchema>;

export const startReviewSchema = z.object({
  reason: reviewReasonSchema.default("scheduled"),
});

export const saveReviewSchema = z.object({
  revision: z.number().int().min(1),
  heldOn: localDateSchema,
  cosignerUserId: z.uuid("Choose a supervisor.").nullable(),
  content: reviewContentSchema,
});
export type SaveReviewInput = z.infer<typeof saveReviewSchema>;

/**
 * Where a plan stands against its review cycle, for a given day: `none` (no signed plan to review),
 * `upcoming`, `due_soon` (within the program's warning window), `due` (today), `overdue`.
 */
export const REVIEW_DUE_STATES = ["none", "upcoming", "due_soon", "due", "overdue"] as const;
export type ReviewDueState = (typeof REVIEW_DUE_STATES)[number];

export const reviewDueSchema = z.object({
  state: z.enum(REVIEW_DUE_STATES),
  /** The date the next review is due (site's calendar), or null with no signed plan. */
  dueOn: localDateSchema.nullable(),
  /** Why it is due then: the cycle, or the earliest open early-review trigger. */
  reason: reviewReasonSchema.nullable(),
});
export type ReviewDue = z.infer<typeof reviewDueSchema>;
