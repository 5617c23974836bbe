import { createHash } from "node:crypto";
import { DomainError, type FieldError } from "../../core/platform/errors";
import { canonicalJson } from "../../core/treatment-plans/plan.rules";
import { type PlanContent, planContentSchema } from "../../core/treatment-plans/plan.schema";
import type { ReviewDetail, ReviewSummary } from "../../core/treatment-plans/plan-api.schema";
import {
  type ObjectiveProgress,
  type ReviewContent,
  type ReviewDue,
  type ReviewReason,
  type ReviewTriggerReason,
  reviewContentSchema,
  type SaveReviewInput,
} from "../../core/treatment-plans/review.schema";
import { computeReviewDue, localDateIn } from "../../core/treatment-plans/review-due.rules";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { readPlanSettings } from "./plan-settings.repo";
import { findCosigner } from "./plans.sql";
import { createReviewAccess } from "./review-access";
import { toReviewDetail, toReviewSummary } from "./review-views";
import {
  deleteReviewSignatures,
  findLatestScores,
  findLatestSignedReviewContent,
  findPlanFacts,
  findVersionContent,
  insertReview,
  listOpenTriggers,
  listReviewSignatures,
  listReviews,
  maxReviewNumber,
  type ReviewRow,
  updateReview,
} from "./reviews.sql";

/**
 * Plan reviews: where a plan stands against its review cycle and early-review triggers, the reviews
 * held, and the one being written or signed.
 */

export interface ReviewState {
  reviewDue: ReviewDue;
  openReview: ReviewDetail | null;
  reviews: ReviewSummary[];
}

export { toReviewDetail, toReviewSummary, toSignature } from "./review-views";

/** When the next review of a plan is due, and how that stands on `now` (the site's calendar). */
export async function reviewDueFor(q: Queryable, planId: string, now: Date): Promise<ReviewDue> {
  const facts = await findPlanFacts(q, planId);
  if (!facts?.currentVersionSignedAt) return { state: "none", dueOn: null, reason: null };
  const settings = await readPlanSettings(q);
  const triggers = await listOpenTriggers(q, planId);
  const signedAts = [facts.currentVersionSignedAt, facts.lastReviewSignedAt].filter(
    (d): d is Date => d !== null,
  );
  return computeReviewDue({
    lastSignedAt: new Date(Math.max(...signedAts.map((d) => d.getTime()))),
    timeZone: facts.timeZone,
    reviewCycleDays: settings.reviewCycleDays,
    dueSoonDays: settings.dueSoonDays,
    openTriggers: triggers.map((t) => ({ reason: t.reason as ReviewTriggerReason, dueOn: t.dueOn })),
    now,
  });
}

/** Where a plan stands on reviews at `now`: the due state, the open review (if any) and every review. */
export async function reviewStateFor(q: Queryable, planId: string, now: Date): Promise<ReviewState> {
  const reviewDue = await reviewDueFor(q, planId, now);
  const rows = await listReviews(q, planId);
  const signatures = await listReviewSignatures(
    q,
    rows.map((r) => r.id),
  );
  const open = rows.find((r) => r.status === "draft" || r.status === "awaiting_signatures");
  return {
    reviewDue,
    openReview: open ? toReviewDetail(open, signatures) : null,
    reviews: rows.map((r) => toReviewSummary(r, signatures)),
  };
}

const hashOf = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

/** What a review signature covers: the reviewed version, the date held, the co-signer and the content. */
function reviewHash(
  row: Pick<ReviewRow, "id" | "versionId" | "heldOn" | "cosignerUserId" | "content">,
): string {
  return hashOf({
    reviewId: row.id,
    versionId: row.versionId,
    heldOn: row.heldOn,
    cosignerUserId: row.cosignerUserId,
    content: row.content,
  });
}

function objectivesOf(content: PlanContent) {
  return content.problems.flatMap((p) => p.objectives);
}

/** Reviews over the API: start, save, finalize, reopen and read (signing: review-signing.ts). */
export function createReviewsService(deps: { db: Database; now: () => Date }) {
  const { db, now } = deps;
  const { authorizeOnPlan, reviewOfPlan, lockedReview, detail } = createReviewAccess({ db, now });

  return {
    /** Open a draft review of the signed version in force, progress filled in from the record. */
    async startReview(
      actor: Actor,
      planId: string,
      input: { reason: ReviewReason },
      context: AuditContext,
    ): Promise<ReviewDetail> {
      const action = "treatment_plan.review_start";
      const { plan, purpose } = await authorizeOnPlan(actor, planId, "clinical.write", action, context);
      const at = now();
      return db.transaction(async (tx) => {
        if (!plan.currentVersionId) {
          throw new DomainError(
            "TREATMENT_PLAN_NOT_SIGNED",
            "This plan has no signed version to review yet. Sign the plan first.",
          );
        }
        const version = await findVersionContent(tx, plan.currentVersionId);
        const content = planContentSchema.parse(version!.content);
        const lastReview = await findLatestSignedReviewContent(tx, plan.currentVersionId);
        const lastStatus = new Map(
          lastReview
            ? reviewContentSchema.parse(lastReview).progress.map((p) => [p.objectiveId, p.status] as const)
            : [],
        );
        const objectives = objectivesOf(content);
        const scores = await findLatestScores(
          tx,
          plan.participantId,
          objectives.flatMap((o) => (o.measure?.kind === "instrument" ? [o.measure.instrumentKey] : [])),
        );
        const progress: ObjectiveProgress[] = objectives.map((o) => ({
          objectiveId: o.id,
          status: lastStatus.get(o.id) ?? o.status,
          note: "",
          value: o.measure?.kind === "instrument" ? (scores.get(o.measure.instrumentKey) ?? null) : null,
        }));
        const due = await reviewDueFor(tx, planId, at);
        const heldOn = localDateIn(at, plan.timeZone);
        const id = await insertReview(tx, {
          planId,
          versionId: plan.currentVersionId,
          number: (await maxReviewNumber(tx, planId)) + 1,
          status: "draft",
          reason: input.reason,
          dueOn: due.dueOn ?? heldOn,
          heldOn,
          content: { progress, summary: "", planChangesNeeded: false } satisfies ReviewContent,
          revision: 1,
          createdBy: actor.user.id,
          createdAt: at,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        if (!id) throw new DomainError("TREATMENT_PLAN_REVIEW_OPEN");
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_review",
            resourceId: id,
            participantId: plan.participantId,
            purpose,
            details: { planId, reason: input.reason, dueOn: due.dueOn },
          },
          at,
        );
        return detail(tx, id);
      });
    },

    /** Save a draft review under optimistic locking (a stale revision is a 409 naming who saved). */
    async saveReview(
      actor: Actor,
      planId: string,
      reviewId: string,
      input: SaveReviewInput,
      context: AuditContext,
    ): Promise<ReviewDetail> {
      const action = "treatment_plan.review_save";
      const { plan, purpose } = await authorizeOnPlan(actor, planId, "clinical.write", action, context);
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockedReview(tx, planId, reviewId, input.revision);
        if (row.status !== "draft") throw new DomainError("TREATMENT_PLAN_REVIEW_LOCKED");
        const version = await findVersionContent(tx, row.versionId);
        const known = new Set(objectivesOf(planContentSchema.parse(version!.content)).map((o) => o.id));
        const problems: FieldError[] = [];
        if (input.heldOn > localDateIn(at, plan.timeZone)) {
          problems.push({ path: "heldOn", message: "A review cannot be held on a date still to come." });
        }
        input.content.progress.forEach((p, i) => {
          if (!known.has(p.objectiveId)) {
            problems.push({
              path: `content.progress.${i}.objectiveId`,
              message: "This objective is not in the plan version under review.",
            });
          }
        });
        if (input.cosignerUserId !== null) {
          const cosigner = await findCosigner(tx, input.cosignerUserId);
          if (!cosigner?.site_ids.includes(plan.siteId)) {
            problems.push({
              path: "cosignerUserId",
              message: "Choose a supervisor at the participant's site who may co-sign plans.",
            });
          }
        }
        if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
        await updateReview(tx, row.id, {
          content: input.content,
          heldOn: input.heldOn,
          cosignerUserId: input.cosignerUserId,
          revision: row.revision + 1,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_review",
            resourceId: row.id,
            participantId: plan.participantId,
            purpose,
            details: { planId, revision: row.revision + 1 },
          },
          at,
        );
        return detail(tx, row.id);
      });
    },

    /**
     * Freeze a draft for signatures: every objective of the reviewed version needs a progress entry
     * and the summary is required (each missing piece named by its field).
     */
    async finalizeReview(
      actor: Actor,
      planId: string,
      reviewId: string,
      revision: number,
      context: AuditContext,
    ): Promise<ReviewDetail> {
      const action = "treatment_plan.review_finalize";
      const { plan, purpose } = await authorizeOnPlan(actor, planId, "clinical.write", action, context);
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockedReview(tx, planId, reviewId, revision);
        if (row.status !== "draft") throw new DomainError("TREATMENT_PLAN_REVIEW_LOCKED");
        const content = reviewContentSchema.parse(row.content);
        const version = await findVersionContent(tx, row.versionId);
        const recorded = new Set(content.progress.map((p) => p.objectiveId));
        const problems: FieldError[] = [];
        const objectives = objectivesOf(planContentSchema.parse(version!.content));
        const missing = objectives.filter((o) => !recorded.has(o.id));
        if (missing.length > 0) {
          problems.push({
            path: "content.progress",
            message: `Record progress on every objective: ${missing.map((o) => `“${o.statement}”`).join(", ")} has none.`,
          });
        }
        if (content.summary.trim() === "") {
          problems.push({
            path: "content.summary",
            message: "Write the summary of progress before signing.",
          });
        }
        if (problems.length > 0) throw new DomainError("VALIDATION_FAILED", problems[0]!.message, problems);
        await updateReview(tx, row.id, {
          status: "awaiting_signatures",
          contentSha256: reviewHash(row),
          finalizedAt: at,
          revision: row.revision + 1,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_review",
            resourceId: row.id,
            participantId: plan.participantId,
            purpose,
            details: { planId },
          },
          at,
        );
        return detail(tx, row.id);
      });
    },

    /** Return a review awaiting signatures to draft; the signatures given so far are cleared. */
    async reopenReview(
      actor: Actor,
      planId: string,
      reviewId: string,
      revision: number,
      context: AuditContext,
    ): Promise<ReviewDetail> {
      const action = "treatment_plan.review_reopen";
      const { plan, purpose } = await authorizeOnPlan(actor, planId, "clinical.write", action, context);
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockedReview(tx, planId, reviewId, revision);
        if (row.status !== "awaiting_signatures") {
          throw new DomainError("TREATMENT_PLAN_REVIEW_NOT_AWAITING_SIGNATURES");
        }
        const cleared = await deleteReviewSignatures(tx, row.id);
        await updateReview(tx, row.id, {
          status: "draft",
          contentSha256: null,
          finalizedAt: null,
          revision: row.revision + 1,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_review",
            resourceId: row.id,
            participantId: plan.participantId,
            purpose,
            details: { planId, signaturesCleared: cleared },
          },
          at,
        );
        return detail(tx, row.id);
      });
    },

    /** One review with its content (the read is audited). */
    async review(
      actor: Actor,
      planId: string,
      reviewId: string,
      context: AuditContext,
    ): Promise<ReviewDetail> {
      const action = "treatment_plan.review_view";
      const { plan, purpose } = await authorizeOnPlan(actor, planId, "clinical.view", action, context);
      const row = await reviewOfPlan(db, planId, reviewId);
      await recordAudit(
        db,
        context,
        {
          action,
          resourceType: "treatment_plan_review",
          resourceId: row.id,
          participantId: plan.participantId,
          purpose,
        },
        now(),
      );
      return detail(db, row.id);
    },
  };
}
export type ReviewsService = ReturnType<typeof createReviewsService>;
