import { can } from "../../core/access/access.rules";
import type { Permission } from "../../core/access/permissions";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError } from "../../core/platform/errors";
import type { ReviewDetail } from "../../core/treatment-plans/plan-api.schema";
import { loadParticipantFacts } from "../access/access.service";
import { type AuditContext, recordAudit } from "../audit/audit.service";
import type { Database, Queryable, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { toReviewDetail } from "./review-views";
import {
  findPlanFacts,
  findReview,
  listReviewSignatures,
  lockReview,
  type PlanFactsRow,
  type ReviewRow,
} from "./reviews.sql";

/**
 * How the review use cases reach a review: the actor's permission on the plan's participant (the
 * routes reach plans by id, so the guard could not ask), the review of a plan, locked at the revision
 * read, the participant's own review, and the detail answered.
 */
export function createReviewAccess(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;

  /**
   * The actor's permission on the participant of a plan reached by its id (the guard could not ask):
   * the plan's facts and the purpose when allowed; a refusal is audited like the guard's.
   */
  async function authorizeOnPlan(
    actor: Actor,
    planId: string,
    permission: Permission,
    action: string,
    context: AuditContext,
  ): Promise<{ plan: PlanFactsRow; purpose: AuditPurpose }> {
    const at = now();
    const plan = await findPlanFacts(db, planId);
    const facts = plan ? await loadParticipantFacts(db, actor.access, plan.participantId, at) : undefined;
    if (!plan || !facts) throw new DomainError("NOT_FOUND", "No such treatment plan.");
    const decision = can(actor.access, permission, facts, at);
    if (decision.allowed) return { plan, purpose: decision.purpose };
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "treatment_plan",
        resourceId: planId,
        participantId: plan.participantId,
        purpose: "treatment",
        outcome: "denied",
        details: { reason: decision.reason },
      },
      at,
    );
    if (decision.breakGlass) throw new DomainError("ACCESS_BREAK_GLASS_AVAILABLE");
    if (actor.user.kind === "staff" && actor.access.siteIds.includes(facts.siteId)) {
      throw new DomainError("AUTH_FORBIDDEN");
    }
    throw new DomainError("NOT_FOUND", "No such treatment plan.");
  }

  async function reviewOfPlan(q: Queryable, planId: string, reviewId: string): Promise<ReviewRow> {
    const row = await findReview(q, reviewId);
    if (!row || row.planId !== planId) throw new DomainError("NOT_FOUND", "No such review.");
    return row;
  }

  /** The review locked for the rest of the transaction, with its revision checked. */
  async function lockedReview(
    tx: Transaction,
    planId: string,
    reviewId: string,
    revision: number,
  ): Promise<ReviewRow> {
    await lockReview(tx, reviewId);
    const row = await reviewOfPlan(tx, planId, reviewId);
    if (row.revision !== revision) {
      const who = row.updatedByName ?? "Someone else";
      throw new DomainError(
        "TREATMENT_PLAN_REVIEW_EDIT_CONFLICT",
        `${who} saved this review at ${row.updatedAt.toISOString()} after you opened it. Your text is kept on this page; reload the review to see their changes, then apply yours.`,
        "revision",
        { savedBy: who, savedAt: row.updatedAt.toISOString() },
      );
    }
    return row;
  }

  async function detail(q: Queryable, reviewId: string): Promise<ReviewDetail> {
    const row = await findReview(q, reviewId);
    if (!row) throw new DomainError("NOT_FOUND", "No such review.");
    return toReviewDetail(row, await listReviewSignatures(q, [row.id]));
  }

  /** A review of the signed-in participant's own plan, awaiting signatures or signed; else not found. */
  async function ownReview(actor: Actor, reviewId: string): Promise<{ row: ReviewRow; plan: PlanFactsRow }> {
    const row = await findReview(db, reviewId);
    const plan = row ? await findPlanFacts(db, row.planId) : undefined;
    if (
      !row ||
      !plan ||
      actor.access.participantId === null ||
      plan.participantId !== actor.access.participantId ||
      row.status === "draft"
    ) {
      throw new DomainError("NOT_FOUND", "No such review.");
    }
    return { row, plan };
  }

  return { authorizeOnPlan, reviewOfPlan, lockedReview, detail, ownReview };
}
export type ReviewAccess = ReturnType<typeof createReviewAccess>;
