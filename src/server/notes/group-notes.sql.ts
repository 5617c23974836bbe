import { and, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { groupNoteEntries } from "../db/schema";

/**
 * Storage of group notes beyond the note row (notes.sql.ts): the session's roster with each person's
 * episode, the individualized entries, the participants' earlier entries for the cloned-entry check,
 * and who runs a track. No business rule here.
 */

/** Ids as one array parameter: `= any(...)` plans once, where a long `in (...)` list is slow to plan. */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

export type EntryRow = typeof groupNoteEntries.$inferSelect;
export type NewEntry = typeof groupNoteEntries.$inferInsert;

export interface RosterPersonRow {
  participant_id: string;
  given_name: string;
  family_name: string;
  preferred_name: string;
  /** The episode of the enrollment that puts them on the roster (null for someone only holding an entry). */
  episode_id: string | null;
}

/**
 * Participants enrolled in the track on `on` (joined by then, not exited before: the attendance
 * roster's rule), each with the episode of that enrollment, by family name.
 */
export function listEnrolledWithEpisode(
  q: Queryable,
  trackId: string,
  on: string,
): Promise<RosterPersonRow[]> {
  return queryRows<RosterPersonRow>(
    q,
    sql`select distinct on (lower(p.family_name), lower(p.given_name), p.id)
          p.id as participant_id, p.given_name, p.family_name, p.preferred_name, e.episode_id
        from track_enrollments e join participants p on p.id = e.participant_id
        where e.track_id = ${trackId} and e.status in ('enrolled', 'exited') and e.joined_on is not null
          and e.joined_on <= ${on}::date and (e.exited_on is null or e.exited_on >= ${on}::date)
        order by lower(p.family_name), lower(p.given_name), p.id, e.joined_on desc`,
  );
}

/** Participants by id with their names (for people holding an entry who are no longer enrolled). */
export function listPeople(q: Queryable, participantIds: readonly string[]): Promise<RosterPersonRow[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return queryRows<RosterPersonRow>(
    q,
    sql`select p.id as participant_id, p.given_name, p.family_name, p.preferred_name, null as episode_id
        from participants p where p.id = any(${uuidArray(participantIds)})
        order by lower(p.family_name), lower(p.given_name), p.id`,
  );
}

/** The staff who run the track's sessions unless a substitute is named for one. */
export async function listStandingFacilitators(q: Queryable, trackId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    q,
    sql`select user_id from track_facilitators where track_id = ${trackId} order by user_id`,
  );
  return rows.map((r) => r.user_id);
}

/** A note's entries, in participant order. */
export function listEntries(q: Queryable, noteId: string): Promise<EntryRow[]> {
  return q
    .select()
    .from(groupNoteEntries)
    .where(eq(groupNoteEntries.noteId, noteId))
    .orderBy(groupNoteEntries.participantId);
}

/** One participant's entry in a note. */
export async function findEntry(
  q: Queryable,
  noteId: string,
  participantId: string,
): Promise<EntryRow | undefined> {
  const rows = await q
    .select()
    .from(groupNoteEntries)
    .where(and(eq(groupNoteEntries.noteId, noteId), eq(groupNoteEntries.participantId, participantId)));
  return rows[0];
}

/** Insert a first entry; undefined when one was written for this participant meanwhile. */
export async function insertEntry(q: Queryable, row: NewEntry): Promise<EntryRow | undefined> {
  const rows = await q
    .insert(groupNoteEntries)
    .values(row)
    .onConflictDoNothing({ target: [groupNoteEntries.noteId, groupNoteEntries.participantId] })
    .returning();
  return rows[0];
}

/** Save an entry when its revision read is still current; undefined when someone saved in between. */
export async function updateEntryIf(
  q: Queryable,
  id: string,
  expectedRevision: number,
  change: { content: unknown; updatedBy: string; updatedAt: Date },
): Promise<EntryRow | undefined> {
  const rows = await q
    .update(groupNoteEntries)
    .set({ ...change, revision: sql`${groupNoteEntries.revision} + 1` })
    .where(and(eq(groupNoteEntries.id, id), eq(groupNoteEntries.revision, expectedRevision)))
    .returning();
  return rows[0];
}

export interface PreviousEntryRow {
  participant_id: string;
  note_id: string;
  content: unknown;
}

/**
 * Each participant's latest `perParticipant` entries in group notes of sessions that began before
 * `before`, other than `exceptNoteId`, newest first.
 */
export function listPreviousEntries(
  q: Queryable,
  participantIds: readonly string[],
  before: Date,
  exceptNoteId: string,
  perParticipant: number,
): Promise<PreviousEntryRow[]> {
  if (participantIds.length === 0 || perParticipant <= 0) return Promise.resolve([]);
  return queryRows<PreviousEntryRow>(
    q,
    sql`select participant_id, note_id, content from (
          select g.participant_id, g.note_id, g.content,
            row_number() over (partition by g.participant_id order by n.starts_at desc, n.id) as rank
          from group_note_entries g join clinical_notes n on n.id = g.note_id
          where g.participant_id = any(${uuidArray(participantIds)}) and n.kind = 'group'
            and n.id <> ${exceptNoteId} and n.starts_at < ${before.toISOString()}::timestamptz
        ) ranked
        where rank <= ${perParticipant}
        order by participant_id, rank`,
  );
}
