import { describe, expect, it } from "vitest";
import type { AssessmentAssignment } from "../../../core/assessments/assessments.schema";
import type { DueMeasureView } from "../../../core/assessments/measurement-schedule.schema";
import { deriveQuestionnaireTodos } from "./questionnaire-todos";

const TODAY = "2026-03-13";

const assignment = (instrumentKey: string, dueOn: string, id: string): AssessmentAssignment => ({
  id,
  instrumentKey,
  dueOn,
  assignedAt: "2026-03-01T12:00:00.000Z",
  assignedBy: "Jordan Alvarez",
});

const measure = (
  instrumentKey: string,
  status: DueMeasureView["status"],
  dueOn: string,
  openAssignment: DueMeasureView["openAssignment"] = null,
): DueMeasureView => ({
  instrumentKey,
  title: instrumentKey,
  titleEs: instrumentKey,
  dueOn,
  status,
  reason: { at: "intake", admittedOn: "2026-03-01" },
  alsoScheduled: [],
  explanation: "",
  openAssignment,
});

const A1 = "11111111-1111-4111-8111-111111111111";
const A2 = "22222222-2222-4222-8222-222222222222";

describe("deriveQuestionnaireTodos", () => {
  it("lists open assignments and measures due or overdue, never upcoming ones", () => {
    const todos = deriveQuestionnaireTodos([assignment("phq9", "2026-03-15", A1)], {
      today: TODAY,
      measures: [
        measure("bam", "due", "2026-03-12"),
        measure("gad7", "upcoming", "2026-03-20"),
        measure("who5", "overdue", "2026-03-05"),
      ],
    });
    expect(todos).toEqual([
      { instrumentKey: "who5", dueOn: "2026-03-05", overdue: true, assignmentId: null },
      { instrumentKey: "bam", dueOn: "2026-03-12", overdue: false, assignmentId: null },
      { instrumentKey: "phq9", dueOn: "2026-03-15", overdue: false, assignmentId: A1 },
    ]);
  });

  it("lists a questionnaire that is both assigned and scheduled once, as the assignment", () => {
    const todos = deriveQuestionnaireTodos([assignment("phq9", "2026-03-14", A1)], {
      today: TODAY,
      measures: [measure("phq9", "overdue", "2026-03-01", { id: A1, dueOn: "2026-03-14" })],
    });
    expect(todos).toEqual([{ instrumentKey: "phq9", dueOn: "2026-03-14", overdue: false, assignmentId: A1 }]);
  });

  it("answers the assignment a due measure names even when the assignment list has not caught up", () => {
    const todos = deriveQuestionnaireTodos([], {
      today: TODAY,
      measures: [measure("bam", "due", "2026-03-12", { id: A2, dueOn: "2026-03-16" })],
    });
    expect(todos.map((t) => t.assignmentId)).toEqual([A2]);
  });

  it("counts an assignment past its date as overdue, and puts overdue ones first", () => {
    const todos = deriveQuestionnaireTodos(
      [assignment("gad7", "2026-03-20", A1), assignment("phq9", "2026-03-12", A2)],
      { today: TODAY, measures: [] },
    );
    expect(todos.map((t) => [t.instrumentKey, t.overdue])).toEqual([
      ["phq9", true],
      ["gad7", false],
    ]);
  });

  it("is empty when nothing is assigned or due", () => {
    expect(
      deriveQuestionnaireTodos([], { today: TODAY, measures: [measure("bam", "upcoming", "2026-03-19")] }),
    ).toEqual([]);
  });
});
