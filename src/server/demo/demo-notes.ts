import { createHash } from "node:crypto";
import { DEMO_TRACKS, type DemoScale, SCALE_SPECS } from "../../core/demo/demo-plan";
import { type DemoSession, expandDemoSessions } from "../../core/demo/demo-sessions";
import { modulesForTrack } from "../../core/demo/module-plan";
import type {
  AppointmentInput,
  GroupSessionInput,
  NoteLifecycle,
  NoteModule,
  NoteStoryOptions,
  SignedPlanVersion,
  StoryParticipant,
} from "../../core/demo/note-lifecycle";
import { planGroupNotes } from "../../core/demo/note-stories";
import { planCounselingNotes, planSessionNotes } from "../../core/demo/session-note-stories";
import {
  addendumSignedContent,
  canonicalJson,
  groupNoteSignedContent,
  sessionNoteSignedContent,
} from "../../core/notes/note.rules";
import { DEFAULT_NOTES_SETTINGS } from "../../core/notes/notes-settings.schema";
import { addDays } from "../../core/platform/dates";
import { loadShippedCurriculum } from "../curriculum/curriculum-library";
import type { Queryable } from "../db/connection";
import { clinicalNoteAddenda, counselingNotes } from "../db/schema";
import { insertRows } from "./demo.sql";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { demoUuid } from "./demo-ids";
import * as store from "./demo-notes.sql";
import { type ProgramRows, participantId, siteId, trackId } from "./demo-rows";

/**
 * The demo's clinical notes written as rows (planned in src/core/demo/note-stories.ts from what the
 * demo already holds): a group note for each past group session with attendance, an individual or
 * family note for each attended appointment, a few SUD counseling notes, their signatures (the
 * author's hash is the one the server computes when signing) and addenda. One site-0 counselor
 * without a sign-in is a supervisee, so the clinical director has notes to co-sign.
 *
 * The benchmark scale keeps the notes to the last two weeks: its rosters run to hundreds per session
 * and a year of them would multiply the rows without telling anything new.
 */

const LARGE_SCALE_DAYS = 14;

/** The supervisee: the third counselor of site 0 (a counselor without a sign-in, who runs a track). */
const SUPERVISEE = { site: 0, counselor: 2 } as const;

const sha256 = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

export interface WrittenNotes {
  groupNotes: number;
  groupEntries: number;
  sessionNotes: number;
  counselingNotes: number;
}

type AddendumRow = typeof clinicalNoteAddenda.$inferInsert;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The lifecycle columns of a note, its signatures (the author's, a supervisor's) and its addenda. */
function lifecycleRows(
  noteId: string,
  life: NoteLifecycle,
  hash: string,
): {
  columns: Pick<
    store.DemoNoteRow,
    | "status"
    | "author_id"
    | "cosigner_user_id"
    | "content_sha256"
    | "late_entry"
    | "created_at"
    | "updated_at"
    | "signed_at"
    | "cosigned_at"
  >;
  signatures: store.DemoSignatureRow[];
  addenda: AddendumRow[];
} {
  const signatures: store.DemoSignatureRow[] = [];
  if (life.signedAtMs !== null) {
    signatures.push({
      note_id: noteId,
      role: "author",
      signer_user_id: life.authorId,
      content_sha256: hash,
      signed_at: iso(life.signedAtMs)!,
    });
    if (life.cosignedAtMs !== null && life.cosignerId !== null)
      signatures.push({
        note_id: noteId,
        role: "supervisor",
        signer_user_id: life.cosignerId,
        content_sha256: hash,
        signed_at: iso(life.cosignedAtMs)!,
      });
  }
  const addenda: AddendumRow[] = life.addenda.map((a) => ({
    noteId,
    entryParticipantId: a.entryParticipantId,
    reason: a.reason,
    body: a.body,
    authorId: a.authorId,
    method: "password",
    contentSha256: sha256(
      addendumSignedContent({
        noteId,
        entryParticipantId: a.entryParticipantId,
        reason: a.reason,
        body: a.body,
      }),
    ),
    createdAt: new Date(a.atMs),
  }));
  return {
    columns: {
      status: life.status,
      author_id: life.authorId,
      cosigner_user_id: life.cosignerId,
      content_sha256: life.status === "draft" ? null : hash,
      late_entry: life.lateEntry,
      created_at: iso(life.createdAtMs)!,
      updated_at: iso(life.updatedAtMs)!,
      signed_at: iso(life.signedAtMs),
      cosigned_at: iso(life.cosignedAtMs),
    },
    signatures,
    addenda,
  };
}

/** The library's modules as notes name them, and each track's modules in teaching order. */
function curriculumForNotes() {
  const library = loadShippedCurriculum().list();
  const byKey = new Map<string, NoteModule>(
    library.map((m) => [
      m.key,
      {
        key: m.key,
        version: 0,
        title: m.title.en,
        category: m.category,
        skills: m.skills.map((s) => s.name.en),
      },
    ]),
  );
  const byTrack = DEMO_TRACKS.map((track) =>
    modulesForTrack(
      library.map((m) => ({ key: m.key, category: m.category, suits: m.suits })),
      track.audience,
      track.name.includes("dual-diagnosis"),
    ).map((m) => byKey.get(m.key)!),
  );
  return { byKey, byTrack };
}

/** The group sessions with marks, each with its times, module (or topic), roster and facilitator. */
async function loadGroupSessions(
  q: Queryable,
  from: string,
  today: string,
  nowMs: number,
  episodeOn: (participantId: string, date: string) => string | null,
): Promise<GroupSessionInput[]> {
  const marks = await store.listMarksSince(q, from);
  const planned = new Map(
    (await store.listPlannedModulesSince(q, from)).map((r) => [
      `${r.track_id}/${r.occurrence_key}`,
      r.module_key,
    ]),
  );
  const curriculum = curriculumForNotes();
  const sessions = new Map<string, { session: DemoSession; index: number; track: number }>();
  DEMO_TRACKS.forEach((_, t) => {
    expandDemoSessions(t, today, from, today)
      .filter((s) => !s.cancelled)
      .forEach((session, index) => {
        sessions.set(`${trackId(t)}/${session.key}`, { session, index, track: t });
      });
  });
  const siteOfTrack = new Map(DEMO_TRACKS.map((t, i) => [trackId(i), siteId(t.site)]));
  const byKey = new Map<string, GroupSessionInput>();
  for (const mark of marks) {
    const key = `${mark.track_id}/${mark.occurrence_key}`;
    const found = sessions.get(key);
    if (!found || found.session.endsAtMs > nowMs) continue;
    let input = byKey.get(key);
    if (!input) {
      const plannedKey = planned.get(key);
      const trackModules = curriculum.byTrack[found.track]!;
      // Sessions before the library was used for planning: the subject of the track's turn is the topic.
      const module =
        (plannedKey ? curriculum.byKey.get(plannedKey) : undefined) ??
        trackModules[(found.track * 5 + found.index) % trackModules.length]!;
      input = {
        trackId: mark.track_id,
        siteId: siteOfTrack.get(mark.track_id)!,
        occurrenceKey: mark.occurrence_key,
        date: found.session.date,
        startsAt: found.session.startsAt,
        endsAt: found.session.endsAt,
        endsAtMs: found.session.endsAtMs,
        minutes: found.session.minutes,
        facilitatorId: mark.recorded_by,
        module,
        planned: plannedKey !== undefined && curriculum.byKey.has(plannedKey),
        roster: [],
      };
      byKey.set(key, input);
    }
    const episodeId = episodeOn(mark.participant_id, found.session.date);
    if (episodeId === null) continue;
    (input.roster as { participantId: string; episodeId: string; status: string }[]).push({
      participantId: mark.participant_id,
      episodeId,
      status: mark.status,
    });
  }
  return [...byKey.values()];
}

/** Plan and write every note. */
export async function writeClinicalNotes(
  q: Queryable,
  options: { seed: number; scale: DemoScale; today: string; now: Date },
  program: ProgramRows,
): Promise<WrittenNotes> {
  const { seed, today, now } = options;
  const nowMs = now.getTime();
  const spec = SCALE_SPECS[options.scale];
  const from = addDays(today, -(spec.bulk ? LARGE_SCALE_DAYS : spec.scheduleDays));
  const directorId = program.users.find((u) => u.email === DEMO_ACCOUNTS[1]!.email)!.id!;
  const superviseeId = program.counselorIds[SUPERVISEE.site]![SUPERVISEE.counselor] ?? null;
  if (superviseeId) await store.markRequiresCosign(q, superviseeId);

  const { episodes, people } = await store.listPeopleSeenSince(q, from);
  const episodesOf = new Map<string, typeof episodes>();
  for (const e of episodes)
    episodesOf.set(e.participant_id, [...(episodesOf.get(e.participant_id) ?? []), e]);
  const episodeOn = (participantId: string, date: string) =>
    episodesOf
      .get(participantId)
      ?.find((e) => e.admitted_on <= date && (e.discharged_on === null || date <= e.discharged_on))?.id ??
    null;
  const participants = new Map<string, StoryParticipant>(
    people.map((p) => [
      p.id,
      {
        id: p.id,
        callName: p.preferred_name.trim() || p.given_name,
        names: [p.given_name, p.family_name, p.preferred_name].filter((n) => n.trim() !== ""),
      },
    ]),
  );
  const plans = new Map<string, SignedPlanVersion[]>();
  for (const v of await store.listSignedPlanVersionsSince(q, from)) {
    const list = plans.get(v.episode_id) ?? [];
    list.push({
      signedAtMs: new Date(v.signed_at).getTime(),
      objectives: (v.problems ?? []).flatMap((p) =>
        (p.objectives ?? []).map((o) => ({ id: o.id, statement: o.statement, status: o.status })),
      ),
    });
    plans.set(v.episode_id, list);
  }
  const storyOptions: NoteStoryOptions = {
    seed,
    nowMs,
    lateEntryHours: DEFAULT_NOTES_SETTINGS.lateEntryHours,
    participants,
    plans,
    supervisorId: directorId,
    superviseeId,
  };

  const groupNotes = planGroupNotes(await loadGroupSessions(q, from, today, nowMs, episodeOn), storyOptions);
  const appointments: AppointmentInput[] = (await store.listAttendedAppointmentsSince(q, from, now)).map(
    (a) => ({
      id: a.id,
      siteId: a.site_id,
      participantId: a.participant_id,
      episodeId: a.episode_id,
      kind: a.kind,
      staffId: a.staff_id,
      primaryCounselorId: a.primary_counselor_id,
      current: a.current,
      date: a.local_date,
      startsAt: new Date(a.starts_at).toISOString(),
      endsAt: new Date(a.ends_at).toISOString(),
      endsAtMs: new Date(a.ends_at).getTime(),
      minutes: Math.round((new Date(a.ends_at).getTime() - new Date(a.starts_at).getTime()) / 60_000),
      telehealth: a.telehealth,
      roomName: a.room_name ?? "",
      family: a.family_attendees.map((f) => ({ name: f.name, relationship: f.relationship })),
    }),
  );
  const sessionNotes = planSessionNotes(appointments, storyOptions);
  const demoCounselor = program.users.find((u) => u.email === DEMO_ACCOUNTS[2]!.email)?.id ?? null;
  const counseling = planCounselingNotes(appointments, {
    ...storyOptions,
    preferredAuthorId: demoCounselor,
    // The demo participant account's own record stays free of counseling notes.
    excludeParticipantIds: [participantId(seed, 0)],
  });

  const notes: store.DemoNoteRow[] = [];
  const entries: store.DemoEntryRow[] = [];
  const signatures: store.DemoSignatureRow[] = [];
  const addenda: AddendumRow[] = [];
  for (const note of groupNotes) {
    const id = demoUuid(`${seed}/note/group/${note.session.trackId}/${note.session.occurrenceKey}`);
    const life = lifecycleRows(id, note, sha256(groupNoteSignedContent(note.shared, note.entries)));
    notes.push({
      id,
      kind: "group",
      site_id: note.session.siteId,
      track_id: note.session.trackId,
      occurrence_key: note.session.occurrenceKey,
      participant_id: null,
      episode_id: null,
      appointment_id: null,
      format: null,
      session_date: note.session.date,
      starts_at: note.session.startsAt,
      ends_at: note.session.endsAt,
      content: note.shared,
      ...life.columns,
    });
    for (const e of note.entries)
      entries.push({
        id: demoUuid(`${seed}/note/group/${id}/entry/${e.participantId}`),
        note_id: id,
        participant_id: e.participantId,
        episode_id: e.episodeId,
        content: e.content,
        updated_by: note.authorId,
        updated_at: life.columns.updated_at,
      });
    signatures.push(...life.signatures);
    addenda.push(...life.addenda);
  }
  for (const note of sessionNotes) {
    const a = note.appointment;
    const id = demoUuid(`${seed}/note/appointment/${a.id}`);
    const life = lifecycleRows(id, note, sha256(sessionNoteSignedContent(note.format, note.content)));
    notes.push({
      id,
      kind: a.kind,
      site_id: a.siteId,
      track_id: null,
      occurrence_key: null,
      participant_id: a.participantId,
      episode_id: a.episodeId,
      appointment_id: a.id,
      format: note.format,
      session_date: a.date,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      content: note.content,
      ...life.columns,
    });
    signatures.push(...life.signatures);
    addenda.push(...life.addenda);
  }
  await store.insertNoteRows(q, notes);
  await store.insertEntryRows(q, entries);
  await store.insertSignatureRows(q, signatures);
  await insertRows(q, clinicalNoteAddenda, addenda);
  await insertRows(
    q,
    counselingNotes,
    counseling.map((n) => {
      const content = { body: n.body };
      return {
        id: demoUuid(`${seed}/counseling-note/${n.appointment.id}`),
        siteId: n.appointment.siteId,
        participantId: n.appointment.participantId,
        episodeId: n.appointment.episodeId,
        appointmentId: n.appointment.id,
        sessionDate: n.appointment.date,
        status: n.status,
        content,
        authorId: n.authorId,
        contentSha256: n.status === "signed" ? sha256(content) : null,
        signMethod: n.status === "signed" ? "password" : null,
        createdAt: new Date(n.createdAtMs),
        updatedAt: new Date(n.signedAtMs ?? n.createdAtMs),
        signedAt: n.signedAtMs === null ? null : new Date(n.signedAtMs),
      };
    }),
  );
  return {
    groupNotes: groupNotes.length,
    groupEntries: entries.length,
    sessionNotes: sessionNotes.length,
    counselingNotes: counseling.length,
  };
}
