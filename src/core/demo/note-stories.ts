import { entrySimilarity } from "../notes/entry-similarity.rules";
import type { GroupEntryContent, GroupSharedContent, ParticipationLevel } from "../notes/note.schema";
import {
  addressObjectives,
  currentObjectives,
  DAY,
  fill,
  type GroupSessionInput,
  inSentence,
  type NoteLifecycle,
  type NoteModule,
  type NoteStoryOptions,
  type PlanObjective,
  planLifecycle,
  type StoryParticipant,
  shuffled,
  weighted,
} from "./note-lifecycle";
import * as P from "./note-phrases";
import { createRandom, hashUnit, type Random } from "./random";

/**
 * The demo's group notes, planned from its history (pure): one for each past group session with
 * attendance. Entries are written per participant from independent parts (how they took part, mood,
 * what they practised with the module's skill in a situation of their own, what they said, their
 * plan, objectives of their current plan, now and then a risk and a follow-up) and measured with the
 * cloned-entry check's own similarity: an honest entry that reads like another is written again. A
 * handful of deliberate near-clones are left for the check to find: an entry copied to another
 * participant with only the name changed, and an entry copied from the same participant's previous
 * note with one word changed. The notes' lives (signed within hours, late entries, drafts of the last
 * days, co-signatures, addenda) are note-lifecycle.ts's; individual, family and counseling notes are
 * in session-note-stories.ts.
 */

export type CloneStory = "same_note" | "own_previous";

export interface PlannedGroupNote extends NoteLifecycle {
  session: GroupSessionInput;
  shared: GroupSharedContent;
  entries: { participantId: string; episodeId: string; content: GroupEntryContent }[];
  /** A deliberate near-clone in this note, and whose entry it is. */
  clone: { kind: CloneStory; participantId: string; otherParticipantId: string | null } | null;
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
  /** Each track's latest session that has ended by now. */
  const latestEnded = new Map<string, number>();
  for (const session of ordered) {
    if (session.endsAtMs <= options.nowMs) latestEnded.set(session.trackId, session.endsAtMs);
  }
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
      latestEnded.get(session.trackId) === session.endsAtMs,
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
