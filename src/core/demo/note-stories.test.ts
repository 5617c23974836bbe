import { describe, expect, it } from "vitest";
import { counselingNoteContentSchema } from "../notes/counseling-note.schema";
import { findClonedEntries } from "../notes/entry-similarity.rules";
import { groupNoteSigningIssues, sessionNoteSigningIssues } from "../notes/note.rules";
import {
  groupEntryContentSchema,
  groupSharedContentSchema,
  sessionNoteContentSchema,
} from "../notes/note.schema";
import { addDays } from "../platform/dates";
import type {
  AppointmentInput,
  GroupSessionInput,
  NoteModule,
  NoteStoryOptions,
  SignedPlanVersion,
  StoryParticipant,
} from "./note-lifecycle";
import { entryTextsForCloneCheck, type PlannedGroupNote, planGroupNotes } from "./note-stories";
import { hashUnit } from "./random";
import { planCounselingNotes, planSessionNotes } from "./session-note-stories";

const NOW = Date.parse("2026-11-24T15:00:00Z");
const TODAY = "2026-11-24";
const uuid = (n: number, kind: number) =>
  `00000000-0000-4000-8000-${kind.toString(16).padStart(4, "0")}${n.toString(16).padStart(8, "0")}`;

const GIVEN = [
  "Maria",
  "John",
  "Ana",
  "Pedro",
  "Keisha",
  "Liam",
  "Sofia",
  "Tom",
  "Aisha",
  "Diego",
  "Nora",
  "Sam",
];
const FAMILY = [
  "Lopez",
  "Smith",
  "Ruiz",
  "Gomez",
  "Brown",
  "Walsh",
  "Reyes",
  "Clark",
  "Khan",
  "Vega",
  "Park",
  "Reed",
];
const people: StoryParticipant[] = GIVEN.map((given, i) => ({
  id: uuid(i, 1),
  callName: given,
  names: [given, FAMILY[i]!],
}));
const episodeOf = (i: number) => uuid(i, 2);

const MODULES: NoteModule[] = [
  {
    key: "urge-surfing",
    version: 0,
    title: "Cravings and urge surfing",
    category: "relapse_prevention",
    skills: ["Urge surfing", "Delay, distract, reach out"],
  },
  {
    key: "thinking-traps",
    version: 0,
    title: "Thinking traps",
    category: "cbt",
    skills: ["Spotting thinking traps", "Finding a balanced thought"],
  },
  {
    key: "distress-tolerance",
    version: 1,
    title: "Distress tolerance",
    category: "dbt",
    skills: ["Cool the body down", "Distract and delay"],
  },
  {
    key: "values",
    version: 0,
    title: "Values",
    category: "motivational",
    skills: ["Naming what matters to me"],
  },
  {
    key: "sleep",
    version: 0,
    title: "Sleep",
    category: "wellness",
    skills: ["Wind-down routine", "Sleep diary"],
  },
];

/** Everyone but the last two has a signed plan with two objectives, revised halfway through the year. */
const plans = new Map<string, SignedPlanVersion[]>(
  people.slice(0, -2).map((_, i) => [
    episodeOf(i),
    [
      {
        signedAtMs: Date.parse(`${addDays(TODAY, -400)}T16:00:00Z`),
        objectives: [
          { id: uuid(i * 10 + 1, 3), statement: "Name three triggers", status: "in_progress" },
          { id: uuid(i * 10 + 2, 3), statement: "Call a support person", status: "not_started" },
        ],
      },
      {
        signedAtMs: Date.parse(`${addDays(TODAY, -180)}T16:00:00Z`),
        objectives: [
          { id: uuid(i * 10 + 2, 3), statement: "Call a support person", status: "in_progress" },
          { id: uuid(i * 10 + 3, 3), statement: "Sleep seven hours", status: "in_progress" },
          { id: uuid(i * 10 + 4, 3), statement: "Name three triggers", status: "met" },
        ],
      },
    ],
  ]),
);

const FACILITATOR = uuid(1, 9);
const SUPERVISEE = uuid(2, 9);
const DIRECTOR = uuid(3, 9);

/** A year of Monday, Tuesday and Thursday evening groups (18:00–21:00 UTC), twelve people marked. */
function yearOfSessions(): GroupSessionInput[] {
  const sessions: GroupSessionInput[] = [];
  for (let d = 365; d >= 0; d--) {
    const date = addDays(TODAY, -d);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (![1, 2, 4].includes(weekday)) continue;
    const startsAt = `${date}T18:00:00.000Z`;
    const endsAt = `${date}T21:00:00.000Z`;
    const n = sessions.length;
    sessions.push({
      trackId: uuid(0, 4),
      siteId: uuid(0, 5),
      occurrenceKey: `${date}T18:00`,
      date,
      startsAt,
      endsAt,
      endsAtMs: Date.parse(endsAt),
      minutes: 180,
      // The supervisee covers the last three weeks alone.
      facilitatorId: n % 2 === 0 && d >= 21 ? FACILITATOR : SUPERVISEE,
      module: MODULES[n % MODULES.length]!,
      planned: d < 28,
      roster: people.map((p, i) => ({
        participantId: p.id,
        episodeId: episodeOf(i),
        status: hashUnit(5, `${p.id}/${date}`) < 0.12 ? "absent_unexcused" : "present",
      })),
    });
  }
  return sessions.filter((s) => s.endsAtMs <= NOW);
}

function appointments(): AppointmentInput[] {
  const list: AppointmentInput[] = [];
  people.forEach((p, i) => {
    for (let week = 30; week >= 0; week -= 2) {
      const date = addDays(TODAY, -week * 7 - (i % 5));
      const startsAt = `${date}T14:00:00.000Z`;
      const family = week % 6 === 0;
      list.push({
        id: uuid(i * 100 + week, 6),
        siteId: uuid(0, 5),
        participantId: p.id,
        episodeId: episodeOf(i),
        kind: family ? "family" : "individual",
        staffId: i % 3 === 0 ? SUPERVISEE : FACILITATOR,
        primaryCounselorId: i % 3 === 0 ? SUPERVISEE : FACILITATOR,
        current: true,
        date,
        startsAt,
        endsAt: `${date}T14:50:00.000Z`,
        endsAtMs: Date.parse(`${date}T14:50:00.000Z`),
        minutes: 50,
        telehealth: week % 4 === 0,
        roomName: "Riverside, counseling room 1",
        family: family ? [{ name: "Rosa Lopez", relationship: "mother" }] : [],
      });
    }
  });
  return list.filter((a) => a.endsAtMs <= NOW);
}

const options: NoteStoryOptions = {
  seed: 11,
  nowMs: NOW,
  lateEntryHours: 24,
  participants: new Map(people.map((p) => [p.id, p])),
  plans,
  supervisorId: DIRECTOR,
  superviseeId: SUPERVISEE,
};

const sessions = yearOfSessions();
const groupNotes = planGroupNotes(sessions, options);
const sessionNotes = planSessionNotes(appointments(), options);

/** Every participant's earlier entries (the last five), as the app's check would read them, note by note. */
function checkEveryNote(notes: readonly PlannedGroupNote[], text: "contribution" | "whole") {
  const history = new Map<string, { participantId: string; noteId: string; text: string }[]>();
  const names = Object.fromEntries(people.map((p) => [p.id, p.names]));
  return notes.map((note) => {
    const texts = note.entries.map((e) => ({
      participantId: e.participantId,
      text: entryTextsForCloneCheck(e.content)[text],
    }));
    const findings = findClonedEntries({
      entries: texts,
      previous: texts.flatMap((e) => history.get(e.participantId) ?? []),
      namesByParticipant: names,
    });
    const noteId = `${note.session.trackId}/${note.session.occurrenceKey}`;
    for (const e of texts) {
      const list = history.get(e.participantId) ?? [];
      list.push({ participantId: e.participantId, noteId, text: e.text });
      history.set(e.participantId, list.slice(-5));
    }
    return { note, findings };
  });
}

describe("planGroupNotes", () => {
  it("writes a note for each past session with an entry only for those who attended", () => {
    expect(groupNotes.length).toBe(sessions.length);
    for (const note of groupNotes) {
      const attended = new Set(
        note.session.roster.filter((r) => r.status === "present").map((r) => r.participantId),
      );
      for (const e of note.entries) expect(attended.has(e.participantId)).toBe(true);
      if (note.status !== "draft") expect(note.entries.length).toBe(attended.size);
    }
  });

  it("fills content the note schemas accept, and every signed note passes the signing rules", () => {
    for (const note of groupNotes) {
      expect(groupSharedContentSchema.safeParse(note.shared).success).toBe(true);
      for (const e of note.entries) expect(groupEntryContentSchema.safeParse(e.content).success).toBe(true);
      if (note.status === "draft") continue;
      const issues = groupNoteSigningIssues({
        ended: note.signedAtMs! > note.session.endsAtMs,
        shared: note.shared,
        roster: note.session.roster.map((r, i) => ({
          participantId: r.participantId,
          displayName: people[i]!.callName,
          attendanceStatus: r.status,
          entry: note.entries.find((e) => e.participantId === r.participantId)?.content ?? null,
          currentObjectiveIds: new Set(
            (plans.get(r.episodeId) ?? [])
              .filter((v) => v.signedAtMs <= note.signedAtMs!)
              .at(-1)
              ?.objectives.map((o) => o.id) ?? [],
          ),
        })),
      });
      expect(issues).toEqual([]);
    }
  });

  it("names the module only for sessions planned with one, and its title as the topic otherwise", () => {
    for (const note of groupNotes) {
      expect(note.shared.topic).toBe(note.session.module.title);
      expect(note.shared.moduleKey).toBe(note.session.planned ? note.session.module.key : null);
    }
  });

  it("links objectives only from the plan in effect, and none for participants without a plan", () => {
    const withoutPlan = new Set(people.slice(-2).map((p) => p.id));
    let linked = 0;
    for (const note of groupNotes)
      for (const e of note.entries) {
        if (withoutPlan.has(e.participantId)) expect(e.content.objectives).toEqual([]);
        linked += e.content.objectives.length;
      }
    expect(linked).toBeGreaterThan(1000);
  });

  it.each(["contribution", "whole"] as const)(
    "the cloned-entry check (on the %s) flags the deliberate near-clones and nothing else",
    (text) => {
      const checked = checkEveryNote(groupNotes, text);
      const clones = checked.filter((c) => c.note.clone !== null);
      expect(clones.filter((c) => c.note.clone!.kind === "same_note")).toHaveLength(3);
      expect(clones.filter((c) => c.note.clone!.kind === "own_previous")).toHaveLength(3);
      for (const { note, findings } of checked) {
        if (note.clone === null) {
          expect(findings).toEqual([]);
          continue;
        }
        const { kind, participantId, otherParticipantId } = note.clone;
        if (kind === "same_note") {
          expect(findings.map((f) => [f.participantId, f.kind, f.otherParticipantId, f.identical])).toEqual(
            expect.arrayContaining([
              [participantId, "same_note", otherParticipantId, true],
              [otherParticipantId, "same_note", participantId, true],
            ]),
          );
        } else {
          const own = findings.filter((f) => f.participantId === participantId && f.kind === "own_previous");
          expect(own.length).toBeGreaterThan(0);
          expect(own[0]!.identical).toBe(false);
        }
        // Nobody else in the note is flagged.
        const involved = new Set([participantId, otherParticipantId]);
        expect(findings.filter((f) => !involved.has(f.participantId))).toEqual([]);
      }
    },
  );

  it("varies entries: one person's entries over the year and one session's entries rarely share a sentence", () => {
    const contributions = groupNotes.flatMap((n) => n.entries.map((e) => e.content.contribution));
    expect(new Set(contributions).size).toBeGreaterThan(contributions.length * 0.98);
    const narratives = groupNotes.map((n) => n.shared.narrative);
    expect(new Set(narratives).size).toBeGreaterThan(narratives.length * 0.9);
  });

  it("has the status mix: signed within hours, a few late entries, recent drafts, co-signatures pending and done, addenda", () => {
    const byStatus = (s: string) => groupNotes.filter((n) => n.status === s);
    expect(byStatus("signed").length).toBeGreaterThan(groupNotes.length * 0.85);
    const drafts = byStatus("draft");
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      expect(NOW - d.session.endsAtMs).toBeLessThan(7 * 86_400_000);
      expect(d.signedAtMs).toBeNull();
    }
    const awaiting = byStatus("awaiting_cosign");
    expect(awaiting.length).toBeGreaterThan(0);
    for (const n of awaiting)
      expect(n).toMatchObject({ authorId: SUPERVISEE, cosignerId: DIRECTOR, cosignedAtMs: null });
    for (const n of byStatus("signed")) {
      expect(n.signedAtMs!).toBeLessThanOrEqual(NOW);
      if (n.authorId === SUPERVISEE) expect(n.cosignedAtMs!).toBeGreaterThan(n.signedAtMs!);
      else expect(n.cosignerId).toBeNull();
    }
    const late = groupNotes.filter((n) => n.lateEntry);
    expect(late.length).toBeGreaterThan(0);
    for (const n of late) expect(n.signedAtMs! - n.session.endsAtMs).toBeGreaterThan(24 * 3_600_000);
    const prompt = groupNotes.filter((n) => n.signedAtMs !== null && !n.lateEntry);
    for (const n of prompt) expect(n.signedAtMs! - n.session.endsAtMs).toBeLessThanOrEqual(24 * 3_600_000);
    const addenda = groupNotes.flatMap((n) => n.addenda.map((a) => ({ a, n })));
    expect(addenda.length).toBeGreaterThan(0);
    for (const { a, n } of addenda) {
      expect(n.status).toBe("signed");
      expect(a.atMs).toBeGreaterThan(n.signedAtMs!);
      expect(a.atMs).toBeLessThanOrEqual(NOW);
      if (a.entryParticipantId)
        expect(n.entries.some((e) => e.participantId === a.entryParticipantId)).toBe(true);
    }
  });

  it("is the same for the same seed and different for another", () => {
    const again = planGroupNotes(sessions, options);
    expect(again).toEqual(groupNotes);
    const other = planGroupNotes(sessions, { ...options, seed: 12 });
    expect(other.map((n) => n.shared.narrative)).not.toEqual(groupNotes.map((n) => n.shared.narrative));
  });
});

describe("planGroupNotes at the benchmark scale", () => {
  it("writes a session of 1,500 present without the pairwise self-check, quickly", () => {
    const crowd = Array.from({ length: 1_500 }, (_, i) => ({
      id: uuid(i, 7),
      callName: `Person${i}`,
      names: [`Person${i}`, "Demo"],
    }));
    const session: GroupSessionInput = {
      ...sessions.at(-1)!,
      endsAtMs: NOW - 10 * 86_400_000,
      roster: crowd.map((p, i) => ({ participantId: p.id, episodeId: uuid(i, 8), status: "present" })),
    };
    const started = performance.now();
    const [note] = planGroupNotes([session], {
      ...options,
      participants: new Map(crowd.map((p) => [p.id, p])),
    });
    expect(note!.entries).toHaveLength(1_500);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("planSessionNotes", () => {
  it("writes DAP mostly, BIRP and SOAP too, with the sections of the format, and signed ones pass the signing rules", () => {
    const formats = new Map<string, number>();
    for (const note of sessionNotes) {
      formats.set(note.format, (formats.get(note.format) ?? 0) + 1);
      expect(sessionNoteContentSchema.safeParse(note.content).success).toBe(true);
      if (note.status === "draft") continue;
      const version = (plans.get(note.appointment.episodeId) ?? [])
        .filter((v) => v.signedAtMs <= note.signedAtMs!)
        .at(-1);
      expect(
        sessionNoteSigningIssues({
          ended: true,
          format: note.format,
          content: note.content,
          currentObjectiveIds: new Set(version?.objectives.map((o) => o.id) ?? []),
        }),
      ).toEqual([]);
    }
    expect(formats.get("DAP")!).toBeGreaterThan(sessionNotes.length / 2);
    expect(formats.get("BIRP")!).toBeGreaterThan(0);
    expect(formats.get("SOAP")!).toBeGreaterThan(0);
  });

  it("lists the family attendees of a family session and names them in the note", () => {
    const family = sessionNotes.filter((n) => n.appointment.kind === "family");
    expect(family.length).toBeGreaterThan(0);
    for (const n of family) {
      expect(n.content.attendees).toEqual([{ name: "Rosa Lopez", relationship: "mother" }]);
      expect(Object.values(n.content.sections).join(" ")).toContain("Rosa Lopez");
    }
    for (const n of sessionNotes.filter((x) => x.appointment.kind === "individual"))
      expect(n.content.attendees).toEqual([]);
  });

  it("sends the supervisee's notes to the director and leaves only recent ones unsigned", () => {
    expect(sessionNotes.some((n) => n.status === "awaiting_cosign")).toBe(true);
    for (const n of sessionNotes) {
      if (n.status !== "signed") expect(NOW - n.appointment.endsAtMs).toBeLessThan(7 * 86_400_000);
      if (n.authorId === SUPERVISEE && n.status !== "draft") expect(n.cosignerId).toBe(DIRECTOR);
    }
  });
});

describe("planCounselingNotes", () => {
  it("writes a handful of counseling notes for two participants, authored by their primary counselor", () => {
    const notes = planCounselingNotes(appointments(), {
      ...options,
      preferredAuthorId: FACILITATOR,
      excludeParticipantIds: [people[0]!.id],
    });
    expect(notes).toHaveLength(6);
    expect(new Set(notes.map((n) => n.appointment.participantId)).size).toBe(2);
    for (const n of notes) {
      expect(n.authorId).toBe(FACILITATOR);
      expect(n.authorId).toBe(n.appointment.primaryCounselorId);
      expect(n.appointment.participantId).not.toBe(people[0]!.id);
      expect(counselingNoteContentSchema.safeParse({ body: n.body }).success).toBe(true);
      expect(n.status === "signed").toBe(n.signedAtMs !== null);
    }
  });
});
