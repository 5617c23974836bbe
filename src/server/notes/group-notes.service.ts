import { can } from "../../core/access/access.rules";
import type { Permission } from "../../core/access/permissions";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { deriveEffectiveLibrary } from "../../core/curriculum/curriculum.rules";
import { findClonedEntries } from "../../core/notes/entry-similarity.rules";
import { entryTextForCloneCheck } from "../../core/notes/group-entry-text.rules";
import type {
  DraftSaved,
  GroupNoteEntrySave,
  GroupNoteSharedSave,
} from "../../core/notes/group-notes-api.schema";
import { attended, groupNoteSignedContent, groupNoteSigningIssues } from "../../core/notes/note.rules";
import {
  type GroupSharedContent,
  groupEntryContentSchema,
  groupSharedContentSchema,
  type NoteSignInput,
} from "../../core/notes/note.schema";
import type { GroupNoteScreen } from "../../core/notes/notes-api.schema";
import { DomainError } from "../../core/platform/errors";
import type { Occurrence } from "../../core/schedule/recurrence.rules";
import { loadParticipantFacts } from "../access/access.service";
import { findOccurrence } from "../attendance/attendance.service";
import * as attendanceStore from "../attendance/attendance.sql";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import { findPlanned, listLatestVersions } from "../curriculum/curriculum.sql";
import type { ShippedCurriculum } from "../curriculum/curriculum-library";
import type { Database, Queryable } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { currentObjectives } from "../treatment-plans/plans.service";
import { findNames } from "../treatment-plans/plans.sql";
import * as store from "./group-notes.sql";
import type { NoteAlertsService } from "./note-alerts.service";
import type { NoteSigning } from "./note-signing";
import { loadNoteExtras, noteStateOf } from "./note-views";
import * as notes from "./notes.sql";
import { readNotesSettings } from "./notes-settings.repo";

/**
 * Group notes, one screen per session (issue 8): the shared part written once and an individualized
 * entry for each participant on the roster, autosaved under optimistic locking (the shared part on
 * the note's revision, each entry on its own), the cloned-entry check, and the author's signature.
 *
 * Who may open a session's note. The screen shows every participant on the roster, so the actor must
 * hold clinical.view (to read) or clinical.write (to write and sign) at the track's site, and then
 * either run this session — the track's facilitators, or the substitutes named for this occurrence —
 * or have written the note, or be allowed by the one policy (`can`) on every participant on the
 * roster (staff with a site-wide grant; a counselor on each person's care team). A facilitator's
 * access therefore does not depend on the counselor_scope setting: running the group is the treatment
 * relationship with everyone in it, as taking attendance is. A counselor limited to their care team
 * who does not run the session may not open it, even for their own clients, because it would show
 * the others; they read their clients' entries in each chart once signed.
 *
 * Every read and write of the note is audited once per participant it concerns.
 */

interface Session {
  track: attendanceStore.TrackRow;
  occurrence: Occurrence;
  /** Purpose of the access for each participant on the roster (break-the-glass where that applied). */
  purposes: Map<string, AuditPurpose>;
  roster: RosterPerson[];
  note: notes.NoteRow | undefined;
  /** May write (clinical.write on the session), whatever the note's state. */
  writer: boolean;
}

interface RosterPerson {
  participantId: string;
  givenName: string;
  familyName: string;
  preferredName: string;
  episodeId: string | null;
}

const fullName = (p: RosterPerson) => `${p.givenName} ${p.familyName}`;

export function createGroupNotesService(deps: {
  db: Database;
  now: () => Date;
  shipped: ShippedCurriculum;
  signAsAuthor: NoteSigning["signAsAuthor"];
  /** Resolves a note's unsigned-note alerts once it is signed (note-alerts.service.ts). */
  resolveSignedNote: NoteAlertsService["resolveSignedNote"];
}) {
  const { db, now, shipped, signAsAuthor, resolveSignedNote } = deps;

  async function rosterOf(
    q: Queryable,
    track: attendanceStore.TrackRow,
    occurrence: Occurrence,
    note: notes.NoteRow | undefined,
  ): Promise<RosterPerson[]> {
    const enrolled = await store.listEnrolledWithEpisode(q, track.id, occurrence.date);
    const onRoster = new Set(enrolled.map((r) => r.participant_id));
    // Someone whose entry was written and whose enrollment changed since keeps their entry on the screen.
    const holders = note ? (await store.listEntries(q, note.id)).map((e) => e.participantId) : [];
    const others = await store.listPeople(
      q,
      holders.filter((id) => !onRoster.has(id)),
    );
    return [...enrolled, ...others].map((r) => ({
      participantId: r.participant_id,
      givenName: r.given_name,
      familyName: r.family_name,
      preferredName: r.preferred_name,
      episodeId: r.episode_id,
    }));
  }

  /** Who runs the occurrence: the substitutes named for it, otherwise the track's facilitators. */
  async function runnersOf(trackId: string, occurrence: Occurrence): Promise<string[]> {
    if (occurrence.exception?.kind === "substitute") return occurrence.exception.facilitatorIds;
    return store.listStandingFacilitators(db, trackId);
  }

  async function denied(context: AuditContext, action: string, trackId: string, reason: string) {
    await recordAudit(
      db,
      context,
      {
        action,
        resourceType: "track_occurrence",
        resourceId: trackId,
        purpose: "treatment",
        outcome: "denied",
        details: { reason },
      },
      now(),
    );
    return new DomainError(
      "AUTH_FORBIDDEN",
      "Only the staff who run this session, or whose access covers everyone on its roster, can open its group note.",
    );
  }

  /** The session, its roster and note, when the actor may act on it with `permission` (see the file comment). */
  async function sessionFor(
    actor: Actor,
    trackId: string,
    key: string,
    permission: Permission,
    action: string,
    context: AuditContext,
  ): Promise<Session> {
    const at = now();
    if (actor.user.kind !== "staff") throw new DomainError("AUTH_FORBIDDEN");
    const track = await attendanceStore.findTrackById(db, trackId);
    if (!track) throw new DomainError("NOT_FOUND", "No such track.");
    const atSite = can(actor.access, permission, { type: "site", siteId: track.site_id }, at);
    if (!atSite.allowed) {
      // Staff of another site learn nothing of the track; a missing permission is refused and audited.
      if (atSite.reason === "no_permission") throw await denied(context, action, trackId, "no_permission");
      throw new DomainError("NOT_FOUND", "No such track.");
    }
    const occurrence = findOccurrence(
      track,
      await attendanceStore.listExceptionsByTracks(db, [track.id]),
      key,
    );
    const note = await notes.findNoteByGroupSession(db, track.id, occurrence.key);
    const roster = await rosterOf(db, track, occurrence, note);
    const runs =
      (await runnersOf(track.id, occurrence)).includes(actor.user.id) || note?.authorId === actor.user.id;
    const purposes = new Map<string, AuditPurpose>();
    let coversEveryone = true;
    for (const person of roster) {
      const facts = await loadParticipantFacts(db, actor.access, person.participantId, at);
      const decision = facts ? can(actor.access, permission, facts, at) : undefined;
      if (decision?.allowed) purposes.set(person.participantId, decision.purpose);
      else {
        coversEveryone = false;
        purposes.set(person.participantId, "treatment");
      }
    }
    if (!runs && !coversEveryone) throw await denied(context, action, trackId, "not_facilitator");
    const writer =
      permission === "clinical.write" ||
      can(actor.access, "clinical.write", { type: "site", siteId: track.site_id }, at).allowed;
    return { track, occurrence, purposes, roster, note, writer };
  }

  const auditEach = (
    session: Session,
    participantIds: readonly string[],
    action: string,
    details: Record<string, string | number | boolean | null>,
  ): AuditEntry[] =>
    participantIds.length === 0
      ? [
          {
            action,
            resourceType: "clinical_note",
            resourceId: session.note?.id ?? null,
            purpose: "treatment",
            details: { trackId: session.track.id, occurrenceKey: session.occurrence.key, ...details },
          },
        ]
      : participantIds.map((participantId) => ({
          action,
          resourceType: "clinical_note",
          resourceId: session.note?.id ?? null,
          participantId,
          purpose: session.purposes.get(participantId) ?? "treatment",
          details: { trackId: session.track.id, occurrenceKey: session.occurrence.key, ...details },
        }));

  function timesOf(occurrence: Occurrence): { startsAt: Date; endsAt: Date } {
    if (occurrence.startsAt === null) throw new DomainError("ATTENDANCE_OCCURRENCE_TIME_MISSING");
    return { startsAt: new Date(occurrence.startsAt), endsAt: new Date(occurrence.endsAt) };
  }

  async function libraryOf() {
    return deriveEffectiveLibrary(shipped.list(), await listLatestVersions(db));
  }

  /** The module the session is planned with, titled in the viewer's language (else English). */
  async function plannedModuleOf(trackId: string, key: string, language: "en" | "es") {
    const planned = await findPlanned(db, trackId, key);
    if (!planned) return null;
    const entry = (await libraryOf()).find((e) => e.key === planned.moduleKey);
    if (!entry) return { key: planned.moduleKey, version: 0, title: planned.moduleKey };
    const title = entry.module.title[language]?.trim() || entry.module.title.en;
    return { key: entry.key, version: entry.version, title };
  }

  /** A module named in the shared part must be in the library. */
  async function checkModule(shared: GroupSharedContent) {
    if (shared.moduleKey === null) return;
    const key = shared.moduleKey;
    if (!(await libraryOf()).some((e) => e.key === key)) {
      throw new DomainError(
        "VALIDATION_FAILED",
        "The library has no module with this key.",
        "shared.moduleKey",
      );
    }
  }

  async function screenOf(actor: Actor, session: Session): Promise<GroupNoteScreen> {
    const { track, occurrence, note, roster } = session;
    const { startsAt, endsAt } = timesOf(occurrence);
    const at = now();
    const ids = roster.map((p) => p.participantId);
    const [marks, entries, objectives, extras, plannedModule] = await Promise.all([
      attendanceStore.listMarksOfOccurrence(db, track.id, occurrence.key),
      note ? store.listEntries(db, note.id) : Promise.resolve([]),
      Promise.all(ids.map((id) => currentObjectives(db, id))),
      note ? loadNoteExtras(db, [note]) : Promise.resolve(undefined),
      plannedModuleOf(track.id, occurrence.key, actor.user.locale),
    ]);
    const markOf = new Map(marks.map((m) => [m.participant_id, m]));
    const entryOf = new Map(entries.map((e) => [e.participantId, e]));
    const started = at.getTime() >= startsAt.getTime();
    const editableState = note ? note.status === "draft" : started && occurrence.status !== "cancelled";
    return {
      track: { id: track.id, name: track.name, siteId: track.site_id },
      occurrenceKey: occurrence.key,
      sessionDate: occurrence.date,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      plannedModule,
      ended: at.getTime() >= endsAt.getTime(),
      note:
        note && extras
          ? {
              ...noteStateOf(note, extras.get(note.id)!),
              shared: groupSharedContentSchema.parse(note.content),
            }
          : null,
      roster: roster.map((person, i) => {
        const mark = markOf.get(person.participantId);
        const entry = entryOf.get(person.participantId);
        const plan = objectives[i]!;
        return {
          participantId: person.participantId,
          name: fullName(person),
          preferredName: person.preferredName.trim() === "" ? null : person.preferredName,
          attendance: mark
            ? {
                status: mark.status as NonNullable<GroupNoteScreen["roster"][number]["attendance"]>["status"],
                minutesAttended: mark.minutes_attended,
                sessionMinutes: mark.session_minutes,
                telehealth: mark.telehealth,
              }
            : null,
          attended: attended(mark?.status),
          entry: entry
            ? {
                id: entry.id,
                revision: entry.revision,
                content: groupEntryContentSchema.parse(entry.content),
              }
            : null,
          hasSignedPlan: plan.hasSignedPlan,
          objectives: plan.objectives.map((o) => ({
            objectiveId: o.objectiveId,
            statement: o.statement,
            problemTitle: o.problem.title,
          })),
        };
      }),
      canEdit: session.writer && editableState,
    };
  }

  /** The group note and the session it belongs to, for the routes under /group-notes/:noteId. */
  async function sessionOfNote(
    actor: Actor,
    noteId: string,
    permission: Permission,
    action: string,
    context: AuditContext,
  ) {
    const note = await notes.findNote(db, noteId);
    if (note?.kind !== "group" || !note.trackId || !note.occurrenceKey) {
      throw new DomainError("NOT_FOUND", "No such group note.");
    }
    return sessionFor(actor, note.trackId, note.occurrenceKey, permission, action, context);
  }

  async function conflict(
    q: Queryable,
    updatedBy: string | null,
    updatedAt: Date,
    revision: number,
    actor: Actor,
  ) {
    const names = updatedBy ? await findNames(q, [updatedBy]) : new Map<string, string>();
    const who =
      updatedBy === actor.user.id
        ? "You saved this in another window"
        : `${(updatedBy && names.get(updatedBy)) || "Someone"} saved this`;
    return new DomainError(
      "NOTE_EDIT_CONFLICT",
      `${who} after you opened it. Your text is kept on this page; reload to see their changes, then apply yours.`,
      "revision",
      { revision, updatedAt: updatedAt.toISOString(), updatedBy },
    );
  }

  /** What signing needs to know of each person on the roster, with their entry and current objectives. */
  /**
   * What signing checks and covers, read through `q` (the signing transaction, with the note locked):
   * each person on the roster with their attendance, entry and current objectives, and every entry.
   */
  async function signingView(q: Queryable, session: Session, note: notes.NoteRow) {
    const [marks, entries] = await Promise.all([
      attendanceStore.listMarksOfOccurrence(q, session.track.id, session.occurrence.key),
      store.listEntries(q, note.id),
    ]);
    const markOf = new Map(marks.map((m) => [m.participant_id, m.status]));
    const entryOf = new Map(entries.map((e) => [e.participantId, groupEntryContentSchema.parse(e.content)]));
    const roster = [];
    for (const person of session.roster) {
      const { objectives } = await currentObjectives(q, person.participantId);
      roster.push({
        participantId: person.participantId,
        displayName: fullName(person),
        attendanceStatus: markOf.get(person.participantId) ?? null,
        entry: entryOf.get(person.participantId) ?? null,
        currentObjectiveIds: new Set(objectives.map((o) => o.objectiveId)),
      });
    }
    return {
      shared: groupSharedContentSchema.parse(note.content),
      roster,
      entries: [...entryOf].map(([participantId, content]) => ({ participantId, content })),
    };
  }

  /** Every missing part, one field each (NOTE_INCOMPLETE), or nothing. */
  function assertComplete(view: Awaited<ReturnType<typeof signingView>>, endsAt: Date): void {
    const issues = groupNoteSigningIssues({
      ended: now().getTime() >= endsAt.getTime(),
      shared: view.shared,
      roster: view.roster,
    });
    if (issues.length === 0) return;
    throw new DomainError(
      "NOTE_INCOMPLETE",
      issues.length === 1
        ? `This note cannot be signed yet: ${issues[0]!.message}`
        : `This note cannot be signed yet: ${issues.length} parts are missing.`,
      issues.map((issue) => ({ path: issue.field, message: issue.message })),
    );
  }

  return {
    /** The session's group-note screen: the note (null before its first save) and the whole roster. */
    async screen(
      actor: Actor,
      trackId: string,
      key: string,
      context: AuditContext,
    ): Promise<GroupNoteScreen> {
      const action = "clinical_note.group_view";
      const session = await sessionFor(actor, trackId, key, "clinical.view", action, context);
      const screen = await screenOf(actor, session);
      await recordAudit(
        db,
        context,
        auditEach(
          session,
          session.roster.map((p) => p.participantId),
          action,
          {},
        ),
        now(),
      );
      return screen;
    },

    /**
     * Autosave the shared part: revision null starts the draft (once the session has begun; never for
     * a cancelled one), otherwise the revision read must still be current.
     */
    async saveShared(
      actor: Actor,
      trackId: string,
      key: string,
      input: GroupNoteSharedSave,
      context: AuditContext,
    ): Promise<DraftSaved> {
      const action = "clinical_note.group_save";
      const session = await sessionFor(actor, trackId, key, "clinical.write", action, context);
      const { track, occurrence } = session;
      const at = now();
      if (occurrence.status === "cancelled") throw new DomainError("NOTE_SESSION_CANCELLED");
      const { startsAt, endsAt } = timesOf(occurrence);
      if (at.getTime() < startsAt.getTime()) throw new DomainError("NOTE_SESSION_NOT_STARTED");
      await checkModule(input.shared);
      return db.transaction(async (tx) => {
        let saved: notes.NoteRow | undefined;
        if (input.revision === null) {
          saved = await notes.insertNote(tx, {
            kind: "group",
            siteId: track.site_id,
            trackId: track.id,
            occurrenceKey: occurrence.key,
            sessionDate: occurrence.date,
            startsAt,
            endsAt,
            content: input.shared,
            authorId: actor.user.id,
            updatedBy: actor.user.id,
            updatedAt: at,
            createdAt: at,
          });
          if (!saved) {
            const existing = await notes.findNoteByGroupSession(tx, track.id, occurrence.key);
            throw await conflict(
              tx,
              existing?.updatedBy ?? null,
              existing?.updatedAt ?? at,
              existing?.revision ?? 1,
              actor,
            );
          }
        } else {
          const current = session.note;
          if (!current) throw new DomainError("NOT_FOUND", "This session has no note yet.", "revision");
          saved = await notes.updateNoteDraft(tx, current.id, input.revision, {
            content: input.shared,
            updatedBy: actor.user.id,
            updatedAt: at,
          });
          if (!saved) {
            const latest = await notes.findNote(tx, current.id);
            if (latest && latest.status !== "draft") throw new DomainError("NOTE_LOCKED");
            throw await conflict(
              tx,
              latest?.updatedBy ?? null,
              latest?.updatedAt ?? at,
              latest?.revision ?? 1,
              actor,
            );
          }
        }
        await appendAudit(
          tx,
          context,
          auditEach(
            { ...session, note: saved },
            session.roster.map((p) => p.participantId),
            action,
            { part: "shared", revision: saved.revision },
          ),
          at,
        );
        return { id: saved.id, revision: saved.revision, updatedAt: saved.updatedAt.toISOString() };
      });
    },

    /** Autosave one participant's entry under its own revision (null writes their first entry). */
    async saveEntry(
      actor: Actor,
      noteId: string,
      participantId: string,
      input: GroupNoteEntrySave,
      context: AuditContext,
    ): Promise<DraftSaved> {
      const action = "clinical_note.group_entry_save";
      const session = await sessionOfNote(actor, noteId, "clinical.write", action, context);
      const note = session.note!;
      if (note.status !== "draft") throw new DomainError("NOTE_LOCKED");
      const person = session.roster.find((p) => p.participantId === participantId);
      if (!person) throw new DomainError("NOTE_NOT_ON_ROSTER", undefined, "participantId");
      const current = new Set(
        (await currentObjectives(db, participantId)).objectives.map((o) => o.objectiveId),
      );
      const strangers = input.content.objectives.flatMap((o, i) =>
        current.has(o.objectiveId)
          ? []
          : [
              {
                path: `content.objectives.${i}.objectiveId`,
                message: `${fullName(person)}: this objective is not in their current treatment plan. Pick one from the current plan.`,
              },
            ],
      );
      if (strangers.length > 0) {
        throw new DomainError("NOTE_OBJECTIVE_NOT_IN_PLAN", strangers[0]!.message, strangers);
      }
      const at = now();
      return db.transaction(async (tx) => {
        const locked = await notes.findNoteForUpdate(tx, note.id);
        if (locked?.status !== "draft") throw new DomainError("NOTE_LOCKED");
        const existing = await store.findEntry(tx, note.id, participantId);
        let saved: store.EntryRow | undefined;
        if (input.revision === null) {
          if (existing)
            throw await conflict(tx, existing.updatedBy, existing.updatedAt, existing.revision, actor);
          const episodeId = person.episodeId;
          if (!episodeId) throw new DomainError("NOTE_NOT_ON_ROSTER", undefined, "participantId");
          saved = await store.insertEntry(tx, {
            noteId: note.id,
            participantId,
            episodeId,
            content: input.content,
            updatedBy: actor.user.id,
            updatedAt: at,
          });
        } else {
          if (!existing) throw new DomainError("NOT_FOUND", "This participant has no entry yet.", "revision");
          saved = await store.updateEntryIf(tx, existing.id, input.revision, {
            content: input.content,
            updatedBy: actor.user.id,
            updatedAt: at,
          });
        }
        if (!saved) {
          const latest = await store.findEntry(tx, note.id, participantId);
          throw await conflict(
            tx,
            latest?.updatedBy ?? null,
            latest?.updatedAt ?? at,
            latest?.revision ?? 1,
            actor,
          );
        }
        await appendAudit(
          tx,
          context,
          auditEach(session, [participantId], action, { part: "entry", revision: saved.revision }),
          at,
        );
        return { id: saved.id, revision: saved.revision, updatedAt: saved.updatedAt.toISOString() };
      });
    },

    /**
     * The cloned-entry check over the note's entries (see group-entry-text.rules.ts for what of an
     * entry is compared) and each participant's earlier group entries, with the program's threshold.
     */
    async clonedEntries(actor: Actor, noteId: string, context: AuditContext) {
      const action = "clinical_note.clone_check";
      const session = await sessionOfNote(actor, noteId, "clinical.view", action, context);
      const note = session.note!;
      const settings = await readNotesSettings(db);
      const entries = (await store.listEntries(db, note.id)).map((e) => ({
        participantId: e.participantId,
        text: entryTextForCloneCheck(groupEntryContentSchema.parse(e.content)),
      }));
      const ids = entries.map((e) => e.participantId);
      const previous = (
        await store.listPreviousEntries(db, ids, note.startsAt, note.id, settings.clonePreviousEntries)
      ).map((row) => ({
        participantId: row.participant_id,
        noteId: row.note_id,
        text: entryTextForCloneCheck(groupEntryContentSchema.parse(row.content)),
      }));
      const namesByParticipant = Object.fromEntries(
        session.roster.map((p) => [
          p.participantId,
          [p.givenName, p.familyName, p.preferredName].filter((n) => n.trim() !== ""),
        ]),
      );
      const findings = findClonedEntries({
        entries,
        previous,
        threshold: settings.cloneThreshold,
        namesByParticipant,
      });
      await recordAudit(db, context, auditEach(session, ids, action, { findings: findings.length }), now());
      return { threshold: settings.cloneThreshold, findings };
    },

    /**
     * Sign as author: every missing part is named (NOTE_INCOMPLETE, one field each); then the
     * signature covers the shared part and every entry, and the note is locked.
     */
    async sign(
      actor: Actor,
      noteId: string,
      input: NoteSignInput,
      context: AuditContext,
    ): Promise<GroupNoteScreen> {
      const action = "clinical_note.sign";
      const session = await sessionOfNote(actor, noteId, "clinical.write", action, context);
      const note = session.note!;
      if (note.status !== "draft") throw new DomainError("NOTE_LOCKED");
      const { endsAt } = timesOf(session.occurrence);
      // Checked before asking for the password, and again on what is stored once the note is locked.
      const view = await signingView(db, session, note);
      assertComplete(view, endsAt);
      const participantIds = [
        ...new Set([
          ...session.roster.map((p) => p.participantId),
          ...view.entries.map((e) => e.participantId),
        ]),
      ];
      const signed = await signAsAuthor(actor, note, input, {
        check: async (tx, current) => assertComplete(await signingView(tx, session, current), endsAt),
        signedContent: async (tx, current) => {
          const stored = await signingView(tx, session, current);
          return groupNoteSignedContent(stored.shared, stored.entries);
        },
        participantIds,
        purpose: "treatment",
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
      return screenOf(actor, { ...session, note: signed });
    },
  };
}
export type GroupNotesService = ReturnType<typeof createGroupNotesService>;
