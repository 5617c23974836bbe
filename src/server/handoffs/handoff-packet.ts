import {
  type AftercarePlanContent,
  aftercarePlanContentSchema,
  type MedicationContinuity,
  type StepDown,
} from "../../core/aftercare/aftercare-plan.schema";
import { latestScores } from "../../core/disclosures/release.rules";
import type { HandoffCategory } from "../../core/handoffs/handoff.schema";
import {
  type SafetyPlanContent,
  safetyPlanContentSchema,
} from "../../core/personal-plans/personal-plan.schema";
import type { ResponseForObservations } from "../../fhir/observation.fhir";
import { listResponses } from "../assessments/assessments.sql";
import type { Queryable } from "../db/connection";
import { readReleasePacket } from "../disclosures/release-packet";
import { findCurrentPlan } from "../personal-plans/personal-plans.sql";
import type { HandoffFactsRow } from "./handoffs.sql";

/**
 * What a referral packet holds, read from the record for the categories the consent covers (and no
 * other): every packet carries the participant's identification, the program contact and the referral
 * (the signed aftercare plan's step-down); the rest only under its category —
 *
 * - `discharge_summary`: the episode (dates, levels of care, discharge reason) and the signed summary;
 * - `diagnosis`: the diagnoses (the record release's reader);
 * - `treatment_plan`: the signed aftercare plan and, when it includes it, the current safety plan;
 * - `medications`: the aftercare plan's medication continuity;
 * - `assessment_scores`: the latest scored response of each questionnaire.
 *
 * Nothing is made up: what the record does not hold stays null or empty.
 */

export interface HandoffEpisode {
  id: string;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: string | null;
  levelOfCare: string;
  dischargeLevelOfCare: string | null;
  referredLevelOfCare: string | null;
}

/** A scored response as the score Observations read it. */
export type HandoffScoreRow = ResponseForObservations;

export interface HandoffPacket {
  categories: HandoffCategory[];
  participant: { id: string; givenName: string; familyName: string; bornOn: string };
  program: { name: string; siteName: string; phone: string; counselorName: string | null };
  /** The episode the referral closes (its id and dates are always known to the referral; details below). */
  episodeId: string;
  /** The step-down from the signed aftercare plan; null without a signed plan or a step-down. */
  referral: StepDown | null;
  episode: HandoffEpisode | null;
  dischargeSummary: { version: number; signedAt: string; sections: Record<string, string> } | null;
  diagnoses: { code: string; title: string; primary: boolean }[] | null;
  aftercarePlan: { version: number; signedAt: string | null; content: AftercarePlanContent } | null;
  safetyPlan: SafetyPlanContent | null;
  medication: MedicationContinuity | null;
  scores: HandoffScoreRow[] | null;
}

export function signedPlanOf(facts: HandoffFactsRow): AftercarePlanContent | null {
  if (facts.plan_status !== "signed") return null;
  const parsed = aftercarePlanContentSchema.safeParse(facts.plan_content);
  return parsed.success ? parsed.data : null;
}

export async function readHandoffPacket(
  q: Queryable,
  facts: HandoffFactsRow & { episode_id: string },
  categories: readonly HandoffCategory[],
  today: string,
): Promise<HandoffPacket> {
  const wants = (c: HandoffCategory) => categories.includes(c);
  const plan = signedPlanOf(facts);
  const referral = plan?.stepDown && plan.stepDown.kind !== "none" ? plan.stepDown : null;
  const release = wants("diagnosis")
    ? await readReleasePacket(q, facts.participant_id, ["diagnosis"], today)
    : null;
  let safetyPlan: SafetyPlanContent | null = null;
  if (wants("treatment_plan") && plan?.includeSafetyPlan) {
    const current = await findCurrentPlan(q, facts.participant_id, "safety");
    const parsed = current ? safetyPlanContentSchema.safeParse(current.content) : null;
    safetyPlan = parsed?.success ? parsed.data : null;
  }
  const scores = wants("assessment_scores")
    ? latestScores((await listResponses(q, facts.participant_id)).filter((r) => r.scored && r.total !== null))
    : null;
  return {
    categories: [...categories],
    participant: {
      id: facts.participant_id,
      givenName: facts.given_name,
      familyName: facts.family_name,
      bornOn: facts.born_on,
    },
    program: {
      name: facts.program_name,
      siteName: facts.site_name,
      phone: facts.on_call_phone,
      counselorName: facts.counselor_name,
    },
    episodeId: facts.episode_id,
    referral,
    episode: wants("discharge_summary")
      ? {
          id: facts.episode_id,
          admittedOn: facts.admitted_on!,
          dischargedOn: facts.discharged_on,
          dischargeReason: facts.discharge_reason,
          levelOfCare: facts.level_of_care ?? "2.1",
          dischargeLevelOfCare: facts.discharge_level_of_care,
          referredLevelOfCare: facts.referred_level_of_care,
        }
      : null,
    dischargeSummary:
      wants("discharge_summary") && facts.summary_signed_at !== null
        ? {
            version: facts.summary_version ?? 1,
            signedAt: new Date(facts.summary_signed_at).toISOString(),
            sections: facts.summary_sections ?? {},
          }
        : null,
    diagnoses: release?.diagnoses ?? null,
    aftercarePlan:
      wants("treatment_plan") && plan
        ? {
            version: facts.plan_version ?? 1,
            signedAt: facts.plan_signed_at ? new Date(facts.plan_signed_at).toISOString() : null,
            content: { ...plan, medication: null },
          }
        : null,
    safetyPlan,
    medication: wants("medications") ? (plan?.medication ?? null) : null,
    scores,
  };
}
