import type { GroupEntryContent } from "./note.schema";

/**
 * What the cloned-entry check compares of an individualized entry (pure). An auditor reads the words
 * a clinician wrote about this person: what they contributed or practised, their mood and affect, the
 * comments on their plan objectives, the risk observations and what to follow up. Those are joined
 * in that fixed order, one per line, blank ones left out. The participation level and the progress
 * choices are picked from lists, so two honest entries share them all the time: they are not text and
 * are left out, as are the objective ids (the same plan objective may rightly come up every week).
 */
export function entryTextForCloneCheck(entry: GroupEntryContent): string {
  return [
    entry.contribution,
    entry.moodAffect,
    ...entry.objectives.map((o) => o.comment),
    entry.riskObservations,
    entry.followUpNote,
  ]
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join("\n");
}
