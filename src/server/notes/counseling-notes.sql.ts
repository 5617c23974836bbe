import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { counselingNoteAddenda, counselingNotes, users } from "../db/schema";

/**
 * Storage of SUD counseling notes and their addenda: their own tables, read only here and never
 * joined into a chart's notes, an export or a family view. No business rule here.
 */

export type CounselingNoteRow = typeof counselingNotes.$inferSelect;
export type NewCounselingNote = typeof counselingNotes.$inferInsert;
export type CounselingAddendumRow = typeof counselingNoteAddenda.$inferSelect;
export type NewCounselingAddendum = typeof counselingNoteAddenda.$inferInsert;

export async function findById(q: Queryable, id: string): Promise<CounselingNoteRow | undefined> {
  const rows = await q.select().from(counselingNotes).where(eq(counselingNotes.id, id));
  return rows[0];
}

/** The note, held for the rest of the transaction (saves, the signature and addenda serialise on it). */
export async function findByIdForUpdate(q: Queryable, id: string): Promise<CounselingNoteRow | undefined> {
  const rows = await q.select().from(counselingNotes).where(eq(counselingNotes.id, id)).for("update");
  return rows[0];
}

/** A participant's notes, newest session first. */
export function listOfParticipant(q: Queryable, participantId: string): Promise<CounselingNoteRow[]> {
  return q
    .select()
    .from(counselingNotes)
    .where(eq(counselingNotes.participantId, participantId))
    .orderBy(desc(counselingNotes.sessionDate), desc(counselingNotes.createdAt));
}

export async function insert(q: Queryable, row: NewCounselingNote): Promise<CounselingNoteRow> {
  const rows = await q.insert(counselingNotes).values(row).returning();
  return rows[0]!;
}

/** Save a draft when the revision read is still current; undefined when it is signed or someone saved in between. */
export async function updateDraft(
  q: Queryable,
  id: string,
  expectedRevision: number,
  change: { sessionDate: string; content: unknown; updatedAt: Date },
): Promise<CounselingNoteRow | undefined> {
  const rows = await q
    .update(counselingNotes)
    .set({ ...change, revision: sql`${counselingNotes.revision} + 1` })
    .where(
      and(
        eq(counselingNotes.id, id),
        eq(counselingNotes.revision, expectedRevision),
        eq(counselingNotes.status, "draft"),
      ),
    )
    .returning();
  return rows[0];
}

/** Mark a draft signed (with the hash of what was signed); undefined when it was no longer that draft. */
export async function markSigned(
  q: Queryable,
  id: string,
  expectedRevision: number,
  signature: { contentSha256: string; signMethod: "password" | "totp"; signedAt: Date },
): Promise<CounselingNoteRow | undefined> {
  const rows = await q
    .update(counselingNotes)
    .set({
      status: "signed",
      contentSha256: signature.contentSha256,
      signMethod: signature.signMethod,
      signedAt: signature.signedAt,
      updatedAt: signature.signedAt,
      revision: sql`${counselingNotes.revision} + 1`,
    })
    .where(
      and(
        eq(counselingNotes.id, id),
        eq(counselingNotes.revision, expectedRevision),
        eq(counselingNotes.status, "draft"),
      ),
    )
    .returning();
  return rows[0];
}

export function listAddenda(q: Queryable, noteIds: readonly string[]): Promise<CounselingAddendumRow[]> {
  if (noteIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(counselingNoteAddenda)
    .where(inArray(counselingNoteAddenda.noteId, [...noteIds]))
    .orderBy(asc(counselingNoteAddenda.createdAt), asc(counselingNoteAddenda.id));
}

export async function insertAddendum(
  q: Queryable,
  row: NewCounselingAddendum,
): Promise<CounselingAddendumRow> {
  const rows = await q.insert(counselingNoteAddenda).values(row).returning();
  return rows[0]!;
}

/** Display names of users, by id. */
export async function findNames(q: Queryable, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface EpisodeOnDateRow {
  episode_id: string;
  site_id: string;
  time_zone: string;
}

/**
 * The participant's episode in the program on a date (admitted on or before it, not discharged
 * before it; the latest admitted wins), with its site's time zone.
 */
export async function findEpisodeOnDate(
  q: Queryable,
  participantId: string,
  on: string,
): Promise<EpisodeOnDateRow | undefined> {
  const rows = await queryRows<EpisodeOnDateRow>(
    q,
    sql`select e.id as episode_id, e.site_id, s.time_zone
        from episodes e join sites s on s.id = e.site_id
        where e.participant_id = ${participantId}
          and e.admitted_on <= ${on}::date
          and (e.discharged_on is null or e.discharged_on >= ${on}::date)
        order by e.admitted_on desc, e.created_at desc
        limit 1`,
  );
  return rows[0];
}

/** The time zone of a site. */
export async function findSiteTimeZone(q: Queryable, siteId: string): Promise<string> {
  const rows = await queryRows<{ time_zone: string }>(
    q,
    sql`select time_zone from sites where id = ${siteId}`,
  );
  return rows[0]?.time_zone ?? "UTC";
}
