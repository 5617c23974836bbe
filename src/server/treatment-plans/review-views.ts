import { describeDevice } from "../../core/platform/user-agent";
import { requiredSignatureRoles } from "../../core/treatment-plans/plan.rules";
import type { ReviewDetail, ReviewSummary, Signature } from "../../core/treatment-plans/plan-api.schema";
import { type ReviewContent, reviewContentSchema } from "../../core/treatment-plans/review.schema";
import type { ReviewRow, SignatureRow } from "./reviews.sql";

/** A review and its signatures as the API answers them (the response schemas are the allow-list). */

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
