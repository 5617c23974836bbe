import type { NoteFormat, NoteIntervention, SessionNoteContent } from "../notes/note.schema";
import {
  type AppointmentInput,
  addressObjectives,
  currentObjectives,
  DAY,
  fill,
  HOUR,
  type NoteLifecycle,
  type NoteStoryOptions,
  planLifecycle,
  type StoryParticipant,
  shuffled,
  weighted,
} from "./note-lifecycle";
import * as P from "./note-phrases";
import { createRandom, hashUnit, type Random } from "./random";

/**
 * The demo's individual and family notes (DAP mostly, BIRP and SOAP), one per attended appointment,
 * and a handful of SUD counseling notes (pure). Their lives (signing, co-signing, addenda) follow
 * note-lifecycle.ts as group notes do.
 */

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
