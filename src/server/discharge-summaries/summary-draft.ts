import type { Queryable } from "../db/connection";

// Placeholder signature (issue 11): the discharge-summary helper implements this.

/**
 * Generate a discharge summary draft for an episode from its record (admission reason, course,
 * attendance, measures at start and end with reliable-change status, plan progress, medications,
 * risks): the facts snapshot and the text of each section.
 */
export async function buildDischargeSummaryDraft(
  _q: Queryable,
  _episodeId: string,
  _at: Date,
): Promise<{ facts: unknown; sections: Record<string, string> }> {
  return { facts: {}, sections: {} };
}
