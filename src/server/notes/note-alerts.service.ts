import { isUnsignedOverdue } from "../../core/notes/note.rules";
import type { NotesSettings } from "../../core/notes/notes-settings.schema";
import type { RaiseAlert, ResolveFindings } from "../alerts/alerts.service";
import { type AuditContext, SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Database, Transaction } from "../db/connection";
import {
  listEntryParticipants,
  listUnsignedNoteAlerts,
  listUnsignedNotes,
  type UnsignedNoteRow,
} from "./note-worklist.sql";
import { readNotesSettings } from "./notes-settings.repo";

/**
 * Unsigned-note alerts, from an hourly sweep: a note still unsigned (a draft, or awaiting its
 * co-signature) `unsignedAlertHours` after its session ended raises a warning about each participant
 * it concerns, for its author — and its named co-signer while it waits on them — even when they are
 * not on the participant's care team. Raised once per note and participant (never again after someone
 * resolves it); resolved by itself once the note is signed.
 */

const KIND = "clinical_note_unsigned" as const;

export interface WantedNoteAlert {
  noteId: string;
  participantId: string;
  recipients: string[];
  reason: string;
}

const KIND_WORDS: Record<UnsignedNoteRow["kind"], string> = {
  group: "group note",
  individual: "individual session note",
  family: "family session note",
};

/** The alerts an unsigned note calls for now, one per participant it concerns (pure). */
export function deriveWantedNoteAlerts(
  note: UnsignedNoteRow,
  participantIds: readonly string[],
  settings: NotesSettings,
  at: Date,
): WantedNoteAlert[] {
  const endsAt = note.ends_at instanceof Date ? note.ends_at : new Date(note.ends_at);
  if (!isUnsignedOverdue(note.status, endsAt, at, settings.unsignedAlertHours)) return [];
  const what =
    note.kind === "group"
      ? `The group note for ${note.track_name ?? "a group"}`
      : `The ${KIND_WORDS[note.kind]}`;
  const why =
    note.status === "awaiting_cosign"
      ? `is waiting for its co-signature (${note.cosigner_name ?? "the supervisor"})`
      : `is not signed by its author (${note.author_name})`;
  const reason = `${what} of the session on ${note.session_date} ${why}, more than ${settings.unsignedAlertHours} hours after the session ended.`;
  const recipients = [note.author_id];
  if (note.status === "awaiting_cosign" && note.cosigner_user_id) recipients.push(note.cosigner_user_id);
  return participantIds.map((participantId) => ({ noteId: note.id, participantId, recipients, reason }));
}

const keyOf = (noteId: string, participantId: string) => `${noteId}|${participantId}`;

export function createNoteAlertsService(deps: {
  db: Database;
  now: () => Date;
  raiseAlert: RaiseAlert;
  resolveFindings: ResolveFindings;
}) {
  const { db, now, raiseAlert, resolveFindings } = deps;

  async function resolveNote(
    tx: Transaction,
    alert: { participantId: string; noteId: string },
    context: AuditContext,
    userId: string | null,
    at: Date,
  ): Promise<number> {
    return resolveFindings(
      tx,
      {
        kind: KIND,
        participantId: alert.participantId,
        evidenceId: alert.noteId,
        note: "No longer applies: the note is signed.",
        userId,
        context,
      },
      at,
    );
  }

  return {
    /** Raise what is overdue and not raised before; resolve what concerns notes now signed (or gone). */
    async sweepNoteAlerts(at: Date = now()): Promise<{ raised: number; resolved: number }> {
      const settings = await readNotesSettings(db);
      const notes = await listUnsignedNotes(db, {});
      const entries = await listEntryParticipants(
        db,
        notes.filter((n) => n.kind === "group").map((n) => n.id),
      );
      const wanted = notes.flatMap((note) =>
        deriveWantedNoteAlerts(
          note,
          note.participant_id ? [note.participant_id] : (entries.get(note.id) ?? []),
          settings,
          at,
        ),
      );
      const existing = await listUnsignedNoteAlerts(db);
      const seen = new Set(existing.map((a) => keyOf(a.evidence_id, a.participant_id)));
      const unsigned = new Set(notes.map((n) => n.id));
      let raised = 0;
      let resolved = 0;
      for (const alert of wanted) {
        if (seen.has(keyOf(alert.noteId, alert.participantId))) continue;
        await db.transaction(async (tx) => {
          const result = await raiseAlert(
            tx,
            {
              kind: KIND,
              severity: "warning",
              participantId: alert.participantId,
              reason: alert.reason,
              evidence: { kind: "clinical_note", id: alert.noteId },
              alsoFor: alert.recipients,
              context: SYSTEM_CONTEXT,
            },
            at,
          );
          if (result.raised) raised += 1;
        });
      }
      const stale = existing.filter((a) => a.state !== "resolved" && !unsigned.has(a.evidence_id));
      for (const alert of stale) {
        await db.transaction(async (tx) => {
          resolved += await resolveNote(
            tx,
            { participantId: alert.participant_id, noteId: alert.evidence_id },
            SYSTEM_CONTEXT,
            null,
            at,
          );
        });
      }
      return { raised, resolved };
    },

    /**
     * Resolve, in the caller's transaction, the unsigned-note alerts of a note just signed (by its
     * author, or by the co-signer's signature): the participants are those the note concerns.
     */
    async resolveSignedNote(
      tx: Transaction,
      note: { noteId: string; participantIds: readonly string[]; signedBy: string },
      context: AuditContext,
      at: Date,
    ): Promise<number> {
      let resolved = 0;
      for (const participantId of note.participantIds) {
        resolved += await resolveNote(tx, { participantId, noteId: note.noteId }, context, note.signedBy, at);
      }
      return resolved;
    },
  };
}
export type NoteAlertsService = ReturnType<typeof createNoteAlertsService>;
