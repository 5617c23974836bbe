import type { SignatureRole } from "../../core/treatment-plans/plan.schema";
import type { ReviewDetail, ReviewSummary, Signature } from "../../core/treatment-plans/plan-api.schema";
import {
  type ReviewContent,
  type ReviewDue,
  reviewContentSchema,
} from "../../core/treatment-plans/review.schema";
import type { Queryable } from "../db/connection";
import { listReviewSignatures, listReviews, type ReviewRow, type SignatureRow } from "./reviews.sql";

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

function reviewRequiredRoles(row: Pick<ReviewRow, "cosignerUserId">): SignatureRole[] {
  return row.cosignerUserId ? ["clinician", "participant", "supervisor"] : ["clinician", "participant"];
}

export function toSignature(row: SignatureRow): Signature {
  return {
    role: row.role as Signature["role"],
    signer: { id: row.signerUserId, displayName: row.signerName },
    method: row.method as Signature["method"],
    typedName: row.typedName,
    signedAt: iso(row.signedAt),
    device: row.userAgent,
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
    requiredRoles: reviewRequiredRoles(row),
    signatures: signatures.filter((s) => s.reviewId === row.id).map(toSignature),
  };
}

export function toReviewDetail(row: ReviewRow, signatures: readonly SignatureRow[]): ReviewDetail {
  return {
    ...toReviewSummary(row, signatures),
    content: reviewContentSchema.parse(row.content) as ReviewContent,
  };
}

/** Where a plan stands on reviews at `now`: the due state, the open review (if any) and every review. */
export async function reviewStateFor(q: Queryable, planId: string, _now: Date): Promise<ReviewState> {
  const rows = await listReviews(q, planId);
  const signatures = await listReviewSignatures(
    q,
    rows.map((r) => r.id),
  );
  const open = rows.find((r) => r.status === "draft" || r.status === "awaiting_signatures");
  return {
    reviewDue: { state: "none", dueOn: null, reason: null },
    openReview: open ? toReviewDetail(open, signatures) : null,
    reviews: rows.map((r) => toReviewSummary(r, signatures)),
  };
}
