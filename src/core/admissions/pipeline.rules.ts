import { z } from "zod";
import { daysBetween } from "../platform/dates";

/**
 * The admissions pipeline: an inquiry (from the public form) or a referral (recorded by intake staff)
 * moves through stages until it ends in an admission, a referral elsewhere, a decision not to admit,
 * or lost contact. Pure: the caller passes the clock.
 */

export const PIPELINE_STAGES = [
  "new",
  "contacted",
  "screening_scheduled",
  "screened",
  "admitted",
  "referred_elsewhere",
  "not_admitted",
  "lost_to_contact",
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export const pipelineStageSchema = z.enum(PIPELINE_STAGES);

/** Stages that end the pipeline. */
export const CLOSED_STAGES: readonly PipelineStage[] = [
  "admitted",
  "referred_elsewhere",
  "not_admitted",
  "lost_to_contact",
];

export const NOT_ADMITTED_REASONS = [
  "needs_higher_level_of_care",
  "needs_lower_level_of_care",
  "declined_treatment",
  "not_eligible",
  "insurance_or_payment",
  "schedule_conflict",
  "other",
] as const;
export type NotAdmittedReason = (typeof NOT_ADMITTED_REASONS)[number];
export const notAdmittedReasonSchema = z.enum(NOT_ADMITTED_REASONS);

/** Where each stage may go next. Closed stages go nowhere, except that lost contact can be picked up again. */
const NEXT: Record<PipelineStage, readonly PipelineStage[]> = {
  new: ["contacted", "screening_scheduled", "referred_elsewhere", "not_admitted", "lost_to_contact"],
  contacted: ["screening_scheduled", "referred_elsewhere", "not_admitted", "lost_to_contact"],
  screening_scheduled: ["screened", "contacted", "referred_elsewhere", "not_admitted", "lost_to_contact"],
  screened: ["admitted", "referred_elsewhere", "not_admitted", "lost_to_contact"],
  admitted: [],
  referred_elsewhere: [],
  not_admitted: [],
  lost_to_contact: ["contacted"],
};

export function allowedNextStages(stage: PipelineStage): readonly PipelineStage[] {
  return NEXT[stage];
}

export interface StageChange {
  to: PipelineStage;
  /** Required when moving to not_admitted. */
  notAdmittedReason?: NotAdmittedReason | undefined;
  /** Required when moving to referred_elsewhere: where to. */
  referredTo?: string | undefined;
}

export type TransitionError =
  | { code: "ADMISSIONS_STAGE_CLOSED"; field: "to" }
  | { code: "ADMISSIONS_TRANSITION_NOT_ALLOWED"; field: "to" }
  | { code: "ADMISSIONS_REASON_REQUIRED"; field: "notAdmittedReason" }
  | { code: "ADMISSIONS_REFERRED_TO_REQUIRED"; field: "referredTo" }
  | { code: "ADMISSIONS_ADMIT_THROUGH_ADMISSION"; field: "to" };

/**
 * Whether a stage change is legal. "admitted" is reached only by completing an admission (which
 * creates the participant and the episode), never by moving a card.
 */
export function checkStageChange(
  from: PipelineStage,
  change: StageChange,
  viaAdmission = false,
): TransitionError | null {
  if (change.to === "admitted" && !viaAdmission)
    return { code: "ADMISSIONS_ADMIT_THROUGH_ADMISSION", field: "to" };
  if (NEXT[from].length === 0) return { code: "ADMISSIONS_STAGE_CLOSED", field: "to" };
  if (!NEXT[from].includes(change.to)) return { code: "ADMISSIONS_TRANSITION_NOT_ALLOWED", field: "to" };
  if (change.to === "not_admitted" && !change.notAdmittedReason)
    return { code: "ADMISSIONS_REASON_REQUIRED", field: "notAdmittedReason" };
  if (change.to === "referred_elsewhere" && !change.referredTo?.trim()) {
    return { code: "ADMISSIONS_REFERRED_TO_REQUIRED", field: "referredTo" };
  }
  return null;
}

/** Whole days from first contact to admission (calendar dates, e.g. "2026-11-02" → "2026-11-09" is 7). */
export function daysToAdmission(firstContactOn: string, admittedOn: string): number {
  return daysBetween(firstContactOn, admittedOn);
}

/** A follow-up is overdue once its due date has passed in the program's time zone (`today`). */
export function isFollowUpOverdue(
  stage: PipelineStage,
  nextActionDueOn: string | null,
  today: string,
): boolean {
  return !CLOSED_STAGES.includes(stage) && nextActionDueOn !== null && nextActionDueOn < today;
}
