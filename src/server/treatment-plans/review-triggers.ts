import { and, desc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { ReviewTriggerReason } from "../../core/treatment-plans/review.schema";
import { earlyReviewDueOn } from "../../core/treatment-plans/review-due.rules";
import type { Queryable } from "../db/connection";
import {
  episodes,
  sites,
  treatmentPlanReviewTriggers,
  treatmentPlans,
  treatmentPlanVersions,
} from "../db/schema";
import { readPlanSettings } from "./plan-settings.repo";

/**
 * Early-review triggers: a level-of-care change, a critical alert or the start of discharge planning
 * makes the participant's plan due for review within the program's early-review window. Raised inside
 * the transaction that records the cause, so the trigger exists exactly when its cause does.
 */

export interface RaiseReviewTriggerInput {
  participantId: string;
  reason: ReviewTriggerReason;
  /** The record that raised it (the alert, the level change): one trigger per source. */
  sourceId: string;
  at: Date;
}

export interface RaisedReviewTrigger {
  planId: string;
  dueOn: string;
  /** False when this source had already raised a trigger on the plan. */
  raised: boolean;
}

/**
 * Raise an early-review trigger on the participant's plan — the plan of their open episode (else
 * their latest) that has a signed version. Null when there is no signed plan to review yet (the
 * first plan is written after the change anyway).
 */
export async function raiseReviewTrigger(
  q: Queryable,
  input: RaiseReviewTriggerInput,
): Promise<RaisedReviewTrigger | null> {
  const [plan] = await q
    .select({ planId: treatmentPlans.id, timeZone: sites.timeZone })
    .from(treatmentPlans)
    .innerJoin(episodes, eq(episodes.id, treatmentPlans.episodeId))
    .innerJoin(sites, eq(sites.id, treatmentPlans.siteId))
    .innerJoin(
      treatmentPlanVersions,
      and(eq(treatmentPlanVersions.planId, treatmentPlans.id), eq(treatmentPlanVersions.status, "signed")),
    )
    .where(
      and(
        eq(treatmentPlans.participantId, input.participantId),
        isNotNull(treatmentPlanVersions.signedAt),
        lte(treatmentPlanVersions.signedAt, input.at),
      ),
    )
    .orderBy(desc(isNull(episodes.dischargedOn)), desc(episodes.admittedOn))
    .limit(1);
  if (!plan) return null;
  const settings = await readPlanSettings(q);
  const dueOn = earlyReviewDueOn(input.at, plan.timeZone, settings.earlyReviewDays);
  const inserted = await q
    .insert(treatmentPlanReviewTriggers)
    .values({
      planId: plan.planId,
      reason: input.reason,
      sourceId: input.sourceId,
      raisedAt: input.at,
      dueOn,
    })
    .onConflictDoNothing()
    .returning({ id: treatmentPlanReviewTriggers.id });
  return { planId: plan.planId, dueOn, raised: inserted.length > 0 };
}
