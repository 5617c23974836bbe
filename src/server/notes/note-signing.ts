import type { AuditPurpose } from "../../core/audit/audit.schema";
import { addendumSignedContent, isLateEntry, statusAfterAuthorSignature } from "../../core/notes/note.rules";
import type { AddendumInput, AddendumView, NoteSignInput } from "../../core/notes/note.schema";
import { DomainError } from "../../core/platform/errors";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable, Transaction } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { Keyring } from "../identity/keyring";
import { confirmIdentity, type IdentityProof } from "../identity/reauth";
import { authorizeOnParticipant, requiresCosignature } from "../treatment-plans/plan-access";
import { findCosigner, findNames } from "../treatment-plans/plans.sql";
import { noteContentHash } from "./note-views";
import * as store from "./notes.sql";
import { readNotesSettings } from "./notes-settings.repo";

/**
 * A clinical note's signatures and addenda, for every kind (group, individual, family):
 * - the author signs a draft after re-entering their password or an authenticator code; the content
 *   is hashed and frozen; a supervisee (account marked "requires co-signature") must name a
 *   supervisor, and the note waits for that co-signature; a signature later than the program's
 *   window after the session labels the note a late entry;
 * - the named supervisor co-signs the same hash;
 * - a signed note never changes again: corrections and later information are addenda with a reason,
 *   signed on writing.
 * Every step is audited once per participant the note concerns.
 */

export interface NoteSigningDeps {
  db: Database;
  keyring: Keyring;
  now: () => Date;
}

export type ReauthInput = { password?: string; code?: string };

const proofOf = (input: ReauthInput): IdentityProof =>
  input.password !== undefined ? { password: input.password } : { code: input.code ?? "" };

const RESOURCE = { type: "clinical_note", notFound: "No such note." };

export interface SignAsAuthorOptions {
  /**
   * What the signature covers, read inside the signing transaction with the note locked (so the hash
   * is of exactly what is stored): e.g. `groupNoteSignedContent(shared, entries)`.
   */
  signedContent: (tx: Queryable, note: store.NoteRow) => Promise<unknown>;
  /** Optional last check inside the transaction (e.g. the signing issues against what is stored); throw to refuse. */
  check?: (tx: Queryable, note: store.NoteRow) => Promise<void>;
  /** The participants the note concerns (one audit event each). */
  participantIds: readonly string[];
  purpose: AuditPurpose;
  context: AuditContext;
}

export function createNoteSigning({ db, keyring, now }: NoteSigningDeps) {
  function assertDraft(note: store.NoteRow, revision: number): void {
    if (note.status !== "draft") throw new DomainError("NOTE_LOCKED");
    if (note.revision !== revision) throw new DomainError("NOTE_EDIT_CONFLICT", undefined, "revision");
  }

  /** The co-signer named on a signature: an active supervisor at the note's site holding notes.cosign, not the signer. */
  async function validCosigner(actor: Actor, note: store.NoteRow, cosignerUserId: string): Promise<void> {
    const cosigner = await findCosigner(db, cosignerUserId, "notes.cosign");
    if (!cosigner || cosigner.id === actor.user.id || !cosigner.site_ids.includes(note.siteId)) {
      throw new DomainError("NOTE_COSIGNER_INVALID", undefined, "cosignerUserId");
    }
  }

  async function audit(
    q: Transaction,
    context: AuditContext,
    action: string,
    note: store.NoteRow,
    participantIds: readonly string[],
    purpose: AuditPurpose,
    details: AuditEntry["details"],
    at: Date,
  ): Promise<void> {
    const base: AuditEntry = { action, resourceType: "clinical_note", resourceId: note.id, purpose, details };
    const entries =
      participantIds.length > 0
        ? participantIds.map((participantId) => ({ ...base, participantId }))
        : [base];
    await appendAudit(q, context, entries, at);
  }

  return {
    /**
     * The author's signature. The caller has authorised the actor (clinical.write on the note's
     * participants) and checked what the note needs before signing; this re-checks the draft and its
     * revision, the co-signer when one is needed, re-authenticates, then hashes, signs and locks in one
     * transaction. The signer becomes the note's author.
     */
    async signAsAuthor(
      actor: Actor,
      note: store.NoteRow,
      input: NoteSignInput,
      options: SignAsAuthorOptions,
    ): Promise<store.NoteRow> {
      const action = "clinical_note.sign";
      const at = now();
      assertDraft(note, input.revision);
      const cosignerUserId = input.cosignerUserId ?? null;
      if (cosignerUserId === null && (await requiresCosignature(db, actor.user.id))) {
        throw new DomainError("NOTE_COSIGNER_REQUIRED", undefined, "cosignerUserId");
      }
      if (cosignerUserId !== null) await validCosigner(actor, note, cosignerUserId);
      const { method } = await confirmIdentity(db, actor, proofOf(input), at, {
        keyring,
        context: options.context,
        purposeAction: action,
      });
      return db.transaction(async (tx) => {
        const current = await store.findNoteForUpdate(tx, note.id);
        if (!current) throw new DomainError("NOT_FOUND", RESOURCE.notFound);
        assertDraft(current, input.revision);
        await options.check?.(tx, current);
        const contentSha256 = noteContentHash(await options.signedContent(tx, current));
        const settings = await readNotesSettings(tx);
        const inserted = await store.insertSignature(tx, {
          noteId: current.id,
          role: "author",
          signerUserId: actor.user.id,
          method,
          contentSha256,
          signedAt: at,
          userAgent: options.context.userAgent?.slice(0, 300) ?? null,
          ipAddress: options.context.ipAddress,
        });
        if (!inserted) throw new DomainError("NOTE_LOCKED");
        const status = statusAfterAuthorSignature(cosignerUserId !== null);
        const lateEntry = isLateEntry(current.endsAt, at, settings.lateEntryHours);
        const signed = await store.updateNoteStatus(tx, current.id, {
          status,
          authorId: actor.user.id,
          cosignerUserId,
          contentSha256,
          lateEntry,
          signedAt: at,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        await audit(
          tx,
          options.context,
          action,
          signed,
          options.participantIds,
          options.purpose,
          { kind: current.kind, method, status, lateEntry, contentSha256, cosignerUserId },
          at,
        );
        return signed;
      });
    },

    /** The named supervisor's co-signature on a note awaiting it: the same hash the author signed. */
    async cosign(
      actor: Actor,
      noteId: string,
      input: ReauthInput,
      context: AuditContext,
    ): Promise<store.NoteRow> {
      const action = "clinical_note.cosign";
      const at = now();
      const note = await store.findNote(db, noteId);
      if (!note || actor.user.kind !== "staff" || !actor.access.siteIds.includes(note.siteId)) {
        throw new DomainError("NOT_FOUND", RESOURCE.notFound);
      }
      const participantIds = await store.listNoteParticipantIds(db, note);
      if (note.status !== "awaiting_cosign") throw new DomainError("NOTE_NOT_AWAITING_COSIGN");
      if (note.cosignerUserId !== actor.user.id || !actor.access.grants["notes.cosign"]) {
        await recordAudit(
          db,
          context,
          participantIds.map((participantId) => ({
            action,
            resourceType: "clinical_note",
            resourceId: note.id,
            participantId,
            purpose: "treatment" as const,
            outcome: "denied" as const,
            details: { reason: "not_named_cosigner" },
          })),
          at,
        );
        throw new DomainError("NOTE_NOT_COSIGNER");
      }
      const { method } = await confirmIdentity(db, actor, proofOf(input), at, {
        keyring,
        context,
        purposeAction: action,
      });
      return db.transaction(async (tx) => {
        const current = await store.findNoteForUpdate(tx, noteId);
        if (current?.status !== "awaiting_cosign" || current.cosignerUserId !== actor.user.id) {
          throw new DomainError("NOTE_NOT_AWAITING_COSIGN");
        }
        const inserted = await store.insertSignature(tx, {
          noteId: current.id,
          role: "supervisor",
          signerUserId: actor.user.id,
          method,
          contentSha256: current.contentSha256!,
          signedAt: at,
          userAgent: context.userAgent?.slice(0, 300) ?? null,
          ipAddress: context.ipAddress,
        });
        if (!inserted) throw new DomainError("NOTE_NOT_AWAITING_COSIGN");
        const signed = await store.updateNoteStatus(tx, current.id, {
          status: "signed",
          cosignedAt: at,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        await audit(
          tx,
          context,
          action,
          signed,
          participantIds,
          "treatment",
          { method, contentSha256: current.contentSha256 },
          at,
        );
        return signed;
      });
    },

    /**
     * An addendum to a signed note (or one awaiting co-signature): a reason and the text, signed on
     * writing. Individual and family notes: clinical.write on the participant. Group notes: clinical
     * staff of the note's site; an addendum on one participant's entry needs clinical.write on that
     * participant and is shown in their chart only.
     */
    async addAddendum(
      actor: Actor,
      noteId: string,
      input: AddendumInput & ReauthInput,
      context: AuditContext,
    ): Promise<AddendumView> {
      const action = "clinical_note.addendum";
      const at = now();
      const note = await store.findNote(db, noteId);
      if (!note || actor.user.kind !== "staff" || !actor.access.siteIds.includes(note.siteId)) {
        throw new DomainError("NOT_FOUND", RESOURCE.notFound);
      }
      const denial = { action, context };
      let participantIds: string[];
      let purpose: AuditPurpose = "treatment";
      if (note.participantId) {
        if (input.entryParticipantId !== undefined) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "Only an addendum to a group note names a participant's entry.",
            "entryParticipantId",
          );
        }
        purpose = await authorizeOnParticipant(
          db,
          actor,
          note.participantId,
          "clinical.write",
          denial,
          at,
          RESOURCE,
        );
        participantIds = [note.participantId];
      } else {
        const onNote = await store.listNoteParticipantIds(db, note);
        if (input.entryParticipantId !== undefined) {
          if (!onNote.includes(input.entryParticipantId)) {
            throw new DomainError("NOTE_NOT_ON_ROSTER", undefined, "entryParticipantId");
          }
          purpose = await authorizeOnParticipant(
            db,
            actor,
            input.entryParticipantId,
            "clinical.write",
            denial,
            at,
            RESOURCE,
          );
          participantIds = [input.entryParticipantId];
        } else {
          if (!actor.access.grants["clinical.write"]) throw new DomainError("AUTH_FORBIDDEN");
          participantIds = onNote;
        }
      }
      if (note.status === "draft") throw new DomainError("NOTE_NOT_SIGNED");
      const { method } = await confirmIdentity(db, actor, proofOf(input), at, {
        keyring,
        context,
        purposeAction: action,
      });
      const reason = input.reason.trim();
      const body = input.body.trim();
      const entryParticipantId = input.entryParticipantId ?? null;
      const row = await db.transaction(async (tx) => {
        const current = await store.findNoteForUpdate(tx, noteId);
        if (!current || current.status === "draft") throw new DomainError("NOTE_NOT_SIGNED");
        const added = await store.insertAddendum(tx, {
          noteId,
          entryParticipantId,
          reason,
          body,
          authorId: actor.user.id,
          method,
          contentSha256: noteContentHash(addendumSignedContent({ noteId, entryParticipantId, reason, body })),
          createdAt: at,
        });
        await audit(
          tx,
          context,
          action,
          current,
          participantIds,
          purpose,
          { addendumId: added.id, entryParticipantId, method },
          at,
        );
        return added;
      });
      const names = await findNames(db, [actor.user.id]);
      return {
        id: row.id,
        reason: row.reason,
        body: row.body,
        author: { id: actor.user.id, name: names.get(actor.user.id) ?? "" },
        createdAt: row.createdAt.toISOString(),
        entryParticipantId: row.entryParticipantId,
      };
    },
  };
}

export type NoteSigning = ReturnType<typeof createNoteSigning>;
