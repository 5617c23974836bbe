import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../db/connection";
import {
  assessmentResponses,
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
const updater = alias(users, "review_updater");

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
  updatedByName: string | null;
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
  updatedByName: updater.displayName,
  signedAt: treatmentPlanReviews.signedAt,
};

function reviewsQuery(q: Queryable) {
  return q
    .select(reviewColumns)
    .from(treatmentPlanReviews)
    .leftJoin(cosigner, eq(cosigner.id, treatmentPlanReviews.cosignerUserId))
    .leftJoin(creator, eq(creator.id, treatmentPlanReviews.createdBy))
    .leftJoin(updater, eq(updater.id, treatmentPlanReviews.updatedBy));
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

export type NewReview = typeof treatmentPlanReviews.$inferInsert;

/** Insert a review; undefined when the plan already has an open one (a concurrent start won). */
export async function insertReview(q: Queryable, row: NewReview): Promise<string | undefined> {
  const rows = await q
    .insert(treatmentPlanReviews)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: treatmentPlanReviews.id });
  return rows[0]?.id;
}

export async function maxReviewNumber(q: Queryable, planId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`coalesce(max(${treatmentPlanReviews.number}), 0)::int` })
    .from(treatmentPlanReviews)
    .where(eq(treatmentPlanReviews.planId, planId));
  return Number(row?.n ?? 0);
}

export async function updateReview(
  q: Queryable,
  reviewId: string,
  values: Partial<
    Pick<
      NewReview,
      | "content"
      | "heldOn"
      | "cosignerUserId"
      | "revision"
      | "status"
      | "contentSha256"
      | "updatedBy"
      | "updatedAt"
      | "finalizedAt"
      | "signedAt"
    >
  >,
): Promise<void> {
  await q.update(treatmentPlanReviews).set(values).where(eq(treatmentPlanReviews.id, reviewId));
}

export type NewSignature = typeof treatmentPlanSignatures.$inferInsert;

/** Insert a signature on a review; false when that role has already signed it. */
export async function insertReviewSignature(q: Queryable, row: NewSignature): Promise<boolean> {
  const rows = await q
    .insert(treatmentPlanSignatures)
    .values(row)
    .onConflictDoNothing({
      target: [treatmentPlanSignatures.reviewId, treatmentPlanSignatures.role],
      where: sql`${treatmentPlanSignatures.reviewId} is not null`,
    })
    .returning({ id: treatmentPlanSignatures.id });
  return rows.length > 0;
}

export async function deleteReviewSignatures(q: Queryable, reviewId: string): Promise<number> {
  const rows = await q
    .delete(treatmentPlanSignatures)
    .where(eq(treatmentPlanSignatures.reviewId, reviewId))
    .returning({ id: treatmentPlanSignatures.id });
  return rows.length;
}

/** Mark the open triggers raised up to `upTo` as answered by a review. */
export async function satisfyTriggers(
  q: Queryable,
  planId: string,
  reviewId: string,
  upTo: Date,
): Promise<number> {
  const rows = await q
    .update(treatmentPlanReviewTriggers)
    .set({ satisfiedByReviewId: reviewId })
    .where(
      and(
        eq(treatmentPlanReviewTriggers.planId, planId),
        isNull(treatmentPlanReviewTriggers.satisfiedByReviewId),
        lte(treatmentPlanReviewTriggers.raisedAt, upTo),
      ),
    )
    .returning({ id: treatmentPlanReviewTriggers.id });
  return rows.length;
}

/** A version's content and number (the version a review reviews). */
export async function findVersionContent(
  q: Queryable,
  versionId: string,
): Promise<{ id: string; number: number; content: unknown } | undefined> {
  const [row] = await q
    .select({
      id: treatmentPlanVersions.id,
      number: treatmentPlanVersions.number,
      content: treatmentPlanVersions.content,
    })
    .from(treatmentPlanVersions)
    .where(eq(treatmentPlanVersions.id, versionId));
  return row;
}

/** The progress recorded by the latest signed review of a version, if any. */
export async function findLatestSignedReviewContent(
  q: Queryable,
  versionId: string,
): Promise<unknown | undefined> {
  const [row] = await q
    .select({ content: treatmentPlanReviews.content })
    .from(treatmentPlanReviews)
    .where(and(eq(treatmentPlanReviews.versionId, versionId), eq(treatmentPlanReviews.status, "signed")))
    .orderBy(desc(treatmentPlanReviews.signedAt))
    .limit(1);
  return row?.content;
}

/** Each instrument's latest scored total for a participant (for objectives measured by an instrument). */
export async function findLatestScores(
  q: Queryable,
  participantId: string,
  instrumentKeys: readonly string[],
): Promise<Map<string, number>> {
  if (instrumentKeys.length === 0) return new Map();
  const rows = await q
    .selectDistinctOn([assessmentResponses.instrumentKey], {
      instrumentKey: assessmentResponses.instrumentKey,
      total: assessmentResponses.total,
    })
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.participantId, participantId),
        eq(assessmentResponses.scored, true),
        isNotNull(assessmentResponses.total),
        inArray(assessmentResponses.instrumentKey, [...instrumentKeys]),
      ),
    )
    .orderBy(
      assessmentResponses.instrumentKey,
      desc(assessmentResponses.completedOn),
      desc(assessmentResponses.submittedAt),
    );
  return new Map(rows.map((r) => [r.instrumentKey, Number(r.total)]));
}
