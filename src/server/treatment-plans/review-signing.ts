import type { Permission } from "../../core/access/permissions";
import { DomainError } from "../../core/platform/errors";
import { isTypedNameAcceptable, requiredSignatureRoles } from "../../core/treatment-plans/plan.rules";
import type { SignatureRole, StaffSignInput } from "../../core/treatment-plans/plan.schema";
import type { ReviewDetail, ReviewSummary } from "../../core/treatment-plans/plan-api.schema";
import type { ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { Keyring } from "../identity/keyring";
import { confirmIdentity } from "../identity/reauth";
import { requiresCosignature } from "./plan-access";
import { findParticipantNames, findPlanOfParticipant } from "./plans.sql";
import { createReviewAccess } from "./review-access";
import { toReviewSummary } from "./review-views";
import {
  insertReviewSignature,
  listReviewSignatures,
  listReviews,
  type PlanFactsRow,
  type ReviewRow,
  satisfyTriggers,
  updateReview,
} from "./reviews.sql";

/**
 * Signing a review awaiting signatures, as a plan version is signed: the clinician and the named
 * supervisor re-enter their password or an authenticator code, the participant types their name;
 * each signature keeps the hash of what was signed and the device. With every required role signed,
 * the review is signed, answers the early-review triggers raised so far, and its due/overdue alerts
 * resolve.
 */
export function createReviewSigning(deps: {
  db: Database;
  now: () => Date;
  keyring: Keyring;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, keyring, resolveFindings } = deps;
  const { authorizeOnPlan, reviewOfPlan, lockedReview, detail, ownReview } = createReviewAccess({ db, now });

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
      // A supervisee (their account "requires co-signature") signs only a review that names a supervisor.
      if (
        input.role === "clinician" &&
        current.cosignerUserId === null &&
        (await requiresCosignature(db, actor.user.id))
      ) {
        throw new DomainError(
          "TREATMENT_PLAN_COSIGNER_REQUIRED",
          "Your account is marked as needing a supervisor's co-signature. Return this review to draft, choose a supervisor to co-sign, and send it for signatures again.",
          "cosignerUserId",
        );
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

    /**
     * The participant's own reviews of their current (or latest) plan that await their signature or
     * are signed, newest first — never a draft (the read is audited).
     */
    async myReviews(actor: Actor, context: AuditContext): Promise<ReviewSummary[]> {
      const participantId = actor.user.kind === "participant" ? actor.access.participantId : null;
      if (!participantId)
        throw new DomainError("AUTH_FORBIDDEN", "Only a participant has plan reviews of their own.");
      const plan = await findPlanOfParticipant(db, participantId);
      const rows = plan ? (await listReviews(db, plan.id)).filter((r) => r.status !== "draft") : [];
      await recordAudit(
        db,
        context,
        {
          action: "treatment_plan.my_reviews_view",
          resourceType: "treatment_plan_review",
          resourceId: plan?.id ?? null,
          participantId,
          purpose: "self",
        },
        now(),
      );
      const signatures = await listReviewSignatures(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toReviewSummary(r, signatures));
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
}
export type ReviewSigning = ReturnType<typeof createReviewSigning>;
