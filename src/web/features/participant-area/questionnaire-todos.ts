import type { AssessmentAssignment } from "../../../core/assessments/assessments.schema";
import type { ParticipantDue } from "../../../core/assessments/measurement-schedule.schema";

/** One questionnaire the participant has to fill in now. */
export interface QuestionnaireTodo {
  instrumentKey: string;
  dueOn: string;
  /** Past its date (an assignment) or its grace days (a scheduled measure). */
  overdue: boolean;
  /** The assignment it completes, when the care team assigned it. */
  assignmentId: string | null;
}

/**
 * What a participant has to fill in: every open assignment, and every scheduled measure that is due
 * or overdue and not already assigned (an assignment of the same questionnaire answers both).
 * Upcoming measures are not yet to-dos. Overdue first, then by date.
 */
export function deriveQuestionnaireTodos(
  assignments: readonly AssessmentAssignment[],
  due: Pick<ParticipantDue, "today" | "measures">,
): QuestionnaireTodo[] {
  const assigned = new Set(assignments.map((a) => a.instrumentKey));
  const todos: QuestionnaireTodo[] = [
    ...assignments.map((a) => ({
      instrumentKey: a.instrumentKey,
      dueOn: a.dueOn,
      overdue: a.dueOn < due.today,
      assignmentId: a.id,
    })),
    ...due.measures
      .filter((m) => m.status !== "upcoming" && !assigned.has(m.instrumentKey))
      .map((m) => ({
        instrumentKey: m.instrumentKey,
        dueOn: m.dueOn,
        overdue: m.status === "overdue",
        assignmentId: m.openAssignment?.id ?? null,
      })),
  ];
  return todos.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.instrumentKey.localeCompare(b.instrumentKey),
  );
}
