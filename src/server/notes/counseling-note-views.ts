import {
  type CounselingNoteContent,
  counselingNoteContentSchema,
} from "../../core/notes/counseling-note.schema";
import type {
  CounselingNoteListItem,
  CounselingNoteStatus,
  CounselingNoteView,
} from "../../core/notes/counseling-note-api.schema";
import type { Queryable } from "../db/connection";
import * as store from "./counseling-notes.sql";

/** What the counseling-note routes answer, built from the rows (names resolved in one query). */

export function contentOf(row: store.CounselingNoteRow): CounselingNoteContent {
  return counselingNoteContentSchema.parse(row.content);
}

const statusOf = (row: store.CounselingNoteRow): CounselingNoteStatus =>
  row.status === "signed" ? "signed" : "draft";
const methodOf = (method: string | null) => (method === "password" || method === "totp" ? method : null);

/** One note with its addenda; `writer`: the viewer is its author and may still write to the record. */
export async function counselingNoteView(
  q: Queryable,
  row: store.CounselingNoteRow,
  writer: boolean,
): Promise<CounselingNoteView> {
  const addenda = await store.listAddenda(q, [row.id]);
  const names = await store.findNames(q, [row.authorId, ...addenda.map((a) => a.authorId)]);
  const person = (id: string) => ({ id, name: names.get(id) ?? "Unknown user" });
  const status = statusOf(row);
  return {
    id: row.id,
    participantId: row.participantId,
    sessionDate: row.sessionDate,
    appointmentId: row.appointmentId,
    status,
    revision: row.revision,
    content: contentOf(row),
    author: person(row.authorId),
    signedAt: row.signedAt?.toISOString() ?? null,
    signMethod: methodOf(row.signMethod),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    addenda: addenda.map((a) => ({
      id: a.id,
      reason: a.reason,
      body: a.body,
      author: person(a.authorId),
      method: methodOf(a.method) ?? "password",
      createdAt: a.createdAt.toISOString(),
    })),
    canEdit: writer && status === "draft",
    canAddAddendum: writer && status === "signed",
  };
}

/** Rows of a participant's list (the caller has kept only the notes the viewer may read). */
export async function counselingNoteListItems(
  q: Queryable,
  rows: readonly store.CounselingNoteRow[],
): Promise<CounselingNoteListItem[]> {
  const addenda = await store.listAddenda(
    q,
    rows.map((r) => r.id),
  );
  const names = await store.findNames(
    q,
    rows.map((r) => r.authorId),
  );
  return rows.map((row) => ({
    id: row.id,
    participantId: row.participantId,
    sessionDate: row.sessionDate,
    appointmentId: row.appointmentId,
    status: statusOf(row),
    author: { id: row.authorId, name: names.get(row.authorId) ?? "Unknown user" },
    signedAt: row.signedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    addendaCount: addenda.filter((a) => a.noteId === row.id).length,
  }));
}
