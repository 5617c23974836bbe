import type { Decision } from "../access/access.rules";

/**
 * Who may see and change a SUD counseling note (42 CFR Part 2, 2024 rule: kept apart from the rest
 * of the record). Pure: the caller passes the policy's decisions (`can`) for the viewer on the note's
 * participant.
 *
 * - The author reads their own notes while they may still read the participant's record.
 * - Others read them only when they hold `counseling_notes.view` on the participant (a program
 *   policy, the clinical director by default) and may read the record. Emergency access (break the
 *   glass) opens the record, never these notes.
 * - Only the author changes, signs or adds to a note.
 */

export type CounselingNoteRefusal = "not_author" | "no_record_access" | "not_allowed_by_policy";

export interface CounselingNoteAccess {
  read: boolean;
  /** Edit a draft, sign it, add an addendum once signed: the author only. */
  write: boolean;
  /** Why reading is refused, for the audit trail. */
  refusal: CounselingNoteRefusal | null;
}

export function counselingNoteAccess(input: {
  viewerId: string;
  authorId: string;
  /** `can(viewer, "clinical.view", participant)`. */
  recordView: Decision;
  /** `can(viewer, "counseling_notes.view", participant)`. */
  counselingView: Decision;
}): CounselingNoteAccess {
  const { viewerId, authorId, recordView, counselingView } = input;
  if (!recordView.allowed) return { read: false, write: false, refusal: "no_record_access" };
  if (viewerId === authorId) return { read: true, write: true, refusal: null };
  const policyAllows =
    counselingView.allowed &&
    counselingView.purpose !== "break_the_glass" &&
    recordView.purpose !== "break_the_glass";
  return policyAllows
    ? { read: true, write: false, refusal: null }
    : { read: false, write: false, refusal: "not_allowed_by_policy" };
}

/** May the viewer start counseling notes on this participant: they may write to the record, not by breaking the glass. */
export function canStartCounselingNote(recordWrite: Decision): boolean {
  return recordWrite.allowed && recordWrite.purpose !== "break_the_glass";
}
