import { z } from "zod";

/**
 * The cloned-entry check's vocabulary (issue 8, "Group notes — one screen"). The rule lives in
 * entry-similarity.rules.ts; these schemas let a route return its findings as they are.
 */

/**
 * Where the look-alike entry is: another participant's entry in the same group note, or this
 * participant's own entry in one of their earlier notes.
 */
export const CLONED_ENTRY_KINDS = ["same_note", "own_previous"] as const;
export type ClonedEntryKind = (typeof CLONED_ENTRY_KINDS)[number];
export const clonedEntryKindSchema = z.enum(CLONED_ENTRY_KINDS);

/** How alike two entries must be to be flagged: a fraction above 0, at most 1. */
export const clonedEntryThresholdSchema = z
  .number({ message: "Enter the similarity threshold, a number from 0.5 to 1." })
  .min(0.5, "Use a threshold of at least 0.5: below that, ordinary entries on one topic are flagged.")
  .max(1, "Use a threshold of at most 1 (1 flags only identical entries).");

export const clonedEntryFindingSchema = z.object({
  /** The participant whose entry is flagged. */
  participantId: z.string(),
  kind: clonedEntryKindSchema,
  /** For `same_note`: the participant whose entry in this note looks the same. */
  otherParticipantId: z.string().optional(),
  /** For `own_previous`: the earlier note holding the look-alike entry. */
  noteId: z.string().optional(),
  /** 0..1, rounded to two decimals; 1 when `identical`. */
  similarity: z.number().min(0).max(1),
  /**
   * The two entries are the same words once case, accents, punctuation, spacing, numbers and the
   * participants' names are set aside.
   */
  identical: z.boolean(),
});
export type ClonedEntryFinding = z.infer<typeof clonedEntryFindingSchema>;
