import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../db/connection";
import {
  sites,
  treatmentPlanReviews,
  treatmentPlanReviewTriggers,
  treatmentPlanSignatures,
  treatmentPlans,
  treatmentPlanVersions,
  users,
} from "../db/schema";

/** Storage for plan reviews, their signatures and the early-review triggers. */

const cosigner = alias(users, "review_cosigner");
const creator = alias(users, "review_creator");

export interface ReviewRow {
  id: string;
  planId: string;
  versionId: string;
  number: number;
  status: string;
  reason: string;
  dueOn: string;
  heldOn: string;
  content: unknown;
  revision: number;
  cosignerUserId: string | null;
  cosignerName: string | null;
  contentSha256: string | null;
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
  updatedAt: Date;
  updatedBy: string | null;
  signedAt: Date | null;
}

const reviewColumns = {
  id: treatmentPlanReviews.id,
  planId: treatmentPlanReviews.planId,
  versionId: treatmentPlanReviews.versionId,
  number: treatmentPlanReviews.number,
  status: treatmentPlanReviews.status,
  reason: treatmentPlanReviews.reason,
  dueOn: treatmentPlanReviews.dueOn,
  heldOn: treatmentPlanReviews.heldOn,
  content: treatmentPlanReviews.content,
  revision: treatmentPlanReviews.revision,
  cosignerUserId: treatmentPlanReviews.cosignerUserId,
  cosignerName: cosigner.displayName,
  contentSha256: treatmentPlanReviews.contentSha256,
  createdAt: treatmentPlanReviews.createdAt,
  createdBy: treatmentPlanReviews.createdBy,
  createdByName: creator.displayName,
  updatedAt: treatmentPlanReviews.updatedAt,
  updatedBy: treatmentPlanReviews.updatedBy,
  signedAt: treatmentPlanReviews.signedAt,
};

function reviewsQuery(q: Queryable) {
  return q
    .select(reviewColumns)
    .from(treatmentPlanReviews)
    .leftJoin(cosigner, eq(cosigner.id, treatmentPlanReviews.cosignerUserId))
    .leftJoin(creator, eq(creator.id, treatmentPlanReviews.createdBy));
}

/** Every review of a plan, newest first. */
export async function listReviews(q: Queryable, planId: string): Promise<ReviewRow[]> {
  return reviewsQuery(q)
    .where(eq(treatmentPlanReviews.planId, planId))
    .orderBy(desc(treatmentPlanReviews.number));
}

export async function findReview(q: Queryable, reviewId: string): Promise<ReviewRow | undefined> {
  const [row] = await reviewsQuery(q).where(eq(treatmentPlanReviews.id, reviewId));
  return row;
}

/** The review row locked for an update (the open-review and revision checks run on it). */
export async function lockReview(q: Queryable, reviewId: string): Promise<{ id: string } | undefined> {
  const [row] = await q
    .select({ id: treatmentPlanReviews.id })
    .from(treatmentPlanReviews)
    .where(eq(treatmentPlanReviews.id, reviewId))
    .for("update");
  return row;
}

export interface SignatureRow {
  reviewId: string | null;
  versionId: string | null;
  role: string;
  signerUserId: string;
  signerName: string;
  method: string;
  typedName: string | null;
  contentSha256: string;
  signedAt: Date;
  userAgent: string | null;
}

export async function listReviewSignatures(
  q: Queryable,
  reviewIds: readonly string[],
): Promise<SignatureRow[]> {
  if (reviewIds.length === 0) return [];
  return q
    .select({
      reviewId: treatmentPlanSignatures.reviewId,
      versionId: treatmentPlanSignatures.versionId,
      role: treatmentPlanSignatures.role,
      signerUserId: treatmentPlanSignatures.signerUserId,
      signerName: users.displayName,
      method: treatmentPlanSignatures.method,
      typedName: treatmentPlanSignatures.typedName,
      contentSha256: treatmentPlanSignatures.contentSha256,
      signedAt: treatmentPlanSignatures.signedAt,
      userAgent: treatmentPlanSignatures.userAgent,
    })
    .from(treatmentPlanSignatures)
    .innerJoin(users, eq(users.id, treatmentPlanSignatures.signerUserId))
    .where(inArray(treatmentPlanSignatures.reviewId, [...reviewIds]))
    .orderBy(asc(treatmentPlanSignatures.signedAt));
}

/** The plan, its site's time zone and its admission date: what review due dates are computed from. */
export interface PlanFactsRow {
  planId: string;
  participantId: string;
  episodeId: string;
  siteId: string;
  timeZone: string;
  /** The signed version in force (status signed), if any. */
  currentVersionId: string | null;
  currentVersionSignedAt: Date | null;
  /** When the latest review was signed, if any. */
  lastReviewSignedAt: Date | null;
}

export async function findPlanFacts(q: Queryable, planId: string): Promise<PlanFactsRow | undefined> {
  const [row] = await q
    .select({
      planId: treatmentPlans.id,
      participantId: treatmentPlans.participantId,
      episodeId: treatmentPlans.episodeId,
      siteId: treatmentPlans.siteId,
      timeZone: sites.timeZone,
      currentVersionId: treatmentPlanVersions.id,
      currentVersionSignedAt: treatmentPlanVersions.signedAt,
      lastReviewSignedAt: sql<Date | null>`(select max(r.signed_at) from treatment_plan_reviews r where r.plan_id = ${treatmentPlans.id})`,
    })
    .from(treatmentPlans)
    .innerJoin(sites, eq(sites.id, treatmentPlans.siteId))
    .leftJoin(
      treatmentPlanVersions,
      and(eq(treatmentPlanVersions.planId, treatmentPlans.id), eq(treatmentPlanVersions.status, "signed")),
    )
    .where(eq(treatmentPlans.id, planId));
  if (!row) return undefined;
  return { ...row, lastReviewSignedAt: asDate(row.lastReviewSignedAt) };
}

export interface TriggerRow {
  id: string;
  planId: string;
  reason: string;
  sourceId: string;
  raisedAt: Date;
  dueOn: string;
}

/** The triggers no signed review has satisfied yet, earliest due first. */
export async function listOpenTriggers(q: Queryable, planId: string): Promise<TriggerRow[]> {
  return q
    .select({
      id: treatmentPlanReviewTriggers.id,
      planId: treatmentPlanReviewTriggers.planId,
      reason: treatmentPlanReviewTriggers.reason,
      sourceId: treatmentPlanReviewTriggers.sourceId,
      raisedAt: treatmentPlanReviewTriggers.raisedAt,
      dueOn: treatmentPlanReviewTriggers.dueOn,
    })
    .from(treatmentPlanReviewTriggers)
    .where(
      and(
        eq(treatmentPlanReviewTriggers.planId, planId),
        isNull(treatmentPlanReviewTriggers.satisfiedByReviewId),
      ),
    )
    .orderBy(asc(treatmentPlanReviewTriggers.dueOn), asc(treatmentPlanReviewTriggers.raisedAt));
}

/** A timestamp from raw SQL arrives as a Date on PostgreSQL and may arrive as text on PGlite. */
export function asDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
