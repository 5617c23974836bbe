import { can } from "../../core/access/access.rules";
import { attendanceStatusSchema } from "../../core/attendance/attendance.schema";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { sessionNoteSignedContent, sessionNoteSigningIssues } from "../../core/notes/note.rules";
import {
  EMPTY_SESSION_NOTE,
  type NoteFormat,
  type NoteSignInput,
  noteFormatSchema,
  type SessionNoteContent,
  sessionNoteContentSchema,
} from "../../core/notes/note.schema";
import type { SessionNoteView } from "../../core/notes/notes-api.schema";
import { DomainError, type FieldError } from "../../core/platform/errors";
import { loadParticipantFacts } from "../access/access.service";
import { type AuditContext, appendAudit, recordAudit } from "../audit/audit.service";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { authorizeOnParticipant, currentObjectives } from "../treatment-plans/plans.service";
import { findNames } from "../treatment-plans/plans.sql";
import type { NoteAlertsService } from "./note-alerts.service";
import type { NoteSigning } from "./note-signing";
import { loadNoteExtras, noteStateOf } from "./note-views";
import * as notes from "./notes.sql";
import { readNotesSettings } from "./notes-settings.repo";
import * as store from "./session-notes.sql";

/**
 * Individual and family notes (issue 8): written for an appointment that has begun, in DAP, BIRP or
 * SOAP, with the session's details, the plan objectives addressed, the interventions and the plan
 * for the next session. Attendance is the appointment's (recorded there) and shown with the note.
 * Reading needs clinical.view on the participant, starting, saving and signing clinical.write; each
 * read and write is audited. Signing (re-authentication, co-signature, hash, lock) is note-signing.ts;
 * co-signing and addenda are the lifecycle routes shared by every kind of note.
 */

const RESOURCE = { type: "clinical_note", notFound: "No such note." };
const NO_APPOINTMENT = "No such appointment.";

const clip = (text: string, max: number) => text.trim().slice(0, max);

/** The content a new note starts with: the appointment's setting and place, and its family attendees. */
export function startingContent(appointment: store.NoteAppointmentRow): SessionNoteContent {
  const place = appointment.telehealth
    ? appointment.location.trim() || "Video session"
    : (appointment.room_name ?? appointment.location);
  return {
    ...EMPTY_SESSION_NOTE,
    setting: appointment.telehealth ? "video" : "in_person",
    place: clip(place, 200),
    attendees: appointment.family_attendees
      .map((a) => ({ name: clip(a.name, 120), relationship: clip(a.relationship, 60) }))
      .filter((a) => a.name.length > 0 && a.relationship.length > 0)
      .slice(0, 12),
  };
}

export function createSessionNotesService(deps: {
  db: Database;
  now: () => Date;
  signAsAuthor: NoteSigning["signAsAuthor"];
  /** Resolves a note's unsigned-note alerts once it is signed (note-alerts.service.ts). */
  resolveSignedNote: NoteAlertsService["resolveSignedNote"];
}) {
  const { db, now, signAsAuthor, resolveSignedNote } = deps;

  function assertStaff(actor: Actor): void {
    if (actor.user.kind !== "staff") {
      throw new DomainError("AUTH_FORBIDDEN", "Clinical notes are written and read by staff.");
    }
  }

  /**
   * The actor's access to a participant's notes: the purpose it is audited under and whether they may
   * write. A refusal is audited and answered as the route guard would (403 or 404).
   */
  async function accessTo(
    actor: Actor,
    participantId: string,
    need: "clinical.view" | "clinical.write",
    action: string,
    context: AuditContext,
    at: Date,
  ): Promise<{ purpose: AuditPurpose; canWrite: boolean }> {
    assertStaff(actor);
    const facts = await loadParticipantFacts(db, actor.access, participantId, at);
    const decision = facts ? can(actor.access, need, facts, at) : undefined;
    if (!facts || !decision?.allowed) {
      // Audits the refusal and throws the answer the guard would give.
      await authorizeOnParticipant(db, actor, participantId, need, { action, context }, at, RESOURCE);
      throw new DomainError("NOT_FOUND", RESOURCE.notFound);
    }
    const write = need === "clinical.write" ? decision : can(actor.access, "clinical.write", facts, at);
    return { purpose: decision.purpose, canWrite: write.allowed };
  }

  /** An individual or family note (a group note is not one: "not found" here). */
  async function sessionNote(noteId: string): Promise<notes.NoteRow & { participantId: string }> {
    const note = await notes.findNote(db, noteId);
    if (!note || note.kind === "group" || note.participantId === null) {
      throw new DomainError("NOT_FOUND", RESOURCE.notFound);
    }
    return note as notes.NoteRow & { participantId: string };
  }

  async function objectiveOptions(q: Queryable, participantId: string) {
    const current = await currentObjectives(q, participantId);
    return current.objectives.map((o) => ({
      objectiveId: o.objectiveId,
      statement: o.statement,
      problemTitle: o.problem.title,
    }));
  }

  async function viewOf(
    note: notes.NoteRow & { participantId: string },
    canWrite: boolean,
  ): Promise<SessionNoteView> {
    const [extras, objectives, appointment] = await Promise.all([
      loadNoteExtras(db, [note]),
      objectiveOptions(db, note.participantId),
      note.appointmentId ? store.findAppointment(db, note.appointmentId) : undefined,
    ]);
    const status = appointment ? attendanceStatusSchema.safeParse(appointment.attendance_status) : undefined;
    return {
      ...noteStateOf(note, extras.get(note.id)!),
      kind: note.kind === "family" ? "family" : "individual",
      format: noteFormatSchema.parse(note.format),
      participantId: note.participantId,
      appointmentId: note.appointmentId,
      content: sessionNoteContentSchema.parse(note.content),
      objectives,
      canEdit: canWrite && note.status === "draft",
      attendance:
        appointment && status?.success
          ? {
              status: status.data,
              minutesAttended: appointment.minutes_attended ?? 0,
              sessionMinutes: Math.round(
                (appointment.ends_at.getTime() - appointment.starts_at.getTime()) / 60_000,
              ),
            }
          : null,
    };
  }

  async function readAudit(
    context: AuditContext,
    note: { id: string; participantId: string },
    purpose: AuditPurpose,
    at: Date,
  ): Promise<void> {
    await recordAudit(
      db,
      context,
      {
        action: "clinical_note.view",
        resourceType: RESOURCE.type,
        resourceId: note.id,
        participantId: note.participantId,
        purpose,
      },
      at,
    );
  }

  /** Every linked objective must be one of the participant's current plan: each stray one is named. */
  async function checkObjectives(participantId: string, content: SessionNoteContent): Promise<void> {
    if (content.objectives.length === 0) return;
    const current = new Set(
      (await currentObjectives(db, participantId)).objectives.map((o) => o.objectiveId),
    );
    const stray: FieldError[] = content.objectives.flatMap((o, i) =>
      current.has(o.objectiveId)
        ? []
        : [
            {
              path: `content.objectives.${i}.objectiveId`,
              message:
                "This objective is not in the participant's current treatment plan. Pick one from the current plan.",
            },
          ],
    );
    if (stray.length > 0) {
      throw new DomainError("NOTE_OBJECTIVE_NOT_IN_PLAN", stray[0]!.message, stray);
    }
  }

  /** Why a conditional save matched nothing: the note is no longer a draft, or someone saved in between. */
  async function saveRefusal(actor: Actor, noteId: string): Promise<DomainError> {
    const row = await notes.findNote(db, noteId);
    if (row?.status !== "draft") return new DomainError("NOTE_LOCKED");
    const who =
      row.updatedBy === actor.user.id
        ? "You saved this note in another window"
        : `${(row.updatedBy && (await findNames(db, [row.updatedBy])).get(row.updatedBy)) || "Someone"} saved this note`;
    return new DomainError(
      "NOTE_EDIT_CONFLICT",
      `${who} after you opened it. Your text is kept on this page; reload the note to see the changes, then apply yours.`,
      "revision",
      { revision: row.revision, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy },
    );
  }

  async function appointmentOf(actor: Actor, appointmentId: string): Promise<store.NoteAppointmentRow> {
    assertStaff(actor);
    const appointment = await store.findAppointment(db, appointmentId);
    if (!appointment) throw new DomainError("NOT_FOUND", NO_APPOINTMENT);
    return appointment;
  }

  /** A draft the staff member may write (clinical.write on its participant), for saving or signing. */
  async function draftToWrite(actor: Actor, noteId: string, action: string, context: AuditContext, at: Date) {
    assertStaff(actor);
    const note = await sessionNote(noteId);
    const access = await accessTo(actor, note.participantId, "clinical.write", action, context, at);
    if (note.status !== "draft") throw new DomainError("NOTE_LOCKED");
    return { note, ...access };
  }

  return {
    /**
     * Start the note of an appointment that has begun: a draft in the chosen (else the program's)
     * format, its setting, place and family attendees from the appointment.
     */
    async start(
      actor: Actor,
      appointmentId: string,
      input: { format?: NoteFormat | undefined },
      context: AuditContext,
    ): Promise<SessionNoteView> {
      const action = "clinical_note.create";
      const at = now();
      const appointment = await appointmentOf(actor, appointmentId);
      const { purpose, canWrite } = await accessTo(
        actor,
        appointment.participant_id,
        "clinical.write",
        action,
        context,
        at,
      );
      if (appointment.status === "cancelled") {
        throw new DomainError("NOTE_SESSION_CANCELLED", "This appointment was cancelled: it has no note.");
      }
      if (appointment.starts_at.getTime() > at.getTime()) {
        throw new DomainError(
          "NOTE_SESSION_NOT_STARTED",
          "This appointment has not started yet: its note can be written once it begins.",
        );
      }
      const existing = await notes.findNoteByAppointment(db, appointmentId);
      if (existing)
        throw new DomainError("NOTE_EXISTS", undefined, undefined, { details: { noteId: existing.id } });
      if (appointment.episode_id === null) {
        throw new DomainError(
          "ENROLLMENT_NO_CURRENT_EPISODE",
          "The participant is not in the program now (no open episode), so this appointment cannot take a note.",
        );
      }
      const episodeId = appointment.episode_id;
      const format = input.format ?? (await readNotesSettings(db)).defaultFormat;
      const created = await db.transaction(async (tx) => {
        const row = await notes.insertNote(tx, {
          kind: appointment.kind,
          siteId: appointment.site_id,
          participantId: appointment.participant_id,
          episodeId,
          appointmentId,
          format,
          sessionDate: appointment.local_date,
          startsAt: appointment.starts_at,
          endsAt: appointment.ends_at,
          content: startingContent(appointment),
          authorId: actor.user.id,
          createdAt: at,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        if (!row) return undefined;
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: RESOURCE.type,
            resourceId: row.id,
            participantId: appointment.participant_id,
            purpose,
            details: { kind: row.kind, format, appointmentId },
          },
          at,
        );
        return row;
      });
      if (!created) {
        // Someone started it in between.
        const other = await notes.findNoteByAppointment(db, appointmentId);
        throw new DomainError("NOTE_EXISTS", undefined, undefined, {
          details: { noteId: other?.id ?? null },
        });
      }
      return viewOf(created as notes.NoteRow & { participantId: string }, canWrite);
    },

    /** The note of an appointment, or "not found" when it has none yet (the read is audited either way). */
    async ofAppointment(
      actor: Actor,
      appointmentId: string,
      context: AuditContext,
    ): Promise<SessionNoteView> {
      const action = "clinical_note.view";
      const at = now();
      const appointment = await appointmentOf(actor, appointmentId);
      const { purpose, canWrite } = await accessTo(
        actor,
        appointment.participant_id,
        "clinical.view",
        action,
        context,
        at,
      );
      const note = await notes.findNoteByAppointment(db, appointmentId);
      await recordAudit(
        db,
        context,
        {
          action,
          resourceType: RESOURCE.type,
          resourceId: note?.id ?? null,
          participantId: appointment.participant_id,
          purpose,
          details: { appointmentId, found: note !== undefined },
        },
        at,
      );
      if (!note) throw new DomainError("NOT_FOUND", "This appointment has no note yet.");
      return viewOf(note as notes.NoteRow & { participantId: string }, canWrite);
    },

    async get(actor: Actor, noteId: string, context: AuditContext): Promise<SessionNoteView> {
      const at = now();
      assertStaff(actor);
      const note = await sessionNote(noteId);
      const { purpose, canWrite } = await accessTo(
        actor,
        note.participantId,
        "clinical.view",
        "clinical_note.view",
        context,
        at,
      );
      await readAudit(context, note, purpose, at);
      return viewOf(note, canWrite);
    },

    /** Autosave a draft: the revision read must still be current; objectives must be in the current plan. */
    async save(
      actor: Actor,
      noteId: string,
      input: { revision: number; format: NoteFormat; content: SessionNoteContent },
      context: AuditContext,
    ): Promise<SessionNoteView> {
      const action = "clinical_note.save";
      const at = now();
      const { note, purpose, canWrite } = await draftToWrite(actor, noteId, action, context, at);
      await checkObjectives(note.participantId, input.content);
      const saved = await db.transaction(async (tx) => {
        const row = await notes.updateNoteDraft(tx, noteId, input.revision, {
          content: input.content,
          format: input.format,
          updatedBy: actor.user.id,
          updatedAt: at,
        });
        if (!row) return undefined;
        await appendAudit(
          tx,
          context,
          {
            action,
            resourceType: RESOURCE.type,
            resourceId: noteId,
            participantId: note.participantId,
            purpose,
            details: { revision: row.revision, format: input.format },
          },
          at,
        );
        return row;
      });
      if (!saved) throw await saveRefusal(actor, noteId);
      return viewOf(saved as notes.NoteRow & { participantId: string }, canWrite);
    },

    /**
     * Sign as author: every missing part is named (NOTE_INCOMPLETE, one field each), checked before
     * the password is asked for and again on what is stored with the note locked; the signature covers
     * the format and the content.
     */
    async sign(
      actor: Actor,
      noteId: string,
      input: NoteSignInput,
      context: AuditContext,
    ): Promise<SessionNoteView> {
      const action = "clinical_note.sign";
      const at = now();
      const { note, purpose, canWrite } = await draftToWrite(actor, noteId, action, context, at);
      if (note.revision !== input.revision) throw await saveRefusal(actor, noteId);
      const assertComplete = async (q: Queryable, row: notes.NoteRow) => {
        const current = await currentObjectives(q, note.participantId);
        const issues = sessionNoteSigningIssues({
          ended: now().getTime() >= row.endsAt.getTime(),
          format: noteFormatSchema.parse(row.format),
          content: sessionNoteContentSchema.parse(row.content),
          currentObjectiveIds: new Set(current.objectives.map((o) => o.objectiveId)),
        });
        if (issues.length === 0) return;
        throw new DomainError(
          "NOTE_INCOMPLETE",
          issues.length === 1
            ? `This note cannot be signed yet: ${issues[0]!.message}`
            : `This note cannot be signed yet: ${issues.length} parts are missing.`,
          issues.map((issue) => ({ path: issue.field, message: issue.message })),
        );
      };
      await assertComplete(db, note);
      const participantIds = [note.participantId];
      const signed = await signAsAuthor(actor, note, input, {
        check: assertComplete,
        signedContent: async (_tx, current) =>
          sessionNoteSignedContent(
            noteFormatSchema.parse(current.format),
            sessionNoteContentSchema.parse(current.content),
          ),
        participantIds,
        purpose,
        context,
      });
      if (signed.status === "signed") {
        // Signed without co-signature: the note's unsigned-note alerts no longer apply.
        await db.transaction((tx) =>
          resolveSignedNote(
            tx,
            { noteId: signed.id, participantIds, signedBy: actor.user.id },
            context,
            now(),
          ),
        );
      }
      return viewOf(signed as notes.NoteRow & { participantId: string }, canWrite);
    },
  };
}

export type SessionNotesService = ReturnType<typeof createSessionNotesService>;
