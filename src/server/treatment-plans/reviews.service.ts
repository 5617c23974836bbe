import { createHash } from "node:crypto";
import { can } from "../../core/access/access.rules";
import type { Permission } from "../../core/access/permissions";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { DomainError, type FieldError } from "../../core/platform/errors";
import { describeDevice } from "../../core/platform/user-agent";
import {
  canonicalJson,
  isTypedNameAcceptable,
  requiredSignatureRoles,
} from "../../core/treatment-plans/plan.rules";
import {
  type PlanContent,
  planContentSchema,
  type SignatureRole,
  type StaffSignInput,
} from "../../core/treatment-plans/plan.schema";
import type { ReviewDetail, ReviewSummary, Signature } from "../../core/treatment-plans/plan-api.schema";
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
import { loadParticipantFacts } from "../access/access.service";
import type { ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { Keyring } from "../identity/keyring";
import { confirmIdentity } from "../identity/reauth";
import { readPlanSettings } from "./plan-settings.repo";
import { findCosigner, findParticipantNames } from "./plans.sql";
import {
  deleteReviewSignatures,
  findLatestScores,
  findLatestSignedReviewContent,
  findPlanFacts,
  findReview,
  findVersionContent,
  insertReview,
  insertReviewSignature,
  listOpenTriggers,
  listReviewSignatures,
  listReviews,
  lockReview,
  maxReviewNumber,
  type PlanFactsRow,
  type ReviewRow,
  type SignatureRow,
  satisfyTriggers,
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

const iso = (d: Date) => d.toISOString();

export function toSignature(row: SignatureRow): Signature {
  return {
    role: row.role as Signature["role"],
    signer: { id: row.signerUserId, displayName: row.signerName },
    method: row.method as Signature["method"],
    typedName: row.typedName,
    signedAt: iso(row.signedAt),
    device: describeDevice(row.userAgent),
  };
}

export function toReviewSummary(row: ReviewRow, signatures: readonly SignatureRow[]): ReviewSummary {
  return {
    id: row.id,
    planId: row.planId,
    versionId: row.versionId,
    number: row.number,
    status: row.status as ReviewSummary["status"],
    reason: row.reason as ReviewSummary["reason"],
    dueOn: row.dueOn,
    heldOn: row.heldOn,
    revision: row.revision,
    cosigner:
      row.cosignerUserId && row.cosignerName
        ? { id: row.cosignerUserId, displayName: row.cosignerName }
        : null,
    createdAt: iso(row.createdAt),
    createdBy:
      row.createdBy && row.createdByName ? { id: row.createdBy, displayName: row.createdByName } : null,
    updatedAt: iso(row.updatedAt),
    signedAt: row.signedAt ? iso(row.signedAt) : null,
    requiredRoles: requiredSignatureRoles(row.cosignerUserId),
    signatures: signatures.filter((s) => s.reviewId === row.id).map(toSignature),
  };
}

export function toReviewDetail(row: ReviewRow, signatures: readonly SignatureRow[]): ReviewDetail {
  return {
    ...toReviewSummary(row, signatures),
    content: reviewContentSchema.parse(row.content) as ReviewContent,
  };
}

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

/** Reviews over the API: start, save, finalize, reopen, sign (staff and participant), read. */
export function createReviewsService(deps: {
  db: Database;
  now: () => Date;
  keyring: Keyring;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, keyring, resolveFindings } = deps;

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

  /** Once every required role has signed: the review is signed and answers the triggers raised so far. */
  async function completeIfSigned(
    tx: Transaction,
    row: ReviewRow,
    plan: PlanFactsRow,
    context: AuditContext,
    at: Date,
  ): Promise<void> {
    const signed = new Set((await listReviewSignatures(tx, [row.id])).map((s) => s.role));
    if (!requiredSignatureRoles(row.cosignerUserId).every((role) => signed.has(role as SignatureRole)))
      return;
    await updateReview(tx, row.id, { status: "signed", signedAt: at });
    const satisfied = await satisfyTriggers(tx, row.planId, row.id, at);
    await appendAudit(
      tx,
      context,
      {
        action: "treatment_plan.review_signed",
        resourceType: "treatment_plan_review",
        resourceId: row.id,
        participantId: plan.participantId,
        purpose: "treatment",
        details: { planId: row.planId, number: row.number, triggersSatisfied: satisfied },
      },
      at,
    );
    for (const kind of ["treatment_plan_review_due", "treatment_plan_review_overdue"] as const) {
      await resolveFindings(
        tx,
        {
          kind,
          participantId: plan.participantId,
          evidenceId: row.planId,
          note: `Plan review ${row.number} was signed.`,
          userId: null,
          context,
        },
        at,
      );
    }
  }

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

    /**
     * A staff signature: the clinician (clinical.write on the participant) or the named supervisor
     * (plans.cosign), after re-entering their password or an authenticator code.
     */
    async signReview(
      actor: Actor,
      planId: string,
      reviewId: string,
      input: StaffSignInput,
      context: AuditContext,
    ): Promise<ReviewDetail> {
      const action = "treatment_plan.review_sign";
      // As the plan's signing: the clinician writes the clinical record; the supervisor reads it and
      // is the co-signer named on the review, holding plans.cosign.
      const permission: Permission = input.role === "supervisor" ? "clinical.view" : "clinical.write";
      const { plan, purpose } = await authorizeOnPlan(actor, planId, permission, action, context);
      const current = await reviewOfPlan(db, planId, reviewId);
      if (input.role === "supervisor") {
        if (current.cosignerUserId === null) {
          throw new DomainError(
            "TREATMENT_PLAN_COSIGN_NOT_REQUIRED",
            "This review names no co-signer; it needs no supervisor's signature.",
            "role",
          );
        }
        if (current.cosignerUserId !== actor.user.id || !actor.access.grants["plans.cosign"]) {
          await recordAudit(
            db,
            context,
            {
              action,
              resourceType: "treatment_plan_review",
              resourceId: current.id,
              participantId: plan.participantId,
              purpose,
              outcome: "denied",
              details: { role: "supervisor", reason: "not_named_cosigner" },
            },
            now(),
          );
          throw new DomainError(
            "TREATMENT_PLAN_NOT_COSIGNER",
            "Only the supervisor named as co-signer, holding the co-sign permission, can co-sign this review.",
            "role",
          );
        }
      }
      const proof = input.password !== undefined ? { password: input.password } : { code: input.code! };
      const { method } = await confirmIdentity(db, actor, proof, now(), {
        keyring,
        context,
        purposeAction: action,
      });
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockedReview(tx, planId, reviewId, input.revision);
        if (row.status !== "awaiting_signatures") {
          throw new DomainError("TREATMENT_PLAN_REVIEW_NOT_AWAITING_SIGNATURES");
        }
        const signedBefore = await listReviewSignatures(tx, [row.id]);
        if (
          signedBefore.some(
            (s) => s.signerUserId === actor.user.id && s.role !== input.role && s.role !== "participant",
          )
        ) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "You have already signed this review in the other role; the co-signature must come from someone else.",
            "role",
          );
        }
        const inserted = await insertReviewSignature(tx, {
          reviewId: row.id,
          role: input.role,
          signerUserId: actor.user.id,
          method,
          typedName: null,
          contentSha256: row.contentSha256!,
          signedAt: at,
          userAgent: context.userAgent?.slice(0, 300) ?? null,
          ipAddress: context.ipAddress,
        });
        if (!inserted) throw new DomainError("TREATMENT_PLAN_REVIEW_ALREADY_SIGNED");
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: "treatment_plan_review",
            resourceId: row.id,
            participantId: plan.participantId,
            purpose,
            details: { planId, role: input.role, method },
          },
          at,
        );
        await completeIfSigned(tx, row, plan, context, at);
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

    /** The participant's own review, once it awaits their signature or is signed (the read is audited). */
    async myReview(actor: Actor, reviewId: string, context: AuditContext): Promise<ReviewDetail> {
      const { row, plan } = await ownReview(actor, reviewId);
      await recordAudit(
        db,
        context,
        {
          action: "treatment_plan.my_review_view",
          resourceType: "treatment_plan_review",
          resourceId: row.id,
          participantId: plan.participantId,
          purpose: "self",
        },
        now(),
      );
      return detail(db, row.id);
    },

    /** The participant signs their review by typing their name (compared loosely with the name on file). */
    async signMyReview(
      actor: Actor,
      reviewId: string,
      input: { revision: number; typedName: string },
      context: AuditContext,
    ): Promise<ReviewDetail> {
      const { plan } = await ownReview(actor, reviewId);
      const names = await findParticipantNames(db, plan.participantId);
      const expected = names
        ? [
            `${names.given_name.trim()} ${names.family_name.trim()}`,
            ...(names.preferred_name.trim()
              ? [`${names.preferred_name.trim()} ${names.family_name.trim()}`]
              : []),
          ]
        : [];
      if (!isTypedNameAcceptable(input.typedName, expected)) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "Type your name as it is on your record to sign.",
          "typedName",
        );
      }
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockedReview(tx, plan.planId, reviewId, input.revision);
        if (row.status !== "awaiting_signatures") {
          throw new DomainError("TREATMENT_PLAN_REVIEW_NOT_AWAITING_SIGNATURES");
        }
        const inserted = await insertReviewSignature(tx, {
          reviewId: row.id,
          role: "participant",
          signerUserId: actor.user.id,
          method: "typed_name",
          typedName: input.typedName,
          contentSha256: row.contentSha256!,
          signedAt: at,
          userAgent: context.userAgent?.slice(0, 300) ?? null,
          ipAddress: context.ipAddress,
        });
        if (!inserted) throw new DomainError("TREATMENT_PLAN_REVIEW_ALREADY_SIGNED");
        await appendAudit(
          tx,
          context,
          {
            action: "treatment_plan.review_sign",
            resourceType: "treatment_plan_review",
            resourceId: row.id,
            participantId: plan.participantId,
            purpose: "self",
            details: { planId: plan.planId, role: "participant", method: "typed_name" },
          },
          at,
        );
        await completeIfSigned(tx, row, plan, context, at);
        return detail(tx, row.id);
      });
    },
  };

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
}
export type ReviewsService = ReturnType<typeof createReviewsService>;
