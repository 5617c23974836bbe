import type { CurriculumCategory } from "../curriculum/module.schema";
import { entrySimilarity } from "../notes/entry-similarity.rules";
import { isLateEntry } from "../notes/note.rules";
import type {
  GroupEntryContent,
  GroupSharedContent,
  NoteFormat,
  NoteIntervention,
  NoteStatus,
  ObjectiveAddressed,
  ParticipationLevel,
  SessionNoteContent,
} from "../notes/note.schema";
import * as P from "./note-phrases";
import { createRandom, hashUnit, type Random } from "./random";

/**
 * The demo's clinical notes, planned from its history (pure): a group note for each past group
 * session with attendance, an individual or family note for each attended appointment, and a few SUD
 * counseling notes. Group entries are written per participant from independent parts (how they took
 * part, mood, what they practised with the module's skill in a situation of their own, what they said,
 * their plan, objectives of their current plan, now and then a risk and a follow-up) and checked with
 * the cloned-entry check itself: an honest entry that reads like another is written again. A handful
 * of deliberate near-clones are left for the check to find: an entry copied to another participant
 * with only the name changed, and an entry copied from the same participant's previous note with one
 * word changed. Almost every note is signed by its author within hours; a few are late entries,
 * drafts of the last days, awaiting a supervisor's co-signature (a supervisee's), or carry addenda.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A module taught, or (sessions before modules were planned) the library module whose subject was the topic. */
export interface NoteModule {
  key: string;
  version: number;
  title: string;
  category: CurriculumCategory;
  skills: readonly string[];
}

export interface StoryParticipant {
  id: string;
  /** The name used in notes (preferred name, else given name). */
  callName: string;
  /** Every name of theirs (given, family, preferred), for the cloned-entry check. */
  names: readonly string[];
}

export interface PlanObjective {
  id: string;
  statement: string;
  status: string;
}

/** A signed version of an episode's plan, with the time it took effect. */
export interface SignedPlanVersion {
  signedAtMs: number;
  objectives: readonly PlanObjective[];
}

export interface GroupSessionInput {
  trackId: string;
  siteId: string;
  occurrenceKey: string;
  date: string;
  startsAt: string;
  endsAt: string;
  endsAtMs: number;
  minutes: number;
  /** The facilitator who recorded attendance: the note's author. */
  facilitatorId: string;
  module: NoteModule;
  /** True when the session was planned with the module (it is then named in the note), else only its title is the topic. */
  planned: boolean;
  /** Everyone marked, in a stable order. */
  roster: readonly { participantId: string; episodeId: string; status: string }[];
}

export interface AppointmentInput {
  id: string;
  siteId: string;
  participantId: string;
  episodeId: string;
  kind: "individual" | "family";
  staffId: string;
  primaryCounselorId: string | null;
  /** The episode is still open. */
  current: boolean;
  date: string;
  startsAt: string;
  endsAt: string;
  endsAtMs: number;
  minutes: number;
  telehealth: boolean;
  /** The room's name, or "" for a video session. */
  roomName: string;
  family: readonly { name: string; relationship: string }[];
}

export interface NoteStoryOptions {
  seed: number;
  nowMs: number;
  lateEntryHours: number;
  participants: ReadonlyMap<string, StoryParticipant>;
  /** Signed plan versions by episode id, oldest first. */
  plans: ReadonlyMap<string, readonly SignedPlanVersion[]>;
  /** The clinical director who co-signs. */
  supervisorId: string;
  /** The counselor whose notes need co-signature, if any. */
  superviseeId: string | null;
  /** Notes with more entries than this skip the cloned-entry self-check (the benchmark scale's huge rosters). */
  selfCheckLimit?: number;
  /** How many deliberate near-clones of each kind (default 3). */
  clones?: number;
}

export interface PlannedAddendum {
  authorId: string;
  atMs: number;
  reason: string;
  body: string;
  entryParticipantId: string | null;
}

/** Where a note stands and when things happened to it. */
export interface NoteLifecycle {
  status: NoteStatus;
  authorId: string;
  createdAtMs: number;
  updatedAtMs: number;
  /** The author's signature (null for drafts). */
  signedAtMs: number | null;
  lateEntry: boolean;
  cosignerId: string | null;
  cosignedAtMs: number | null;
  addenda: PlannedAddendum[];
}

export type CloneStory = "same_note" | "own_previous";

export interface PlannedGroupNote extends NoteLifecycle {
  session: GroupSessionInput;
  shared: GroupSharedContent;
  entries: { participantId: string; episodeId: string; content: GroupEntryContent }[];
  /** A deliberate near-clone in this note, and whose entry it is. */
  clone: { kind: CloneStory; participantId: string; otherParticipantId: string | null } | null;
}

export interface PlannedSessionNote extends NoteLifecycle {
  appointment: AppointmentInput;
  format: NoteFormat;
  content: SessionNoteContent;
}

export interface PlannedCounselingNote {
  appointment: AppointmentInput;
  authorId: string;
  status: "draft" | "signed";
  body: string;
  createdAtMs: number;
  signedAtMs: number | null;
}

/** The texts of a group entry the cloned-entry check reads: what they contributed, and the whole entry. */
export function entryTextsForCloneCheck(content: GroupEntryContent): { contribution: string; whole: string } {
  return {
    contribution: content.contribution,
    whole: [content.moodAffect, content.contribution, content.riskObservations, content.followUpNote]
      .filter((s) => s.trim() !== "")
      .join(" "),
  };
}

const fill = (template: string, slots: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(slots[key] ?? `{${key}}`));

/** "Urge surfing" → "urge surfing"; "HALT check" and "I-statements" stay as they are. */
const inSentence = (name: string) =>
  /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;

function shuffled(random: Random, length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let x = random.next() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices.at(-1)![0];
}

/** The objectives of the plan in effect at `atMs`, still being worked on. */
function currentObjectives(options: NoteStoryOptions, episodeId: string, atMs: number): PlanObjective[] {
  const versions = options.plans.get(episodeId) ?? [];
  let current: SignedPlanVersion | undefined;
  for (const v of versions) if (v.signedAtMs <= atMs) current = v;
  return (current?.objectives ?? []).filter((o) => o.status === "not_started" || o.status === "in_progress");
}

function addressObjectives(
  random: Random,
  objectives: readonly PlanObjective[],
  skill: string,
  draft: boolean,
): ObjectiveAddressed[] {
  if (objectives.length === 0) return [];
  const count = Math.min(objectives.length, random.chance(0.3) ? 2 : 1);
  return shuffled(random, objectives.length)
    .slice(0, count)
    .map((i) => ({
      objectiveId: objectives[i]!.id,
      progress:
        draft && random.chance(0.5)
          ? null
          : weighted(random, [
              ["progressing", 6],
              ["no_change", 3],
              ["regressing", 1],
            ] as const),
      comment: fill(random.pick(P.OBJECTIVE_COMMENTS), { skill: inSentence(skill) }),
    }));
}

/**
 * The director works through the co-sign queue on Friday afternoons (20:00 UTC), for the notes signed
 * at least two days before: the notes of the last days before a Friday wait a week.
 */
function cosigningDay(signedAtMs: number): number {
  const from = signedAtMs + 2 * DAY;
  const day = new Date(from);
  const friday = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7),
    20,
  );
  return friday >= from ? friday : friday + 7 * DAY;
}

/** When the note was written and signed, and whether a co-signature or an addendum followed. */
function planLifecycle(
  random: Random,
  endsAtMs: number,
  authorId: string,
  options: NoteStoryOptions,
  addendumParticipants: readonly string[],
): NoteLifecycle {
  const { nowMs } = options;
  const late = random.chance(0.03);
  const delay = late ? random.int(30, 140) * HOUR : random.around(5, 4, 0.5, 20) * HOUR;
  const signedAt = Math.round(endsAtMs + delay);
  const createdAt = Math.min(nowMs, endsAtMs + random.int(5, 90) * 60_000);
  // Some notes of the last four days are still drafts (a few already past the 48-hour alert).
  const age = nowMs - endsAtMs;
  const leftAsDraft = age < 4 * DAY && random.chance(age < DAY ? 0.5 : 0.25);
  if (signedAt > nowMs || leftAsDraft) {
    return {
      status: "draft",
      authorId,
      createdAtMs: createdAt,
      updatedAtMs: Math.min(nowMs, createdAt + random.int(5, 60) * 60_000),
      signedAtMs: null,
      lateEntry: false,
      cosignerId: null,
      cosignedAtMs: null,
      addenda: [],
    };
  }
  const supervised = authorId === options.superviseeId;
  const cosignedAt = supervised ? cosigningDay(signedAt) + random.int(0, 90) * 60_000 : null;
  const awaiting = cosignedAt !== null && cosignedAt > nowMs;
  const addenda: PlannedAddendum[] = [];
  const addendumAt = signedAt + random.int(1, 10) * DAY + random.int(0, 8) * HOUR;
  if (random.chance(0.02) && addendumAt <= nowMs && !awaiting) {
    const text = random.pick(P.ADDENDA);
    addenda.push({
      authorId,
      atMs: addendumAt,
      reason: text.reason,
      body: text.body,
      entryParticipantId:
        addendumParticipants.length > 0 && random.chance(0.6) ? random.pick(addendumParticipants) : null,
    });
  }
  return {
    status: awaiting ? "awaiting_cosign" : "signed",
    authorId,
    createdAtMs: Math.min(createdAt, signedAt),
    updatedAtMs: signedAt,
    signedAtMs: signedAt,
    lateEntry: isLateEntry(new Date(endsAtMs), new Date(signedAt), options.lateEntryHours),
    cosignerId: supervised ? options.supervisorId : null,
    cosignedAtMs: awaiting ? null : cosignedAt,
    addenda,
  };
}

function groupNarrative(random: Random, session: GroupSessionInput, attended: number): string {
  const m = session.module;
  const slots = {
    count: attended,
    title: m.title,
    focus: random.pick(P.CATEGORY_FOCUS[m.category]),
    skill: `"${inSentence(random.pick(m.skills))}"`,
  };
  return [P.NARRATIVE_OPENINGS, P.NARRATIVE_TEACHING, P.NARRATIVE_PRACTICE, P.NARRATIVE_CLOSINGS]
    .map((pool) => fill(random.pick(pool), slots))
    .join(" ");
}

/** Per-note orders of each phrase pool, so that two entries of one note rarely share a phrase. */
interface NoteDraws {
  practice: number[];
  context: number[];
  reflection: number[];
  plan: number[];
  when: number[];
  mood: number[];
}

function noteDraws(random: Random): NoteDraws {
  return {
    practice: shuffled(random, P.PRACTICE.length),
    context: shuffled(random, P.CONTEXTS.length),
    reflection: shuffled(random, P.REFLECTIONS.length),
    plan: shuffled(random, P.PLANS.length),
    when: shuffled(random, P.WHENS.length),
    mood: shuffled(random, P.MOODS.length),
  };
}

/** An entry and the phrases it was built from (which sentence of which pool). */
interface WrittenEntry {
  content: GroupEntryContent;
  parts: string[];
}

/** An entry of the note being planned, or of a participant's earlier note. */
interface DraftEntry extends WrittenEntry {
  participantId: string;
}

function writeEntry(
  random: Random,
  draws: NoteDraws,
  slot: number,
  person: StoryParticipant,
  module: NoteModule,
  objectives: readonly PlanObjective[],
  draft: boolean,
): WrittenEntry {
  const level = weighted<ParticipationLevel>(random, [
    ["active", 55],
    ["when_prompted", 30],
    ["minimal", 12],
    ["none", 3],
  ]);
  const at = <T>(pool: readonly T[], order: number[]) => pool[order[slot % order.length]!]!;
  const skill = random.pick(module.skills);
  const slots = {
    name: person.callName,
    skill: `"${inSentence(skill)}"`,
    context: at(P.CONTEXTS, draws.context),
    when: at(P.WHENS, draws.when),
    n: random.int(2, 8),
  };
  const talked = level === "active" || level === "when_prompted";
  const engagement = random.int(0, P.ENGAGEMENT[level].length - 1);
  const quiet = random.int(0, P.PRACTICE_QUIET.length - 1);
  const sentences = [
    P.ENGAGEMENT[level][engagement]!,
    talked ? at(P.PRACTICE, draws.practice) : P.PRACTICE_QUIET[quiet]!,
  ];
  const parts = [
    `e/${level}/${engagement}`,
    talked ? `p/${draws.practice[slot % draws.practice.length]}` : `q/${quiet}`,
  ];
  if (random.chance(talked ? 0.85 : 0.3)) {
    sentences.push(at(P.REFLECTIONS, draws.reflection));
    parts.push(`r/${draws.reflection[slot % draws.reflection.length]}`);
  }
  if (random.chance(talked ? 0.85 : 0.4)) {
    sentences.push(at(P.PLANS, draws.plan));
    parts.push(`l/${draws.plan[slot % draws.plan.length]}`);
  }
  const risk = random.chance(0.05) ? random.pick(P.RISKS) : null;
  const practical = !risk && random.chance(0.03) ? random.pick(P.PRACTICAL_FOLLOW_UPS) : null;
  return {
    content: {
      participation: level,
      moodAffect: at(P.MOODS, draws.mood),
      contribution: sentences.map((s) => fill(s, slots)).join(" "),
      objectives: addressObjectives(random, objectives, skill, draft),
      riskObservations: risk?.observation ?? "",
      followUp: risk !== null || practical !== null,
      followUpNote: risk?.followUp ?? practical ?? "",
    },
    parts,
  };
}

/** Swaps that change one word of an entry and keep it readable. */
const ONE_WORD_SWAPS: readonly [RegExp, string][] = [
  [/\bsession\b/, "group"],
  [/\bgroup\b/, "session"],
  [/\bweek\b/, "weekend"],
  [/\bevening\b/, "night"],
  [/\bpeers\b/, "others"],
  [/\bexample\b/, "instance"],
  [/\bsituation\b/, "moment"],
  [/\bskill\b/, "technique"],
];

function changeOneWord(text: string): string {
  for (const [from, to] of ONE_WORD_SWAPS) if (from.test(text)) return text.replace(from, to);
  return text.replace(/\.$/, " again.");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Group notes for the sessions (in any order; planned oldest first so each participant's earlier
 * entries are known). Only participants who attended get an entry.
 */
export function planGroupNotes(
  sessions: readonly GroupSessionInput[],
  options: NoteStoryOptions,
): PlannedGroupNote[] {
  const limit = options.selfCheckLimit ?? 60;
  const clonesWanted = options.clones ?? 3;
  const made = { same_note: 0, own_previous: 0 };
  /** Each participant's last five entries (the program's default look-back). */
  const history = new Map<string, (WrittenEntry & { noteId: string })[]>();
  const ordered = [...sessions].sort((a, b) => a.endsAtMs - b.endsAtMs || a.trackId.localeCompare(b.trackId));
  const notes: PlannedGroupNote[] = [];
  for (const session of ordered) {
    const noteKey = `${session.trackId}/${session.occurrenceKey}`;
    const random = createRandom(options.seed).fork(`group-note/${noteKey}`);
    const present = session.roster.filter(
      (r) =>
        (r.status === "present" || r.status === "late" || r.status === "left_early") &&
        options.participants.has(r.participantId),
    );
    if (present.length === 0) continue;
    const life = planLifecycle(
      random,
      session.endsAtMs,
      session.facilitatorId,
      options,
      present.map((r) => r.participantId),
    );
    const draft = life.status === "draft";
    const planAt = life.signedAtMs ?? options.nowMs;
    const draws = noteDraws(random);
    const objectivesOf = (episodeId: string) => currentObjectives(options, episodeId, planAt);
    const write = (index: number, attempt: number) => {
      const row = present[index]!;
      const r = attempt === 0 ? random : random.fork(`retry/${row.participantId}/${attempt}`);
      return writeEntry(
        r,
        attempt === 0 ? draws : noteDraws(r),
        index,
        options.participants.get(row.participantId)!,
        session.module,
        objectivesOf(row.episodeId),
        draft,
      );
    };
    // A draft is still being written: the last entry or two may not be there yet.
    const written = draft && present.length > 2 ? present.length - random.int(0, 2) : present.length;
    const entries = present.slice(0, written).map((row, i) => ({
      participantId: row.participantId,
      episodeId: row.episodeId,
      ...write(i, 0),
    }));

    // Honest entries first, each checked against the others and the participant's earlier ones.
    if (entries.length <= limit) rewriteLookAlikes(entries, history, options, write);
    const clone =
      life.status === "signed"
        ? makeClone(entries, history, options, noteKey, session, made, clonesWanted)
        : null;

    const shared: GroupSharedContent = {
      moduleKey: session.planned ? session.module.key : null,
      moduleVersion: session.planned ? session.module.version : null,
      topic: session.module.title,
      narrative: groupNarrative(random, session, present.length),
    };
    notes.push({
      ...life,
      session,
      shared,
      entries: entries.map((e) => ({
        participantId: e.participantId,
        episodeId: e.episodeId,
        content: e.content,
      })),
      clone,
    });
    for (const e of entries) {
      const list = history.get(e.participantId) ?? [];
      list.push({ noteId: noteKey, content: e.content, parts: e.parts });
      if (list.length > 5) list.shift();
      history.set(e.participantId, list);
    }
  }
  return notes;
}

/** Entries are compared only when built from this many of the same phrases (fewer when one is shorter). */
const SHARED_PARTS_TO_COMPARE = 3;
/** Rewrite an entry from this similarity up: a margin under the check's default threshold (0.8). */
const REWRITE_FROM = 0.7;

function shareParts(a: readonly string[], b: readonly string[]): boolean {
  let shared = 0;
  for (const part of a) if (b.includes(part)) shared++;
  return shared >= Math.min(SHARED_PARTS_TO_COMPARE, a.length, b.length);
}

/**
 * Write again any honest entry that reads like another entry of the note or like one of the
 * participant's earlier entries (the last five: the program's default look-back), by the cloned-entry
 * check's own measure on each text it may read. Only entries built mostly from the same phrases (three
 * of them, or all of a shorter entry's) can come near the threshold, so only those are measured.
 */
function rewriteLookAlikes(
  entries: DraftEntry[],
  history: ReadonlyMap<string, readonly WrittenEntry[]>,
  options: NoteStoryOptions,
  write: (index: number, attempt: number) => WrittenEntry,
): void {
  const namesOf = (id: string) => options.participants.get(id)?.names ?? [];
  const alike = (a: DraftEntry, b: WrittenEntry, bWho: string) => {
    if (!shareParts(a.parts, b.parts)) return false;
    const x = entryTextsForCloneCheck(a.content);
    const y = entryTextsForCloneCheck(b.content);
    return (
      entrySimilarity(x.contribution, y.contribution, namesOf(a.participantId), namesOf(bWho)) >=
        REWRITE_FROM ||
      entrySimilarity(x.whole, y.whole, namesOf(a.participantId), namesOf(bWho)) >= REWRITE_FROM
    );
  };
  for (let attempt = 1; attempt <= 8; attempt++) {
    const redo = entries.flatMap((entry, i) =>
      entries.slice(0, i).some((earlier) => alike(entry, earlier, earlier.participantId)) ||
      (history.get(entry.participantId) ?? []).some((h) => alike(entry, h, entry.participantId))
        ? [i]
        : [],
    );
    if (redo.length === 0) return;
    for (const i of redo) Object.assign(entries[i]!, write(i, attempt));
  }
}

/**
 * Now and then (a signed note from two weeks to eight months back, up to `wanted` of each kind) turn
 * an entry into a near-clone: another participant's entry with only the name changed, or the same
 * participant's previous entry with one word changed. Its own objectives are kept.
 */
function makeClone(
  entries: { participantId: string; content: GroupEntryContent }[],
  history: ReadonlyMap<string, readonly { noteId: string; content: GroupEntryContent }[]>,
  options: NoteStoryOptions,
  noteKey: string,
  session: GroupSessionInput,
  made: Record<CloneStory, number>,
  wanted: number,
): PlannedGroupNote["clone"] {
  const ageDays = (options.nowMs - session.endsAtMs) / DAY;
  if (ageDays < 14 || ageDays > 240 || entries.length < 3) return null;
  if (hashUnit(options.seed, `clone/${noteKey}`) >= 0.06) return null;
  const open = (kind: CloneStory) => made[kind] < wanted;
  const kind: CloneStory | null =
    open("same_note") && (made.same_note <= made.own_previous || !open("own_previous"))
      ? "same_note"
      : open("own_previous")
        ? "own_previous"
        : null;
  if (kind === "same_note") {
    const [a, b] = [entries[0]!, entries[1]!];
    const from = options.participants.get(a.participantId)!.callName;
    const to = options.participants.get(b.participantId)!.callName;
    b.content = {
      ...a.content,
      contribution: a.content.contribution.replace(new RegExp(`\\b${escapeRegExp(from)}\\b`, "g"), to),
      objectives: b.content.objectives,
    };
    made.same_note++;
    return { kind, participantId: b.participantId, otherParticipantId: a.participantId };
  }
  if (kind === "own_previous") {
    const target = entries.find((e) => (history.get(e.participantId)?.length ?? 0) > 0);
    if (!target) return null;
    const earlier = history.get(target.participantId)!.at(-1)!.content;
    target.content = {
      ...earlier,
      contribution: changeOneWord(earlier.contribution),
      objectives: target.content.objectives,
    };
    made.own_previous++;
    return { kind, participantId: target.participantId, otherParticipantId: null };
  }
  return null;
}

function sessionSections(
  random: Random,
  format: NoteFormat,
  a: AppointmentInput,
  person: StoryParticipant,
): Partial<
  Record<
    "data" | "assessment" | "plan" | "behavior" | "intervention" | "response" | "subjective" | "objective",
    string
  >
> {
  const n = random.int(2, 5);
  const where = a.telehealth ? "by video" : "in person";
  const attendees =
    a.family.length > 0
      ? a.family.map((f) => `${f.name} (${f.relationship})`).join(" and ")
      : "family members";
  const intro =
    a.kind === "family"
      ? fill(random.pick(P.FAMILY_WORK), { name: person.callName, attendees })
      : `${person.callName} attended a ${a.minutes}-minute individual session ${where}.`;
  const report = fill(random.pick(P.SESSION_REPORTS), { n });
  const observation = random.pick(P.SESSION_OBSERVATIONS);
  const work = a.kind === "family" ? intro : random.pick(P.SESSION_WORK);
  const response =
    a.kind === "family"
      ? fill(random.pick(P.FAMILY_RESPONSES), { name: person.callName })
      : random.pick(P.SESSION_RESPONSES);
  const assessment = random.pick(P.SESSION_ASSESSMENTS);
  const plan = random.pick(P.SESSION_PLANS);
  switch (format) {
    case "DAP":
      return {
        data: a.kind === "family" ? `${intro} ${report}` : `${intro} ${report} ${work}`,
        assessment: `${assessment} ${response}`,
        plan,
      };
    case "BIRP":
      return {
        behavior: `${a.kind === "family" ? "" : `${intro} `}${report} ${observation}`,
        intervention: work,
        response,
        plan,
      };
    case "SOAP":
      return {
        subjective: a.kind === "family" ? `${intro} ${report}` : report,
        objective: `${a.kind === "family" ? "" : `${intro} `}${observation}`,
        assessment,
        plan,
      };
  }
}

/** An individual or family note for each attended appointment (ended before now). */
export function planSessionNotes(
  appointments: readonly AppointmentInput[],
  options: NoteStoryOptions,
): PlannedSessionNote[] {
  const notes: PlannedSessionNote[] = [];
  for (const a of appointments) {
    const person = options.participants.get(a.participantId);
    if (!person || a.endsAtMs > options.nowMs) continue;
    const random = createRandom(options.seed).fork(`session-note/${a.id}`);
    const life = planLifecycle(random, a.endsAtMs, a.staffId, options, []);
    const draft = life.status === "draft";
    const format = weighted<NoteFormat>(random, [
      ["DAP", 7],
      ["BIRP", 2],
      ["SOAP", 1],
    ]);
    const sections = sessionSections(random, format, a, person);
    // A draft is written top to bottom: the plan and the next session may not be there yet.
    if (draft && random.chance(0.6)) delete sections.plan;
    const pool = a.kind === "family" ? P.FAMILY_INTERVENTIONS : P.INDIVIDUAL_INTERVENTIONS;
    const interventions: NoteIntervention[] = shuffled(random, pool.length)
      .slice(0, random.int(1, 3))
      .map((i) => pool[i]!);
    const objectives = addressObjectives(
      random,
      currentObjectives(options, a.episodeId, life.signedAtMs ?? options.nowMs),
      "the skills practised",
      draft,
    );
    notes.push({
      ...life,
      appointment: a,
      format,
      content: {
        setting: a.telehealth ? "video" : "in_person",
        place: a.telehealth ? "Video session" : a.roomName,
        attendees:
          a.kind === "family" ? a.family.map((f) => ({ name: f.name, relationship: f.relationship })) : [],
        sections,
        objectives,
        interventions,
        otherInterventions: "",
        nextSession: draft && sections.plan === undefined ? "" : random.pick(P.NEXT_SESSIONS),
      },
    });
  }
  return notes;
}

/**
 * A handful of SUD counseling notes: two current participants who see their primary counselor
 * individually (the `preferredAuthorId`'s own caseload first), their last three individual sessions
 * — signed, the latest one of the last two days still a draft.
 */
export function planCounselingNotes(
  appointments: readonly AppointmentInput[],
  options: NoteStoryOptions & { preferredAuthorId: string | null; excludeParticipantIds: readonly string[] },
): PlannedCounselingNote[] {
  const byParticipant = new Map<string, AppointmentInput[]>();
  for (const a of appointments) {
    if (
      a.kind !== "individual" ||
      !a.current ||
      a.staffId !== a.primaryCounselorId ||
      a.endsAtMs > options.nowMs ||
      options.excludeParticipantIds.includes(a.participantId)
    )
      continue;
    const list = byParticipant.get(a.participantId) ?? [];
    list.push(a);
    byParticipant.set(a.participantId, list);
  }
  const chosen = [...byParticipant.entries()]
    .filter(([, list]) => list.length >= 3)
    .sort(
      ([idA, a], [idB, b]) =>
        Number(b[0]!.staffId === options.preferredAuthorId) -
          Number(a[0]!.staffId === options.preferredAuthorId) ||
        hashUnit(options.seed, `counseling/${idA}`) - hashUnit(options.seed, `counseling/${idB}`),
    )
    .slice(0, 2);
  const notes: PlannedCounselingNote[] = [];
  for (const [participantId, list] of chosen) {
    const random = createRandom(options.seed).fork(`counseling-note/${participantId}`);
    const lastThree = [...list].sort((a, b) => a.endsAtMs - b.endsAtMs).slice(-3);
    const bodies = shuffled(random, P.COUNSELING_NOTES.length);
    lastThree.forEach((a, i) => {
      const signedAt = a.endsAtMs + random.int(1, 6) * HOUR;
      const draft =
        signedAt > options.nowMs || (i === lastThree.length - 1 && options.nowMs - a.endsAtMs < 2 * DAY);
      notes.push({
        appointment: a,
        authorId: a.staffId,
        status: draft ? "draft" : "signed",
        body: P.COUNSELING_NOTES[bodies[i % bodies.length]!]!,
        createdAtMs: Math.min(options.nowMs, a.endsAtMs + 30 * 60_000),
        signedAtMs: draft ? null : signedAt,
      });
    });
  }
  return notes;
}
