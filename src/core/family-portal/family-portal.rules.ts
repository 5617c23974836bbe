import { type AttendanceStatus, isAttended } from "../attendance/attendance.schema";
import { FAMILY_SCOPES, type FamilyScope, type InformationScope } from "../consents/consent.schema";
import { addDays } from "../platform/dates";
import type { PlanContent } from "../treatment-plans/plan.schema";
import type { AttendancePeriod, FamilyGoals } from "./family-portal.schema";

/**
 * Pure rules of the family portal: which sections a family member may see, and how the participant's
 * record is turned into the little a family view shows (counts without reasons, goals in the
 * participant's own words without the clinical problem, scores without answers). No clock: `today`
 * is a parameter.
 */

/** The family sections a consent grants, less the categories an agreed §2.26 restriction withholds. */
export function visibleFamilyScopes(
  consentScopes: readonly InformationScope[],
  restricted: readonly InformationScope[],
): FamilyScope[] {
  return FAMILY_SCOPES.filter((s) => consentScopes.includes(s) && !restricted.includes(s));
}

export interface CountedSession {
  /** The session's date in the site's time zone. */
  date: string;
  scheduledMinutes: number;
  mark: { status: AttendanceStatus; minutesAttended: number } | null;
}

export const ATTENDANCE_WEEKS = 4;

/**
 * Attended and expected sessions and minutes over the last four weeks (seven-day periods ending
 * today, oldest first). A session counts once it is recorded: one the program cancelled is not
 * expected; one nobody has recorded yet is left out rather than shown as missed. No reasons: an
 * excused and an unexcused absence both count as expected and not attended.
 */
export function summarizeAttendance(
  sessions: readonly CountedSession[],
  today: string,
): { weeks: AttendancePeriod[]; total: AttendancePeriod } {
  const weeks: AttendancePeriod[] = [];
  for (let i = ATTENDANCE_WEEKS - 1; i >= 0; i--) {
    const to = addDays(today, -7 * i);
    weeks.push({
      from: addDays(to, -6),
      to,
      attendedSessions: 0,
      expectedSessions: 0,
      attendedMinutes: 0,
      expectedMinutes: 0,
    });
  }
  for (const s of sessions) {
    if (!s.mark || s.mark.status === "cancelled_by_program") continue;
    const week = weeks.find((w) => s.date >= w.from && s.date <= w.to);
    if (!week) continue;
    week.expectedSessions += 1;
    week.expectedMinutes += s.scheduledMinutes;
    if (isAttended(s.mark.status)) {
      week.attendedSessions += 1;
      week.attendedMinutes += Math.min(s.mark.minutesAttended, s.scheduledMinutes);
    }
  }
  const total: AttendancePeriod = {
    from: weeks[0]!.from,
    to: today,
    attendedSessions: 0,
    expectedSessions: 0,
    attendedMinutes: 0,
    expectedMinutes: 0,
  };
  for (const w of weeks) {
    total.attendedSessions += w.attendedSessions;
    total.expectedSessions += w.expectedSessions;
    total.attendedMinutes += w.attendedMinutes;
    total.expectedMinutes += w.expectedMinutes;
  }
  return { weeks, total };
}

/**
 * The plan's goals as a family member may read them: the participant's own words and the titles of
 * the steps (objectives) still part of the plan. Never the problem, its sources (diagnoses, scores),
 * the clinical restatement, how a step is measured, or the interventions. A goal with no words of
 * the participant's is left out rather than shown in clinical language.
 */
export function goalsForFamily(content: PlanContent): FamilyGoals["goals"] {
  return content.problems
    .filter((p) => p.goal.participantWords.trim() !== "")
    .map((p) => ({
      id: p.id,
      words: p.goal.participantWords.trim(),
      steps: p.objectives
        .filter((o) => o.status !== "discontinued" && o.status !== "revised" && o.statement.trim() !== "")
        .map((o) => ({ id: o.id, title: o.statement.trim(), done: o.status === "met" })),
    }));
}
