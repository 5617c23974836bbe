import { z } from "zod";
import { noteFormatSchema } from "./note.schema";

/**
 * The program's note settings. Program policy, not law: nothing in ../shared/reference/clinical.md
 * fixes these figures, so each is configurable (defaults are common practice).
 */
export const notesSettingsSchema = z.object({
  /** The format a new individual or family note starts in (the clinician may pick another per note). */
  defaultFormat: noteFormatSchema,
  /** A note still unsigned this many hours after its session ends is on the worklist as overdue and raises an alert. */
  unsignedAlertHours: z
    .number({ message: "Give the hours before an unsigned note raises an alert." })
    .int("Use whole hours.")
    .min(4, "Allow at least 4 hours.")
    .max(336, "Allow at most 336 hours (14 days)."),
  /** A note the author signs more than this many hours after its session ends is labelled a late entry. */
  lateEntryHours: z
    .number({ message: "Give the hours after which a note is a late entry." })
    .int("Use whole hours.")
    .min(1, "Use at least 1 hour.")
    .max(336, "Use at most 336 hours (14 days)."),
  /** The cloned-entry check flags entries at least this similar (0.5–1; 1 flags identical entries only). */
  cloneThreshold: z
    .number({ message: "Enter the similarity threshold, a number from 0.5 to 1." })
    .min(0.5, "Use a threshold of at least 0.5: below that, ordinary entries on one topic are flagged.")
    .max(1, "Use a threshold of at most 1 (1 flags only identical entries)."),
  /** How many of a participant's earlier group entries the check compares each entry with. */
  clonePreviousEntries: z
    .number({ message: "Give how many earlier entries to compare." })
    .int("Use a whole number.")
    .min(0, "Use 0 (do not compare with earlier notes) or more.")
    .max(20, "Compare with at most 20 earlier entries."),
});
export type NotesSettings = z.infer<typeof notesSettingsSchema>;

export const DEFAULT_NOTES_SETTINGS: NotesSettings = {
  defaultFormat: "DAP",
  unsignedAlertHours: 48,
  lateEntryHours: 24,
  cloneThreshold: 0.8,
  clonePreviousEntries: 5,
};
