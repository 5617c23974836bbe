import {
  type GroupEntryContent,
  type GroupSharedContent,
  type NoteFormat,
  type NoteSection,
  type NoteStatus,
  SECTIONS_BY_FORMAT,
  type SessionNoteContent,
} from "./note.schema";

/**
 * The rules of a note's life (pure): what must be there before signing, which status a signature
 * leads to, when a note is a late entry and when an unsigned one is overdue. Each problem names its
 * field so the screen can point at it.
 */

export interface SigningIssue {
  /** A path into the note: "shared.narrative", "entries.<participantId>.contribution", "sections.data"… */
  field: string;
  /** The participant the issue is about (group notes). */
  participantId?: string;
  code:
    | "SESSION_NOT_ENDED"
    | "TOPIC_REQUIRED"
    | "NARRATIVE_REQUIRED"
    | "ENTRY_REQUIRED"
    | "PARTICIPATION_REQUIRED"
    | "CONTRIBUTION_REQUIRED"
    | "OBJECTIVE_PROGRESS_REQUIRED"
    | "OBJECTIVE_NOT_IN_PLAN"
    | "FOLLOW_UP_NOTE_REQUIRED"
    | "SECTION_REQUIRED"
    | "NEXT_SESSION_REQUIRED";
  message: string;
}

const blank = (s: string) => s.trim().length === 0;

/** Attendance statuses that mean the participant was in the session (an entry is then required). */
export const ATTENDED_STATUSES = ["present", "late", "left_early"] as const;
export function attended(status: string | null | undefined): boolean {
  return status !== null && status !== undefined && (ATTENDED_STATUSES as readonly string[]).includes(status);
}

function objectiveIssues(
  objectives: GroupEntryContent["objectives"],
  currentObjectiveIds: ReadonlySet<string>,
  prefix: string,
  participantId: string | undefined,
  who: string,
): SigningIssue[] {
  const issues: SigningIssue[] = [];
  objectives.forEach((o, i) => {
    if (!currentObjectiveIds.has(o.objectiveId)) {
      issues.push({
        field: `${prefix}objectives.${i}.objectiveId`,
        participantId,
        code: "OBJECTIVE_NOT_IN_PLAN",
        message: `${who}: an objective linked to this note is not in the current treatment plan. Pick one from the current plan.`,
      });
    } else if (o.progress === null) {
      issues.push({
        field: `${prefix}objectives.${i}.progress`,
        participantId,
        code: "OBJECTIVE_PROGRESS_REQUIRED",
        message: `${who}: say whether they are progressing, unchanged or regressing on each linked objective.`,
      });
    }
  });
  return issues;
}

export interface GroupNoteForSigning {
  ended: boolean;
  shared: GroupSharedContent;
  /** Every participant on the roster, with their attendance and entry (null when none was written). */
  roster: {
    participantId: string;
    /** How to name them in a message to the author (never shown elsewhere). */
    displayName: string;
    attendanceStatus: string | null;
    entry: GroupEntryContent | null;
    /** Ids of the objectives of their current plan. */
    currentObjectiveIds: ReadonlySet<string>;
  }[];
}

/**
 * What stops a group note from being signed: the session must have ended; a topic (or module) and a
 * shared narrative; for each participant who attended, an individualized entry with participation
 * and what they contributed, progress on each linked objective (all from their current plan), and
 * what to follow up when flagged. Entries for those absent are optional.
 */
export function groupNoteSigningIssues(note: GroupNoteForSigning): SigningIssue[] {
  const issues: SigningIssue[] = [];
  if (!note.ended) {
    issues.push({
      field: "session",
      code: "SESSION_NOT_ENDED",
      message: "This session has not ended yet: a note can be signed once it is over.",
    });
  }
  if (note.shared.moduleKey === null && blank(note.shared.topic)) {
    issues.push({
      field: "shared.topic",
      code: "TOPIC_REQUIRED",
      message: "Give the session's topic or module.",
    });
  }
  if (blank(note.shared.narrative)) {
    issues.push({
      field: "shared.narrative",
      code: "NARRATIVE_REQUIRED",
      message: "Write the shared narrative: what the group did in this session.",
    });
  }
  for (const row of note.roster) {
    const prefix = `entries.${row.participantId}.`;
    const who = row.displayName;
    const wasThere = attended(row.attendanceStatus);
    const entry = row.entry;
    const empty =
      entry === null ||
      (entry.participation === null &&
        blank(entry.contribution) &&
        blank(entry.moodAffect) &&
        entry.objectives.length === 0 &&
        blank(entry.riskObservations));
    if (empty) {
      if (wasThere) {
        issues.push({
          field: `${prefix}contribution`,
          participantId: row.participantId,
          code: "ENTRY_REQUIRED",
          message: `${who} attended: write their individualized entry.`,
        });
      }
      continue;
    }
    if (entry.participation === null && wasThere) {
      issues.push({
        field: `${prefix}participation`,
        participantId: row.participantId,
        code: "PARTICIPATION_REQUIRED",
        message: `${who}: choose how they took part.`,
      });
    }
    if (blank(entry.contribution) && wasThere) {
      issues.push({
        field: `${prefix}contribution`,
        participantId: row.participantId,
        code: "CONTRIBUTION_REQUIRED",
        message: `${who}: write what they contributed or practised.`,
      });
    }
    issues.push(
      ...objectiveIssues(entry.objectives, row.currentObjectiveIds, prefix, row.participantId, who),
    );
    if (entry.followUp && blank(entry.followUpNote)) {
      issues.push({
        field: `${prefix}followUpNote`,
        participantId: row.participantId,
        code: "FOLLOW_UP_NOTE_REQUIRED",
        message: `${who}: say what to follow up on.`,
      });
    }
  }
  return issues;
}

/**
 * What stops an individual or family note from being signed: the session must have ended; every
 * section of its format written; progress on each linked objective, all from the current plan; the
 * plan for the next session.
 */
export function sessionNoteSigningIssues(note: {
  ended: boolean;
  format: NoteFormat;
  content: SessionNoteContent;
  currentObjectiveIds: ReadonlySet<string>;
}): SigningIssue[] {
  const issues: SigningIssue[] = [];
  if (!note.ended) {
    issues.push({
      field: "session",
      code: "SESSION_NOT_ENDED",
      message: "This session has not ended yet: a note can be signed once it is over.",
    });
  }
  for (const section of SECTIONS_BY_FORMAT[note.format]) {
    if (blank(note.content.sections[section] ?? "")) {
      issues.push({
        field: `sections.${section}`,
        code: "SECTION_REQUIRED",
        message: `Write the ${SECTION_LABELS[section]} section.`,
      });
    }
  }
  issues.push(
    ...objectiveIssues(note.content.objectives, note.currentObjectiveIds, "", undefined, "This note"),
  );
  if (blank(note.content.nextSession)) {
    issues.push({
      field: "nextSession",
      code: "NEXT_SESSION_REQUIRED",
      message: "Write the plan for the next session.",
    });
  }
  return issues;
}

/** English names of the sections for messages (the web app has its own, translated). */
export const SECTION_LABELS: Record<NoteSection, string> = {
  data: "Data",
  assessment: "Assessment",
  plan: "Plan",
  behavior: "Behavior",
  intervention: "Intervention",
  response: "Response",
  subjective: "Subjective",
  objective: "Objective",
};

/** The status a note takes when its author signs: awaiting co-signature for a supervisee, else signed. */
export function statusAfterAuthorSignature(requiresCosignature: boolean): NoteStatus {
  return requiresCosignature ? "awaiting_cosign" : "signed";
}

const HOUR = 3_600_000;

/** A note signed by its author more than `lateEntryHours` after the session ended is a late entry. */
export function isLateEntry(sessionEndsAt: Date, authorSignedAt: Date, lateEntryHours: number): boolean {
  return authorSignedAt.getTime() - sessionEndsAt.getTime() > lateEntryHours * HOUR;
}

/** Whole hours since the session ended (0 before it ends). */
export function hoursSinceSession(sessionEndsAt: Date, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - sessionEndsAt.getTime()) / HOUR));
}

/** An unsigned note (draft or awaiting co-signature) is overdue once `unsignedAlertHours` have passed since the session. */
export function isUnsignedOverdue(
  status: NoteStatus,
  sessionEndsAt: Date,
  at: Date,
  unsignedAlertHours: number,
): boolean {
  return status !== "signed" && at.getTime() - sessionEndsAt.getTime() >= unsignedAlertHours * HOUR;
}

/** What a signature's hash covers is `canonicalJson` of the signed content (one function for plans and notes). */
export { canonicalJson } from "../treatment-plans/plan.rules";

/**
 * What an author's signature on a group note covers: the shared part and every entry, entries in
 * participant-id order (so the hash does not depend on the order they were written in).
 */
export function groupNoteSignedContent(
  shared: GroupSharedContent,
  entries: readonly { participantId: string; content: GroupEntryContent }[],
): { shared: GroupSharedContent; entries: { participantId: string; content: GroupEntryContent }[] } {
  const sorted = [...entries].sort((a, b) =>
    a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0,
  );
  return { shared, entries: sorted.map((e) => ({ participantId: e.participantId, content: e.content })) };
}

/** What an author's signature on an individual or family note covers: its format and content. */
export function sessionNoteSignedContent(
  format: NoteFormat,
  content: SessionNoteContent,
): { format: NoteFormat; content: SessionNoteContent } {
  return { format, content };
}

/** What the signature on an addendum covers: the note it belongs to, the entry it concerns, its reason and text. */
export function addendumSignedContent(addendum: {
  noteId: string;
  entryParticipantId: string | null;
  reason: string;
  body: string;
}): { noteId: string; entryParticipantId: string | null; reason: string; body: string } {
  const { noteId, entryParticipantId, reason, body } = addendum;
  return { noteId, entryParticipantId, reason, body };
}
