import type { ClonedEntryFinding } from "../../../core/notes/entry-similarity.schema";
import type { GroupNoteRosterRow } from "../../../core/notes/notes-api.schema";

/** How a participant is named on the screen: their name, with the name they go by when it differs. */
export function rosterName(row: Pick<GroupNoteRosterRow, "name" | "preferredName">): string {
  const preferred = row.preferredName?.trim();
  return preferred && preferred !== row.name ? `${row.name} (${preferred})` : row.name;
}

/** The short name used in a sentence ("reads like Maria's entry"): the name they go by, else their name. */
export function callName(row: Pick<GroupNoteRosterRow, "name" | "preferredName">): string {
  return row.preferredName?.trim() || row.name;
}

/** The cloned-entry findings grouped by the participant whose entry is flagged. */
export function findingsByParticipant(findings: readonly ClonedEntryFinding[]) {
  const byParticipant = new Map<string, ClonedEntryFinding[]>();
  for (const finding of findings) {
    const list = byParticipant.get(finding.participantId) ?? [];
    list.push(finding);
    byParticipant.set(finding.participantId, list);
  }
  return byParticipant;
}

/** Similarity as a whole percentage (0.934 → 93). */
export const percentOf = (similarity: number) => Math.round(similarity * 100);

/** The fields of an entry a signing problem can point at, in the card's order. */
export const ENTRY_FIELDS = [
  "participation",
  "moodAffect",
  "contribution",
  "objectives",
  "riskObservations",
  "followUpNote",
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** Where a missing part named by the server (`fields[].path`) is on the screen. */
export type IssueTarget =
  | { part: "shared"; field: "topic" | "narrative" }
  | { part: "entry"; participantId: string; field: EntryField }
  | { part: "session" };

/**
 * Read a NOTE_INCOMPLETE path ("shared.narrative", "entries.<participantId>.contribution",
 * "entries.<participantId>.objectives.0.progress", "session") as the place on the screen to go to.
 */
export function issueTarget(path: string): IssueTarget {
  const [head, second, third] = path.split(".");
  if (head === "shared") return { part: "shared", field: second === "topic" ? "topic" : "narrative" };
  if (head === "entries" && second) {
    const field = (ENTRY_FIELDS as readonly string[]).includes(third ?? "")
      ? (third as EntryField)
      : "contribution";
    return { part: "entry", participantId: second, field };
  }
  return { part: "session" };
}

/** The id of a field's element, so a signing problem can take the user to it. */
export const fieldElementId = (target: Exclude<IssueTarget, { part: "session" }>) =>
  target.part === "shared"
    ? `group-note-shared-${target.field}`
    : entryFieldId(target.participantId, target.field);

export const entryFieldId = (participantId: string, field: EntryField) =>
  `group-note-${participantId}-${field}`;

/** The participant cards in the order the keyboard walks them: those who attended (the ones needing an entry) and any opened. */
export function nextIndex(current: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  return Math.min(count - 1, Math.max(0, current + step));
}
