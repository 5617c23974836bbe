import { can, type Decision } from "../../core/access/access.rules";
import {
  type CounselingNoteAccess,
  canStartCounselingNote,
  counselingNoteAccess,
} from "../../core/notes/counseling-note.rules";
import type {
  CounselingNoteAddendumInput,
  CounselingNoteCreateInput,
  CounselingNoteList,
  CounselingNoteSaveInput,
  CounselingNoteSignInput,
  CounselingNoteView,
} from "../../core/notes/counseling-note-api.schema";
import { DomainError } from "../../core/platform/errors";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import { loadParticipantFacts } from "../access/access.service";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { Keyring } from "../identity/keyring";
import { confirmIdentity, type IdentityProof } from "../identity/reauth";
import type { ParticipantAccess } from "../platform/route-access";
import * as appointmentStore from "../schedule/appointments.sql";
import { contentOf, counselingNoteListItems, counselingNoteView } from "./counseling-note-views";
import * as store from "./counseling-notes.sql";
import { noteContentHash } from "./note-views";

/**
 * SUD counseling notes (42 CFR Part 2, 2024 rule): a counselor's own notes on a session, kept apart
 * from the record. Read by their author and by staff the program's policy allows
 * (`counseling_notes.view`); anyone else is answered "not found" — the answer does not reveal that
 * a note exists — and the refusal is audited. Only the author edits a draft, signs it (with
 * re-authentication; immutable after) and adds signed addenda. Every read and write is audited
 * under resource type "counseling_note".
 */

const RESOURCE = "counseling_note";
const NOT_FOUND = "No such counseling note.";

const proofOf = (input: { password?: string | undefined; code?: string | undefined }): IdentityProof =>
  input.password !== undefined ? { password: input.password } : { code: input.code ?? "" };

export function createCounselingNotesService(deps: { db: Database; now: () => Date; keyring: Keyring }) {
  const { db, now, keyring } = deps;

  /** The policy's decisions for the actor on a participant (undefined when the participant is unknown to them). */
  async function decisionsOn(actor: Actor, participantId: string, at: Date) {
    if (actor.user.kind !== "staff") return undefined;
    const facts = await loadParticipantFacts(db, actor.access, participantId, at);
    if (!facts) return undefined;
    return {
      recordView: can(actor.access, "clinical.view", facts, at),
      recordWrite: can(actor.access, "clinical.write", facts, at),
      counselingView: can(actor.access, "counseling_notes.view", facts, at),
    };
  }

  const purposeOf = (decision: Decision) => (decision.allowed ? decision.purpose : "treatment");

  /**
   * The note and the actor's access to it, or "not found" (audited) when they may not read it; with
   * `write`, a reader who is not the author (or who may no longer write to the record) is refused.
   */
  async function authorized(
    actor: Actor,
    noteId: string,
    action: string,
    context: AuditContext,
    need: "read" | "write",
  ) {
    const at = now();
    const note = await store.findById(db, noteId);
    const decisions = note ? await decisionsOn(actor, note.participantId, at) : undefined;
    const access =
      note && decisions
        ? counselingNoteAccess({
            viewerId: actor.user.id,
            authorId: note.authorId,
            recordView: decisions.recordView,
            counselingView: decisions.counselingView,
          })
        : undefined;
    if (!note || !decisions || !access?.read) {
      await recordAudit(
        db,
        context,
        {
          action,
          resourceType: RESOURCE,
          resourceId: noteId,
          participantId: note && decisions ? note.participantId : null,
          purpose: actor.user.kind === "staff" ? "treatment" : "self",
          outcome: "denied",
          details: { reason: access?.refusal ?? (note ? "no_record_access" : "not_found") },
        },
        at,
      );
      throw new DomainError("NOT_FOUND", NOT_FOUND);
    }
    const purpose = purposeOf(decisions.recordView);
    if (need === "write" && !(access.write && canStartCounselingNote(decisions.recordWrite))) {
      await recordAudit(
        db,
        context,
        {
          action,
          resourceType: RESOURCE,
          resourceId: noteId,
          participantId: note.participantId,
          purpose,
          outcome: "denied",
          details: { reason: access.write ? "no_record_write" : "not_author" },
        },
        at,
      );
      throw new DomainError(
        "AUTH_FORBIDDEN",
        "Only the counselor who wrote this note can change it, sign it or add to it.",
      );
    }
    return { note, access, purpose, at };
  }

  /** The view for the actor: only the author who may still write edits or adds to it. */
  const viewOne = (actor: Actor, row: store.CounselingNoteRow, access: CounselingNoteAccess) =>
    counselingNoteView(db, row, access.write && row.authorId === actor.user.id);

  /** Why a conditional write matched nothing: the note is signed, or someone saved in between. */
  async function refusalFor(noteId: string, expectedRevision: number): Promise<DomainError> {
    const row = await store.findById(db, noteId);
    if (row && row.status !== "draft") {
      return new DomainError(
        "NOTE_LOCKED",
        "This counseling note is signed and can no longer change. Add an addendum instead.",
      );
    }
    return new DomainError(
      "NOTE_EDIT_CONFLICT",
      "This counseling note was saved in another window after you opened it. Your text is kept on this page; reload the note, then apply your changes.",
      "revision",
      { revision: row?.revision ?? expectedRevision },
    );
  }

  /** A session date must not be after today at the participant's site. */
  function checkNotFuture(sessionDate: string, timeZone: string, at: Date): void {
    if (sessionDate > localDateIn(at, timeZone)) {
      throw new DomainError(
        "NOTE_SESSION_NOT_STARTED",
        "This date is in the future: a counseling note is written about a session that has taken place.",
        "sessionDate",
      );
    }
  }

  return {
    /** The participant's counseling notes the actor may read (their own, or all when the policy allows). */
    async list(actor: Actor, access: ParticipantAccess, context: AuditContext): Promise<CounselingNoteList> {
      const at = now();
      if (actor.user.kind !== "staff") {
        // A counselor's own working notes, not part of the record a participant reads.
        await recordAudit(
          db,
          context,
          {
            action: "counseling_note.list",
            resourceType: RESOURCE,
            resourceId: access.participantId,
            participantId: access.participantId,
            purpose: access.purpose,
            outcome: "denied",
            details: { reason: "staff_only" },
          },
          at,
        );
        throw new DomainError("AUTH_FORBIDDEN", "Counseling notes are read by the staff who write them.");
      }
      const decisions = await decisionsOn(actor, access.participantId, at);
      const rows = decisions ? await store.listOfParticipant(db, access.participantId) : [];
      const accessOf = (row: store.CounselingNoteRow) =>
        counselingNoteAccess({
          viewerId: actor.user.id,
          authorId: row.authorId,
          recordView: decisions!.recordView,
          counselingView: decisions!.counselingView,
        });
      const readable = rows.filter((row) => accessOf(row).read);
      await recordAudit(
        db,
        context,
        {
          action: "counseling_note.list",
          resourceType: RESOURCE,
          resourceId: access.participantId,
          participantId: access.participantId,
          purpose: access.purpose,
          details: { notes: readable.length },
        },
        at,
      );
      return { items: await counselingNoteListItems(db, readable) };
    },

    /** Start a draft for a session that has taken place (optionally the appointment it was). */
    async create(
      actor: Actor,
      access: ParticipantAccess,
      input: CounselingNoteCreateInput,
      context: AuditContext,
    ): Promise<CounselingNoteView> {
      const at = now();
      const participantId = access.participantId;
      const decisions = await decisionsOn(actor, participantId, at);
      if (!decisions || !canStartCounselingNote(decisions.recordWrite)) {
        await recordAudit(
          db,
          context,
          {
            action: "counseling_note.create",
            resourceType: RESOURCE,
            resourceId: null,
            participantId,
            purpose: access.purpose,
            outcome: "denied",
            details: { reason: decisions ? "break_the_glass" : "not_staff" },
          },
          at,
        );
        throw new DomainError(
          "AUTH_FORBIDDEN",
          "Counseling notes are written by staff caring for the participant, not under emergency access.",
        );
      }
      const appointmentId = input.appointmentId ?? null;
      if (appointmentId !== null) {
        const appointment = await appointmentStore.findById(db, appointmentId);
        if (!appointment || appointment.participant_id !== participantId) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "This appointment is not one of this participant's.",
            "appointmentId",
          );
        }
        if (appointment.status === "cancelled") {
          throw new DomainError(
            "SCHEDULE_APPOINTMENT_CANCELLED",
            "This session was cancelled: there is no session to write about.",
            "appointmentId",
          );
        }
        if (new Date(appointment.starts_at).getTime() > at.getTime()) {
          throw new DomainError("NOTE_SESSION_NOT_STARTED", undefined, "appointmentId");
        }
        if (appointment.local_date !== input.sessionDate) {
          throw new DomainError(
            "VALIDATION_FAILED",
            `The appointment took place on ${appointment.local_date}: use that date.`,
            "sessionDate",
          );
        }
      }
      const episode = await store.findEpisodeOnDate(db, participantId, input.sessionDate);
      if (!episode) {
        throw new DomainError(
          "VALIDATION_FAILED",
          "The participant was not in the program on this date.",
          "sessionDate",
        );
      }
      checkNotFuture(input.sessionDate, episode.time_zone, at);
      const row = await db.transaction(async (tx) => {
        const inserted = await store.insert(tx, {
          siteId: episode.site_id,
          participantId,
          episodeId: episode.episode_id,
          appointmentId,
          sessionDate: input.sessionDate,
          content: input.content,
          authorId: actor.user.id,
          createdAt: at,
          updatedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "counseling_note.create",
            resourceType: RESOURCE,
            resourceId: inserted.id,
            participantId,
            purpose: access.purpose,
          },
          at,
        );
        return inserted;
      });
      return viewOne(actor, row, { read: true, write: true, refusal: null });
    },

    async get(actor: Actor, noteId: string, context: AuditContext): Promise<CounselingNoteView> {
      const { note, access, purpose, at } = await authorized(
        actor,
        noteId,
        "counseling_note.view",
        context,
        "read",
      );
      await recordAudit(
        db,
        context,
        {
          action: "counseling_note.view",
          resourceType: RESOURCE,
          resourceId: note.id,
          participantId: note.participantId,
          purpose,
          details: note.authorId === actor.user.id ? null : { as: "policy_reader" },
        },
        at,
      );
      return viewOne(actor, note, access);
    },

    /** Autosave a draft (the author only; optimistic locking on the revision). */
    async save(
      actor: Actor,
      noteId: string,
      input: CounselingNoteSaveInput,
      context: AuditContext,
    ): Promise<CounselingNoteView> {
      const { note, access, purpose, at } = await authorized(
        actor,
        noteId,
        "counseling_note.save",
        context,
        "write",
      );
      if (note.status !== "draft") throw await refusalFor(noteId, input.revision);
      if (input.sessionDate !== note.sessionDate) {
        if (note.appointmentId !== null) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "This note belongs to an appointment: its date is the appointment's.",
            "sessionDate",
          );
        }
        const episode = await store.findEpisodeOnDate(db, note.participantId, input.sessionDate);
        if (!episode || episode.episode_id !== note.episodeId) {
          throw new DomainError(
            "VALIDATION_FAILED",
            "Choose a date within the participant's episode the note was started in.",
            "sessionDate",
          );
        }
        checkNotFuture(input.sessionDate, episode.time_zone, at);
      }
      const row = await db.transaction(async (tx) => {
        const saved = await store.updateDraft(tx, noteId, input.revision, {
          sessionDate: input.sessionDate,
          content: input.content,
          updatedAt: at,
        });
        if (!saved) return undefined;
        await appendAudit(
          tx,
          context,
          {
            action: "counseling_note.save",
            resourceType: RESOURCE,
            resourceId: noteId,
            participantId: note.participantId,
            purpose,
            details: { revision: saved.revision },
          },
          at,
        );
        return saved;
      });
      if (!row) throw await refusalFor(noteId, input.revision);
      return viewOne(actor, row, access);
    },

    /** Sign a draft (the author, re-authenticating): the content's hash is kept and the note no longer changes. */
    async sign(
      actor: Actor,
      noteId: string,
      input: CounselingNoteSignInput,
      context: AuditContext,
    ): Promise<CounselingNoteView> {
      const { note, access, purpose } = await authorized(
        actor,
        noteId,
        "counseling_note.sign",
        context,
        "write",
      );
      if (note.status !== "draft" || note.revision !== input.revision) {
        throw await refusalFor(noteId, input.revision);
      }
      const content = contentOf(note);
      if (content.body.trim().length === 0) {
        throw new DomainError("NOTE_INCOMPLETE", "Write the note before signing it.", [
          { path: "content.body", message: "Write the note before signing it." },
        ]);
      }
      const { method } = await confirmIdentity(db, actor, proofOf(input), now(), {
        keyring,
        context,
        purposeAction: "counseling_note.sign",
      });
      const at = now();
      const row = await db.transaction(async (tx) => {
        const locked = await store.findByIdForUpdate(tx, noteId);
        if (locked?.status !== "draft" || locked.revision !== input.revision) return undefined;
        const signed = await store.markSigned(tx, noteId, input.revision, {
          contentSha256: noteContentHash(contentOf(locked)),
          signMethod: method,
          signedAt: at,
        });
        if (!signed) return undefined;
        await appendAudit(
          tx,
          context,
          {
            action: "counseling_note.sign",
            resourceType: RESOURCE,
            resourceId: noteId,
            participantId: note.participantId,
            purpose,
            details: { method, contentSha256: signed.contentSha256 },
          },
          at,
        );
        return signed;
      });
      if (!row) throw await refusalFor(noteId, input.revision);
      return viewOne(actor, row, access);
    },

    /** Add a signed addendum to a signed note (the author, re-authenticating). */
    async addAddendum(
      actor: Actor,
      noteId: string,
      input: CounselingNoteAddendumInput,
      context: AuditContext,
    ): Promise<CounselingNoteView> {
      const { note, access, purpose } = await authorized(
        actor,
        noteId,
        "counseling_note.addendum",
        context,
        "write",
      );
      if (note.status !== "signed") {
        throw new DomainError(
          "NOTE_NOT_SIGNED",
          "An addendum is added to a signed note. This counseling note is still a draft: edit it instead.",
        );
      }
      const { method } = await confirmIdentity(db, actor, proofOf(input), now(), {
        keyring,
        context,
        purposeAction: "counseling_note.addendum",
      });
      const at = now();
      const reason = input.reason.trim();
      const body = input.body.trim();
      await db.transaction(async (tx) => {
        await store.findByIdForUpdate(tx, noteId);
        const addendum = await store.insertAddendum(tx, {
          noteId,
          reason,
          body,
          authorId: actor.user.id,
          method,
          contentSha256: noteContentHash({ noteId, reason, body }),
          createdAt: at,
        });
        const entry: AuditEntry = {
          action: "counseling_note.addendum",
          resourceType: RESOURCE,
          resourceId: noteId,
          participantId: note.participantId,
          purpose,
          details: { addendumId: addendum.id, method },
        };
        await appendAudit(tx, context, entry, at);
      });
      const fresh = await store.findById(db, noteId);
      return viewOne(actor, fresh!, access);
    },
  };
}

export type CounselingNotesService = ReturnType<typeof createCounselingNotesService>;
