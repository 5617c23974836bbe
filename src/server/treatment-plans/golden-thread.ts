import { deriveObjectiveProgress } from "../../core/treatment-plans/objective-progress.rules";
import { currentObjectivesOf } from "../../core/treatment-plans/plan.rules";
import type { ObjectiveStatus } from "../../core/treatment-plans/plan.schema";
import type { CurrentObjective } from "../../core/treatment-plans/plan-api.schema";
import { reviewContentSchema } from "../../core/treatment-plans/review.schema";
import { listResponses } from "../assessments/assessments.sql";
import type { Queryable } from "../db/connection";
import { contentOf } from "./plan-views";
import * as store from "./plans.sql";
import { findPlanFacts, listReviews } from "./reviews.sql";

/**
 * The golden thread: the objectives of the plan in force, which notes and check-ins tie to, and each
 * objective's course over signings, reviews and measurements. The caller has authorised the read.
 */

/** Latest status of each objective from the signed reviews of a plan (the latest review wins). */
async function latestReviewedStatuses(q: Queryable, planId: string): Promise<Map<string, ObjectiveStatus>> {
  const signed = (await listReviews(q, planId))
    .filter((r) => r.status === "signed" && r.signedAt)
    .sort((a, b) => a.signedAt!.getTime() - b.signedAt!.getTime());
  const statuses = new Map<string, ObjectiveStatus>();
  for (const review of signed) {
    for (const p of reviewContentSchema.parse(review.content).progress) statuses.set(p.objectiveId, p.status);
  }
  return statuses;
}

/**
 * The golden thread: the participant's current objectives — those of the signed version in force of
 * the plan of their open (else latest) episode — each with its latest reviewed status. Other domains
 * (notes, check-ins) call this to tie to an objective; the caller has authorised the read.
 */
export async function currentObjectives(
  q: Queryable,
  participantId: string,
): Promise<{ hasSignedPlan: boolean; objectives: CurrentObjective[] }> {
  const plan = await store.findPlanOfParticipant(q, participantId);
  const current = plan ? await store.findVersionByStatus(q, plan.id, ["signed"]) : undefined;
  if (!plan || !current) return { hasSignedPlan: false, objectives: [] };
  const statuses = await latestReviewedStatuses(q, plan.id);
  return {
    hasSignedPlan: true,
    objectives: currentObjectivesOf(
      { id: current.id, number: current.number, content: contentOf(current) },
      statuses,
    ),
  };
}

/** Each objective's course: its status at each signing and signed review, and measured values from the record. */
export async function objectiveProgressOf(q: Queryable, participantId: string) {
  const plan = await store.findPlanOfParticipant(q, participantId);
  if (!plan) return { objectives: [] };
  const [rows, reviews, facts, responses] = await Promise.all([
    store.listVersions(q, plan.id),
    listReviews(q, plan.id),
    findPlanFacts(q, plan.id),
    listResponses(q, participantId),
  ]);
  return {
    objectives: deriveObjectiveProgress({
      timeZone: facts?.timeZone ?? "UTC",
      versions: rows
        .filter((r) => r.signedAt !== null)
        .map((r) => ({ id: r.id, signedAt: r.signedAt!, content: contentOf(r) })),
      reviews: reviews
        .filter((r) => r.status === "signed")
        .map((r) => ({ id: r.id, heldOn: r.heldOn, content: reviewContentSchema.parse(r.content) })),
      measurements: responses
        .filter((r) => r.scored && r.total !== null && r.episodeId === plan.episodeId)
        .map((r) => ({ instrumentKey: r.instrumentKey, on: r.completedOn, total: r.total! })),
    }),
  };
}
