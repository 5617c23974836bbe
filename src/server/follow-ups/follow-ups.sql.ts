import { and, asc, eq, gte, inArray, lte, ne, or, sql } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import {
  alumniMemberships,
  assessmentResponses,
  followUpSurveys,
  participants,
  sites,
  users,
} from "../db/schema";

export type SurveyRow = typeof followUpSurveys.$inferSelect;
export type NewSurvey = typeof followUpSurveys.$inferInsert;

export async function insertSurveys(q: Queryable, rows: NewSurvey[]): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insert(followUpSurveys)
    .values(rows)
    .onConflictDoNothing({ target: [followUpSurveys.episodeId, followUpSurveys.wave] });
}

/** Withdraw the person's surveys not yet answered or closed (scheduled or sent), except one episode's. */
export async function cancelOpen(
  q: Queryable,
  participantId: string,
  reason: "opted_out" | "readmitted" | "died" | "no_email",
  exceptEpisodeId?: string,
): Promise<number> {
  const rows = await q
    .update(followUpSurveys)
    .set({ status: "cancelled", cancelledReason: reason })
    .where(
      and(
        eq(followUpSurveys.participantId, participantId),
        inArray(followUpSurveys.status, ["scheduled", "sent"]),
        exceptEpisodeId ? ne(followUpSurveys.episodeId, exceptEpisodeId) : undefined,
      ),
    )
    .returning({ id: followUpSurveys.id });
  return rows.length;
}

export interface SweepCandidate {
  survey: SurveyRow;
  timeZone: string;
  email: string;
  givenName: string;
  preferredName: string;
  followUpsOptedOutAt: Date | null;
}

/** Surveys the sweep may act on: scheduled ones due by `throughDate` (UTC date + 1 covers every zone) and every sent one. */
export async function listSweepCandidates(q: Queryable, throughDate: string): Promise<SweepCandidate[]> {
  const rows = await q
    .select({
      survey: followUpSurveys,
      timeZone: sites.timeZone,
      participantEmail: participants.email,
      userEmail: users.email,
      givenName: participants.givenName,
      preferredName: participants.preferredName,
      followUpsOptedOutAt: alumniMemberships.followUpsOptedOutAt,
    })
    .from(followUpSurveys)
    .innerJoin(sites, eq(sites.id, followUpSurveys.siteId))
    .innerJoin(participants, eq(participants.id, followUpSurveys.participantId))
    .leftJoin(users, eq(users.id, participants.userId))
    .leftJoin(alumniMemberships, eq(alumniMemberships.participantId, followUpSurveys.participantId))
    .where(
      or(
        and(eq(followUpSurveys.status, "scheduled"), lte(followUpSurveys.dueOn, throughDate)),
        eq(followUpSurveys.status, "sent"),
      ),
    )
    .orderBy(asc(followUpSurveys.dueOn));
  return rows.map((r) => ({
    survey: r.survey,
    timeZone: r.timeZone,
    email: r.participantEmail.trim() || (r.userEmail ?? "").trim(),
    givenName: r.givenName,
    preferredName: r.preferredName,
    followUpsOptedOutAt: r.followUpsOptedOutAt,
  }));
}

/** Lock one survey and re-read it (the sweep and a submission never act on a stale row). */
export async function lockById(q: Queryable, id: string): Promise<SurveyRow | undefined> {
  const rows = await q.select().from(followUpSurveys).where(eq(followUpSurveys.id, id)).for("update");
  return rows[0];
}

export async function findByTokenHash(q: Queryable, tokenHash: string, lock = false) {
  const query = q
    .select({
      survey: followUpSurveys,
      timeZone: sites.timeZone,
      givenName: participants.givenName,
      preferredName: participants.preferredName,
      followUpsOptedOutAt: alumniMemberships.followUpsOptedOutAt,
    })
    .from(followUpSurveys)
    .innerJoin(sites, eq(sites.id, followUpSurveys.siteId))
    .innerJoin(participants, eq(participants.id, followUpSurveys.participantId))
    .leftJoin(alumniMemberships, eq(alumniMemberships.participantId, followUpSurveys.participantId))
    .where(eq(followUpSurveys.tokenHash, tokenHash));
  const rows = lock ? await query.for("update", { of: followUpSurveys }) : await query;
  return rows[0];
}

export async function update(q: Queryable, id: string, values: Partial<NewSurvey>): Promise<void> {
  await q.update(followUpSurveys).set(values).where(eq(followUpSurveys.id, id));
}

/** Record the follow-up opt-out on the alumni membership, if the person has one. */
export async function markMembershipOptedOut(
  q: Queryable,
  participantId: string,
  at: Date,
): Promise<boolean> {
  const rows = await q
    .update(alumniMemberships)
    .set({ followUpsOptedOutAt: at, updatedAt: at })
    .where(
      and(
        eq(alumniMemberships.participantId, participantId),
        sql`${alumniMemberships.followUpsOptedOutAt} is null`,
      ),
    )
    .returning({ id: alumniMemberships.participantId });
  return rows.length > 0;
}

export async function findFollowUpsOptOut(q: Queryable, participantId: string): Promise<Date | null> {
  const rows = await q
    .select({ at: alumniMemberships.followUpsOptedOutAt })
    .from(alumniMemberships)
    .where(eq(alumniMemberships.participantId, participantId));
  return rows[0]?.at ?? null;
}

export async function listByParticipant(q: Queryable, participantId: string): Promise<SurveyRow[]> {
  return q
    .select()
    .from(followUpSurveys)
    .where(eq(followUpSurveys.participantId, participantId))
    .orderBy(asc(followUpSurveys.dueOn), asc(followUpSurveys.wave));
}

export async function listResponseSummaries(q: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return q
    .select({
      id: assessmentResponses.id,
      total: assessmentResponses.total,
      band: assessmentResponses.band,
      critical: assessmentResponses.critical,
    })
    .from(assessmentResponses)
    .where(inArray(assessmentResponses.id, ids));
}

export async function listForRates(q: Queryable, siteIds: string[], from?: string, to?: string) {
  if (siteIds.length === 0) return [];
  return q
    .select({ wave: followUpSurveys.wave, status: followUpSurveys.status, sentAt: followUpSurveys.sentAt })
    .from(followUpSurveys)
    .where(
      and(
        inArray(followUpSurveys.siteId, siteIds),
        from ? gte(followUpSurveys.dueOn, from) : undefined,
        to ? lte(followUpSurveys.dueOn, to) : undefined,
      ),
    );
}

/** Whether a recorded response carries this idempotency key (a retried submission). */
export async function responseHasKey(
  q: Queryable,
  responseId: string,
  participantId: string,
  idempotencyKey: string,
): Promise<boolean> {
  const rows = await q
    .select({ id: assessmentResponses.id })
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.id, responseId),
        eq(assessmentResponses.participantId, participantId),
        eq(assessmentResponses.idempotencyKey, idempotencyKey),
      ),
    );
  return rows.length > 0;
}
