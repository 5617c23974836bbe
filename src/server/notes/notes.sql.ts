import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../db/connection";
import { clinicalNoteAddenda, clinicalNoteSignatures, clinicalNotes, groupNoteEntries } from "../db/schema";

/**
 * Storage shared by every kind of clinical note: the note row, its signatures and addenda. Each kind's
 * own queries (group entries and rosters, appointments) live beside its service. No business rule here.
 */

export type NoteRow = typeof clinicalNotes.$inferSelect;
export type NewNote = typeof clinicalNotes.$inferInsert;
export type NoteSignatureRow = typeof clinicalNoteSignatures.$inferSelect;
export type NewNoteSignature = typeof clinicalNoteSignatures.$inferInsert;
export type AddendumRow = typeof clinicalNoteAddenda.$inferSelect;
export type NewAddendum = typeof clinicalNoteAddenda.$inferInsert;

export async function findNote(q: Queryable, id: string): Promise<NoteRow | undefined> {
  const rows = await q.select().from(clinicalNotes).where(eq(clinicalNotes.id, id));
  return rows[0];
}

/** The note, locked for the rest of the transaction (edits, signatures and addenda serialise on it). */
export async function findNoteForUpdate(q: Queryable, id: string): Promise<NoteRow | undefined> {
  const rows = await q.select().from(clinicalNotes).where(eq(clinicalNotes.id, id)).for("update");
  return rows[0];
}

export async function findNoteByGroupSession(
  q: Queryable,
  trackId: string,
  occurrenceKey: string,
): Promise<NoteRow | undefined> {
  const rows = await q
    .select()
    .from(clinicalNotes)
    .where(
      and(
        eq(clinicalNotes.kind, "group"),
        eq(clinicalNotes.trackId, trackId),
        eq(clinicalNotes.occurrenceKey, occurrenceKey),
      ),
    );
  return rows[0];
}

export async function findNoteByAppointment(
  q: Queryable,
  appointmentId: string,
): Promise<NoteRow | undefined> {
  const rows = await q.select().from(clinicalNotes).where(eq(clinicalNotes.appointmentId, appointmentId));
  return rows[0];
}

/** Insert a note; undefined when its session (group occurrence or appointment) already has one. */
export async function insertNote(q: Queryable, row: NewNote): Promise<NoteRow | undefined> {
  const rows = await q.insert(clinicalNotes).values(row).onConflictDoNothing().returning();
  return rows[0];
}

/**
 * Save a draft's content (and format) when the revision read is still current: the row with its
 * revision moved on, or undefined when the note is not a draft or someone saved in between.
 */
export async function updateNoteDraft(
  q: Queryable,
  id: string,
  expectedRevision: number,
  change: { content: unknown; format?: NoteRow["format"]; updatedBy: string; updatedAt: Date },
): Promise<NoteRow | undefined> {
  const rows = await q
    .update(clinicalNotes)
    .set({
      content: change.content,
      ...(change.format !== undefined ? { format: change.format } : {}),
      updatedBy: change.updatedBy,
      updatedAt: change.updatedAt,
      revision: sql`${clinicalNotes.revision} + 1`,
    })
    .where(
      and(
        eq(clinicalNotes.id, id),
        eq(clinicalNotes.revision, expectedRevision),
        eq(clinicalNotes.status, "draft"),
      ),
    )
    .returning();
  return rows[0];
}

/** Move a note on in its life (signing, co-signing); the revision moves on too. */
export async function updateNoteStatus(
  q: Queryable,
  id: string,
  change: Partial<
    Pick<
      NoteRow,
      | "status"
      | "authorId"
      | "cosignerUserId"
      | "contentSha256"
      | "lateEntry"
      | "signedAt"
      | "cosignedAt"
      | "updatedBy"
      | "updatedAt"
    >
  >,
): Promise<NoteRow> {
  const rows = await q
    .update(clinicalNotes)
    .set({ ...change, revision: sql`${clinicalNotes.revision} + 1` })
    .where(eq(clinicalNotes.id, id))
    .returning();
  return rows[0]!;
}

export async function listSignatures(q: Queryable, noteIds: readonly string[]): Promise<NoteSignatureRow[]> {
  if (noteIds.length === 0) return [];
  return q
    .select()
    .from(clinicalNoteSignatures)
    .where(inArray(clinicalNoteSignatures.noteId, [...noteIds]))
    .orderBy(asc(clinicalNoteSignatures.signedAt));
}

/** Insert a signature; undefined when the note already has one in that role (a concurrent signature won). */
export async function insertSignature(
  q: Queryable,
  row: NewNoteSignature,
): Promise<NoteSignatureRow | undefined> {
  const rows = await q.insert(clinicalNoteSignatures).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function listAddenda(q: Queryable, noteIds: readonly string[]): Promise<AddendumRow[]> {
  if (noteIds.length === 0) return [];
  return q
    .select()
    .from(clinicalNoteAddenda)
    .where(inArray(clinicalNoteAddenda.noteId, [...noteIds]))
    .orderBy(asc(clinicalNoteAddenda.createdAt));
}

export async function insertAddendum(q: Queryable, row: NewAddendum): Promise<AddendumRow> {
  const rows = await q.insert(clinicalNoteAddenda).values(row).returning();
  return rows[0]!;
}

/** The participants a note concerns: the one of an individual or family note, every entry's of a group note. */
export async function listNoteParticipantIds(q: Queryable, note: NoteRow): Promise<string[]> {
  if (note.participantId) return [note.participantId];
  const rows = await q
    .select({ participantId: groupNoteEntries.participantId })
    .from(groupNoteEntries)
    .where(eq(groupNoteEntries.noteId, note.id))
    .orderBy(asc(groupNoteEntries.participantId));
  return rows.map((r) => r.participantId);
}

/** A group note's entries (participant and content), in participant order. */
export async function listEntryContents(
  q: Queryable,
  noteId: string,
): Promise<{ participantId: string; content: unknown }[]> {
  return q
    .select({ participantId: groupNoteEntries.participantId, content: groupNoteEntries.content })
    .from(groupNoteEntries)
    .where(eq(groupNoteEntries.noteId, noteId))
    .orderBy(asc(groupNoteEntries.participantId));
}
