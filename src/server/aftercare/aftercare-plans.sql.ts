import { and, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { aftercarePlans } from "../db/schema";

/** The only SQL of the aftercare plan (issue 11). */

export interface ParticipantFactsRow {
  id: string;
  site_id: string;
  given_name: string;
  family_name: string;
  time_zone: string;
}

/** The participant's name on the record and their site's time zone. */
export async function findParticipant(
  q: Queryable,
  participantId: string,
): Promise<ParticipantFactsRow | null> {
  const rows = await queryRows<ParticipantFactsRow>(
    q,
    sql`select p.id, p.site_id, p.given_name, p.family_name, s.time_zone
          from participants p join sites s on s.id = p.site_id
         where p.id = ${participantId}`,
  );
  return rows[0] ?? null;
}

export interface EpisodeRow {
  id: string;
  site_id: string;
  admittedOn: string;
  dischargedOn: string | null;
}

export async function listEpisodes(q: Queryable, participantId: string): Promise<EpisodeRow[]> {
  return queryRows<EpisodeRow>(
    q,
    sql`select e.id, e.site_id, e.admitted_on::text as "admittedOn", e.discharged_on::text as "dischargedOn"
          from episodes e where e.participant_id = ${participantId}`,
  );
}

export type AftercarePlanRow = typeof aftercarePlans.$inferSelect;

export async function findByEpisode(
  q: Queryable,
  episodeId: string,
  options: { forUpdate?: boolean } = {},
): Promise<AftercarePlanRow | null> {
  const query = q.select().from(aftercarePlans).where(eq(aftercarePlans.episodeId, episodeId));
  const rows = options.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

/** The first save: null when another save created the plan at the same moment. */
export async function insert(
  q: Queryable,
  row: typeof aftercarePlans.$inferInsert,
): Promise<AftercarePlanRow | null> {
  const rows = await q.insert(aftercarePlans).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** A new version of the content, only if the plan is still at `fromVersion`; signatures cleared. */
export async function updateContent(
  q: Queryable,
  planId: string,
  fromVersion: number,
  set: { content: unknown; updatedBy: string; updatedAt: Date },
): Promise<boolean> {
  const rows = await q
    .update(aftercarePlans)
    .set({
      ...set,
      version: fromVersion + 1,
      status: "draft",
      participantSignedAt: null,
      participantSignature: null,
      staffSignedBy: null,
      staffSignedAt: null,
    })
    .where(and(eq(aftercarePlans.id, planId), eq(aftercarePlans.version, fromVersion)))
    .returning({ id: aftercarePlans.id });
  return rows.length === 1;
}

export async function updateSignatures(
  q: Queryable,
  planId: string,
  set: Partial<
    Pick<
      AftercarePlanRow,
      "participantSignedAt" | "participantSignature" | "staffSignedAt" | "staffSignedBy" | "status"
    >
  >,
): Promise<void> {
  await q.update(aftercarePlans).set(set).where(eq(aftercarePlans.id, planId));
}

export async function findUserKind(
  q: Queryable,
  userId: string,
): Promise<"staff" | "participant" | "family" | null> {
  const rows = await queryRows<{ kind: "staff" | "participant" | "family" }>(
    q,
    sql`select kind from users where id = ${userId}`,
  );
  return rows[0]?.kind ?? null;
}
