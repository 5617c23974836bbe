import { createHash } from "node:crypto";
import { canonicalJson } from "../../core/notes/note.rules";
import type { AddendumView } from "../../core/notes/note.schema";
import type { Queryable } from "../db/connection";
import { findNames } from "../treatment-plans/plans.sql";
import * as store from "./notes.sql";

/** What every note view carries about its state and signatures (notes-api.schema.ts `noteStateShape`). */

export interface NoteExtras {
  author: { id: string; name: string };
  cosigner: { id: string; name: string } | null;
  signatures: {
    role: "author" | "supervisor";
    signer: { id: string; name: string };
    method: "password" | "totp";
    signedAt: string;
  }[];
  addenda: AddendumView[];
}

/** The hash of exactly what is signed. */
export const noteContentHash = (signedContent: unknown): string =>
  createHash("sha256").update(canonicalJson(signedContent)).digest("hex");

const iso = (d: Date) => d.toISOString();

/** Names, signatures and addenda of notes, in three queries whatever their number. */
export async function loadNoteExtras(
  q: Queryable,
  notes: readonly store.NoteRow[],
): Promise<Map<string, NoteExtras>> {
  const ids = notes.map((n) => n.id);
  const [signatures, addenda] = await Promise.all([store.listSignatures(q, ids), store.listAddenda(q, ids)]);
  const names = await findNames(q, [
    ...notes.flatMap((n) => [n.authorId, n.cosignerUserId].filter((id): id is string => !!id)),
    ...signatures.map((s) => s.signerUserId),
    ...addenda.map((a) => a.authorId),
  ]);
  const person = (id: string) => ({ id, name: names.get(id) ?? "" });
  const extras = new Map<string, NoteExtras>();
  for (const note of notes) {
    extras.set(note.id, {
      author: person(note.authorId),
      cosigner: note.cosignerUserId ? person(note.cosignerUserId) : null,
      signatures: [],
      addenda: [],
    });
  }
  for (const s of signatures) {
    extras.get(s.noteId)?.signatures.push({
      role: s.role as "author" | "supervisor",
      signer: person(s.signerUserId),
      method: s.method as "password" | "totp",
      signedAt: iso(s.signedAt),
    });
  }
  for (const a of addenda) {
    extras.get(a.noteId)?.addenda.push({
      id: a.id,
      reason: a.reason,
      body: a.body,
      author: person(a.authorId),
      createdAt: iso(a.createdAt),
      entryParticipantId: a.entryParticipantId,
    });
  }
  return extras;
}

/** The state fields of a note view. */
export function noteStateOf(row: store.NoteRow, extras: NoteExtras) {
  return {
    id: row.id,
    status: row.status as "draft" | "awaiting_cosign" | "signed",
    revision: row.revision,
    sessionDate: row.sessionDate,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    author: extras.author,
    cosigner: extras.cosigner,
    signedAt: row.signedAt ? iso(row.signedAt) : null,
    cosignedAt: row.cosignedAt ? iso(row.cosignedAt) : null,
    lateEntry: row.lateEntry,
    signatures: extras.signatures,
    addenda: extras.addenda,
    updatedAt: iso(row.updatedAt),
  };
}
