import type { CurriculumCategory } from "../curriculum/module.schema";
import { isLateEntry } from "../notes/note.rules";
import type { NoteStatus, ObjectiveAddressed } from "../notes/note.schema";
import * as P from "./note-phrases";
import type { Random } from "./random";

/**
 * What the demo's clinical notes are planned from and how each note's life goes (pure): the inputs
 * (sessions, appointments, participants, their signed plans), when a note is written, signed,
 * co-signed and added to, and the objectives of the plan in effect that a note links. Used by
 * note-stories.ts (group notes) and session-note-stories.ts (individual, family and counseling notes).
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

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

export const fill = (template: string, slots: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(slots[key] ?? `{${key}}`));

/** "Urge surfing" → "urge surfing"; "HALT check" and "I-statements" stay as they are. */
export const inSentence = (name: string) =>
  /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;

export function shuffled(random: Random, length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let x = random.next() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices.at(-1)![0];
}

/** The objectives of the plan in effect at `atMs`, still being worked on. */
export function currentObjectives(
  options: NoteStoryOptions,
  episodeId: string,
  atMs: number,
): PlanObjective[] {
  const versions = options.plans.get(episodeId) ?? [];
  let current: SignedPlanVersion | undefined;
  for (const v of versions) if (v.signedAtMs <= atMs) current = v;
  return (current?.objectives ?? []).filter((o) => o.status === "not_started" || o.status === "in_progress");
}

export function addressObjectives(
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
export function planLifecycle(
  random: Random,
  endsAtMs: number,
  authorId: string,
  options: NoteStoryOptions,
  addendumParticipants: readonly string[],
  /** The latest session of its track: its note is still being written when it is this recent. */
  latestOfTrack = false,
): NoteLifecycle {
  const { nowMs } = options;
  const late = random.chance(0.03);
  const delay = late ? random.int(30, 140) * HOUR : random.around(5, 4, 0.5, 20) * HOUR;
  const signedAt = Math.round(endsAtMs + delay);
  const createdAt = Math.min(nowMs, endsAtMs + random.int(5, 90) * 60_000);
  // Some notes of the last four days are still drafts (a few already past the 48-hour alert), and
  // always the latest group's of each track: whatever the day of the week the demo is made, a
  // facilitator has a note to finish.
  const age = nowMs - endsAtMs;
  const recent = age < 4 * DAY;
  const leftAsDraft = (recent && random.chance(age < DAY ? 0.5 : 0.25)) || (recent && latestOfTrack);
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
