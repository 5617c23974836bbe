import { can } from "../../core/access/access.rules";
import type { AuditPurpose } from "../../core/audit/audit.schema";
import { deriveEffectiveLibrary, type EffectiveModule } from "../../core/curriculum/curriculum.rules";
import type { ModuleLanguage } from "../../core/curriculum/module.schema";
import { addDays } from "../../core/platform/dates";
import { DomainError } from "../../core/platform/errors";
import {
  attendedForPractice,
  deriveAssignments,
  nextSessionAfter,
  type PracticeSession,
  practiceOpen,
  previousSessionBefore,
  type SessionTiming,
} from "../../core/practice/practice.rules";
import type { MyPractice, PracticeDoneInput, PracticeReflections } from "../../core/practice/practice.schema";
import { expandSeries, type Occurrence } from "../../core/schedule/recurrence.rules";
import { loadParticipantFacts } from "../access/access.service";
import { findOccurrence } from "../attendance/attendance.service";
import * as attendanceStore from "../attendance/attendance.sql";
import { type AuditContext, type AuditEntry, appendAudit, recordAudit } from "../audit/audit.service";
import { findPlanned, listLatestVersions, namesOf } from "../curriculum/curriculum.sql";
import type { ShippedCurriculum } from "../curriculum/curriculum-library";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import { listEnrolledWithEpisode, listStandingFacilitators } from "../notes/group-notes.sql";
import { seriesExceptionOf, seriesOfTrack } from "../schedule/track-series";
import * as store from "./practice.sql";

/**
 * Practice between sessions (issue 9, item 5). A participant's assignments come from the groups they
 * attended that were planned with a curriculum module (practice.rules.ts decides which, which one is
 * current and how long each stays open); they mark one done with a short reflection, change it or
 * undo it until the group meets again.
 *
 * The facilitator's view of a session shows its roster's reflections on the practice of the group's
 * session before it. Who may open it follows the group note (group-notes.service.ts): clinical.view
 * at the track's site and either running this session (the track's facilitators or the substitutes
 * named for it) or being allowed by the one policy on every participant on the roster.
 *
 * Reads and writes are audited: the participant's as "self", staff's once per participant concerned.
 */

/** How many attended sessions with a module the participant's page lists. */
const ASSIGNMENTS_SHOWN = 8;
/** A moved session keeps its key; its schedule is looked up this far either side. */
const SEARCH_DAYS = 46;

const RESOURCE = "practice_completion";

function timingOf(o: Occurrence): SessionTiming {
  return { key: o.key, date: o.date, startsAt: o.startsAt, status: o.status };
}

const textIn = (text: { en: string; es: string }, language: ModuleLanguage) =>
  text[language]?.trim() || text.en;

export function createPracticeService(deps: { db: Database; now: () => Date; shipped: ShippedCurriculum }) {
  const { db, now, shipped } = deps;

  async function library(): Promise<EffectiveModule[]> {
    return deriveEffectiveLibrary(shipped.list(), await listLatestVersions(db));
  }

  /** The group's sessions around `key` (its schedule with its exceptions). */
  async function sessionsAround(track: attendanceStore.TrackRow, key: string): Promise<SessionTiming[]> {
    const exceptions = await attendanceStore.listExceptionsByTracks(db, [track.id]);
    const date = key.slice(0, 10);
    return expandSeries(
      seriesOfTrack(track),
      exceptions.map(seriesExceptionOf),
      addDays(date, -SEARCH_DAYS),
      addDays(date, SEARCH_DAYS),
    ).map(timingOf);
  }

  function participantOf(actor: Actor): string {
    if (actor.user.kind !== "participant" || !actor.access.participantId)
      throw new DomainError("AUTH_FORBIDDEN", "Practice belongs to a participant's own area.");
    return actor.access.participantId;
  }

  async function assignmentsOf(participantId: string, language: ModuleLanguage): Promise<MyPractice> {
    const at = now();
    const rows = await store.listAttendedWithModule(db, participantId, ASSIGNMENTS_SHOWN);
    const sessions: (PracticeSession & { track: { id: string; name: string }; date: string })[] = [];
    for (const row of rows) {
      const around = await sessionsAround(row, row.occurrence_key);
      const self = around.find((o) => o.key === row.occurrence_key);
      if (!self?.startsAt) continue;
      sessions.push({
        trackId: row.id,
        track: { id: row.id, name: row.name },
        occurrenceKey: row.occurrence_key,
        date: self.date,
        startsAt: self.startsAt,
        moduleKey: row.module_key,
        nextStartsAt: nextSessionAfter(around, row.occurrence_key)?.startsAt ?? null,
      });
    }
    const [modules, completions] = await Promise.all([
      library(),
      store.listCompletionsOfParticipant(db, participantId, [...new Set(sessions.map((s) => s.trackId))]),
    ]);
    const assignments = deriveAssignments(sessions, at, ASSIGNMENTS_SHOWN).flatMap((a) => {
      const entry = modules.find((m) => m.key === a.moduleKey);
      if (!entry) return [];
      const done = completions.find((c) => c.trackId === a.trackId && c.occurrenceKey === a.occurrenceKey);
      const m = entry.module;
      return [
        {
          track: a.track,
          occurrenceKey: a.occurrenceKey,
          sessionDate: a.date,
          module: {
            key: entry.key,
            title: textIn(m.title, language),
            handoutTitle: textIn(m.handout.title, language),
            handout: textIn(m.handout.body, language),
            practice: textIn(m.practiceAssignment, language),
            skills: m.skills.map((s) => textIn(s.name, language)),
          },
          current: a.current,
          open: a.open,
          closesAt: a.nextStartsAt,
          done: done ? { completedAt: done.completedAt.toISOString(), reflection: done.reflection } : null,
        },
      ];
    });
    return { assignments };
  }

  /** The session's module when the participant attended it and it is still open; else a clear refusal. */
  async function openPracticeOf(participantId: string, trackId: string, key: string) {
    const track = await attendanceStore.findTrackById(db, trackId);
    if (!track) throw new DomainError("NOT_FOUND", "There is no such group.");
    const status = await store.findMarkStatus(db, trackId, key, participantId);
    if (!status || !attendedForPractice(status)) throw new DomainError("PRACTICE_NOT_ATTENDED");
    const planned = await findPlanned(db, trackId, key);
    if (!planned) throw new DomainError("PRACTICE_NO_MODULE");
    const next = nextSessionAfter(await sessionsAround(track, key), key);
    if (!practiceOpen(next?.startsAt ?? null, now())) throw new DomainError("PRACTICE_CLOSED");
    return planned.moduleKey;
  }

  /** The language asked for (the page's), else the account's. */
  const languageOf = (actor: Actor, asked?: ModuleLanguage): ModuleLanguage =>
    asked ?? (actor.user.locale === "es" ? "es" : "en");

  // ---- the facilitator's view ----------------------------------------------------------------------

  interface Session {
    track: attendanceStore.TrackRow;
    occurrence: Occurrence;
    roster: { participantId: string; name: string }[];
    purposes: Map<string, AuditPurpose>;
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
      "Only the staff who run this session, or whose access covers everyone on its roster, can read its practice reflections.",
    );
  }

  async function sessionFor(
    actor: Actor,
    trackId: string,
    key: string,
    action: string,
    context: AuditContext,
  ) {
    const at = now();
    if (actor.user.kind !== "staff") throw new DomainError("AUTH_FORBIDDEN");
    const track = await attendanceStore.findTrackById(db, trackId);
    if (!track) throw new DomainError("NOT_FOUND", "No such track.");
    const atSite = can(actor.access, "clinical.view", { type: "site", siteId: track.site_id }, at);
    if (!atSite.allowed) {
      if (atSite.reason === "no_permission") throw await denied(context, action, trackId, "no_permission");
      throw new DomainError("NOT_FOUND", "No such track.");
    }
    const occurrence = findOccurrence(
      track,
      await attendanceStore.listExceptionsByTracks(db, [track.id]),
      key,
    );
    const enrolled = await listEnrolledWithEpisode(db, track.id, occurrence.date);
    const runners =
      occurrence.exception?.kind === "substitute"
        ? occurrence.exception.facilitatorIds
        : await listStandingFacilitators(db, track.id);
    const purposes = new Map<string, AuditPurpose>();
    let coversEveryone = true;
    for (const person of enrolled) {
      const facts = await loadParticipantFacts(db, actor.access, person.participant_id, at);
      const decision = facts ? can(actor.access, "clinical.view", facts, at) : undefined;
      if (decision?.allowed) purposes.set(person.participant_id, decision.purpose);
      else {
        coversEveryone = false;
        purposes.set(person.participant_id, "treatment");
      }
    }
    if (!runners.includes(actor.user.id) && !coversEveryone)
      throw await denied(context, action, trackId, "not_facilitator");
    const roster = enrolled.map((p) => ({
      participantId: p.participant_id,
      name: `${p.preferred_name || p.given_name} ${p.family_name}`,
    }));
    return { track, occurrence, roster, purposes } satisfies Session;
  }

  async function reflectionsOf(session: Session, language: ModuleLanguage): Promise<PracticeReflections> {
    const { track, occurrence, roster } = session;
    const previous = previousSessionBefore(await sessionsAround(track, occurrence.key), occurrence.key);
    const base = { track: { id: track.id, name: track.name }, occurrenceKey: occurrence.key };
    if (!previous) {
      return {
        ...base,
        previous: null,
        people: roster.map((p) => ({ ...p, attended: false, completion: null })),
      };
    }
    const ids = roster.map((p) => p.participantId);
    const [planned, marks, completions] = await Promise.all([
      findPlanned(db, track.id, previous.key),
      attendanceStore.listMarksOfOccurrence(db, track.id, previous.key),
      store.listCompletionsOfSession(db, track.id, previous.key, ids),
    ]);
    const entry = planned ? (await library()).find((m) => m.key === planned.moduleKey) : undefined;
    const readers = await namesOf(
      db,
      completions.map((c) => c.readBy),
    );
    const attended = new Set(marks.filter((m) => attendedForPractice(m.status)).map((m) => m.participant_id));
    return {
      ...base,
      previous: {
        occurrenceKey: previous.key,
        sessionDate: previous.date,
        module: planned
          ? {
              key: planned.moduleKey,
              title: entry ? textIn(entry.module.title, language) : planned.moduleKey,
            }
          : null,
      },
      people: roster.map((p) => {
        const c = completions.find((x) => x.participantId === p.participantId);
        return {
          ...p,
          attended: attended.has(p.participantId),
          completion: c
            ? {
                id: c.id,
                reflection: c.reflection,
                completedAt: c.completedAt.toISOString(),
                readAt: c.readAt?.toISOString() ?? null,
                readBy: c.readBy ? { id: c.readBy, name: readers.get(c.readBy) ?? "" } : null,
              }
            : null,
        };
      }),
    };
  }

  const auditEach = (session: Session, participantIds: readonly string[], action: string): AuditEntry[] => {
    const details = { trackId: session.track.id, occurrenceKey: session.occurrence.key };
    return participantIds.length === 0
      ? [{ action, resourceType: RESOURCE, purpose: "treatment", details }]
      : participantIds.map((participantId) => ({
          action,
          resourceType: RESOURCE,
          participantId,
          purpose: session.purposes.get(participantId) ?? "treatment",
          details,
        }));
  };

  return {
    /** The signed-in participant's practice, newest first. */
    async myPractice(
      actor: Actor,
      language: ModuleLanguage | undefined,
      context: AuditContext,
    ): Promise<MyPractice> {
      const participantId = participantOf(actor);
      const result = await assignmentsOf(participantId, languageOf(actor, language));
      await recordAudit(
        db,
        context,
        { action: "practice.my_list", resourceType: RESOURCE, participantId, purpose: "self" },
        now(),
      );
      return result;
    },

    /** Mark a session's practice done (or change the reflection) while it is open. */
    async markDone(
      actor: Actor,
      trackId: string,
      key: string,
      input: PracticeDoneInput,
      language: ModuleLanguage | undefined,
      context: AuditContext,
    ): Promise<MyPractice> {
      const participantId = participantOf(actor);
      const moduleKey = await openPracticeOf(participantId, trackId, key);
      const at = now();
      await db.transaction(async (tx) => {
        const id = await store.upsertCompletion(tx, {
          participantId,
          trackId,
          occurrenceKey: key,
          moduleKey,
          reflection: input.reflection,
          completedAt: at,
        });
        await appendAudit(
          tx,
          context,
          {
            action: "practice.complete",
            resourceType: RESOURCE,
            resourceId: id,
            participantId,
            purpose: "self",
            details: { trackId, occurrenceKey: key, reflectionLength: input.reflection.length },
          },
          at,
        );
      });
      return assignmentsOf(participantId, languageOf(actor, language));
    },

    /** Undo "done" while the practice is open (the reflection goes with it). */
    async undo(
      actor: Actor,
      trackId: string,
      key: string,
      language: ModuleLanguage | undefined,
      context: AuditContext,
    ): Promise<MyPractice> {
      const participantId = participantOf(actor);
      await openPracticeOf(participantId, trackId, key);
      const at = now();
      await db.transaction(async (tx) => {
        const id = await store.deleteCompletion(tx, participantId, trackId, key);
        await appendAudit(
          tx,
          context,
          {
            action: "practice.undo",
            resourceType: RESOURCE,
            resourceId: id ?? null,
            participantId,
            purpose: "self",
            details: { trackId, occurrenceKey: key, removed: id !== undefined },
          },
          at,
        );
      });
      return assignmentsOf(participantId, languageOf(actor, language));
    },

    /** A session's roster with their reflections on the practice of the group's session before it. */
    async reflections(
      actor: Actor,
      trackId: string,
      key: string,
      context: AuditContext,
    ): Promise<PracticeReflections> {
      const action = "practice.reflections_view";
      const session = await sessionFor(actor, trackId, key, action, context);
      const view = await reflectionsOf(session, languageOf(actor));
      const concerned = view.people.filter((p) => p.completion).map((p) => p.participantId);
      await recordAudit(db, context, auditEach(session, concerned, action), now());
      return view;
    },

    /** Mark reflections read (those of this session's roster on the previous session's practice). */
    async markRead(
      actor: Actor,
      trackId: string,
      key: string,
      completionIds: readonly string[],
      context: AuditContext,
    ): Promise<PracticeReflections> {
      const action = "practice.reflection_read";
      const session = await sessionFor(actor, trackId, key, action, context);
      const previous = previousSessionBefore(
        await sessionsAround(session.track, key),
        session.occurrence.key,
      );
      const at = now();
      if (previous) {
        await db.transaction(async (tx) => {
          const read = await store.markRead(tx, {
            ids: completionIds,
            trackId,
            occurrenceKey: previous.key,
            participantIds: session.roster.map((p) => p.participantId),
            readBy: actor.user.id,
            readAt: at,
          });
          await appendAudit(
            tx,
            context,
            auditEach(
              session,
              read.map((r) => r.participantId),
              action,
            ),
            at,
          );
        });
      } else {
        await recordAudit(db, context, auditEach(session, [], action), at);
      }
      return reflectionsOf(session, languageOf(actor));
    },
  };
}

export type PracticeService = ReturnType<typeof createPracticeService>;
