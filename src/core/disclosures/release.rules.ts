import type { ConsentFacts, InformationScope } from "../consents/consent.schema";

/**
 * Record releases (§2.32): which categories a consent lets staff release, and the plain arithmetic the
 * packet prints. Pure: no IO, no clock.
 */

/**
 * The record categories a release packet is built from. SUD counseling notes are not among them: they
 * are kept apart from the record and are never part of a routine release (a counseling-notes consent
 * is handled on its own, outside this packet).
 */
export const RELEASE_CATEGORIES = [
  "attendance",
  "diagnosis",
  "treatment_plan",
  "medications",
  "assessment_scores",
  "drug_screens",
  "progress_summary",
  "discharge_summary",
] as const satisfies readonly InformationScope[];
export type ReleaseCategory = (typeof RELEASE_CATEGORIES)[number];

export const isReleaseCategory = (scope: InformationScope): scope is ReleaseCategory =>
  (RELEASE_CATEGORIES as readonly InformationScope[]).includes(scope);

/** The release categories a consent covers: those it names, or all of them under `entire_record`. */
export function releasableCategories(consent: Pick<ConsentFacts, "informationScope">): ReleaseCategory[] {
  if (consent.informationScope.includes("entire_record")) return [...RELEASE_CATEGORIES];
  return RELEASE_CATEGORIES.filter((c) => consent.informationScope.includes(c));
}

const ATTENDED = new Set(["present", "late", "left_early"]);
const MISSED = new Set(["absent_excused", "absent_unexcused"]);

export interface AttendanceMark {
  occurredOn: string;
  status: string;
  minutesAttended: number;
}

export interface AttendanceSummary {
  attended: number;
  missed: number;
  /** Hours attended, to the quarter hour. */
  hours: number;
  /** Attended of attended + missed, as a whole percentage; null with no sessions held. */
  ratePercent: number | null;
}

/** Sessions attended and missed (programme cancellations count as neither), hours, and the rate. */
export function summarizeAttendance(marks: readonly AttendanceMark[]): AttendanceSummary {
  const attended = marks.filter((m) => ATTENDED.has(m.status));
  const missed = marks.filter((m) => MISSED.has(m.status)).length;
  const minutes = attended.reduce((sum, m) => sum + m.minutesAttended, 0);
  const held = attended.length + missed;
  return {
    attended: attended.length,
    missed,
    hours: Math.round((minutes / 60) * 4) / 4,
    ratePercent: held === 0 ? null : Math.round((attended.length / held) * 100),
  };
}

export const isAttended = (status: string): boolean => ATTENDED.has(status);
export const isMissed = (status: string): boolean => MISSED.has(status);

/** The latest score of each questionnaire, newest first. */
export function latestScores<T extends { instrumentKey: string; completedOn: string }>(
  scores: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const score of scores) {
    const seen = latest.get(score.instrumentKey);
    if (!seen || seen.completedOn <= score.completedOn) latest.set(score.instrumentKey, score);
  }
  return [...latest.values()].sort((a, b) => b.completedOn.localeCompare(a.completedOn));
}
