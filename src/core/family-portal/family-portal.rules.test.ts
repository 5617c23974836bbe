import { describe, expect, it } from "vitest";
import type { PlanContent } from "../treatment-plans/plan.schema";
import { goalsForFamily, summarizeAttendance, visibleFamilyScopes } from "./family-portal.rules";

const TODAY = "2026-11-24";

describe("visibleFamilyScopes", () => {
  it("keeps only the family categories the consent grants, less those an agreed restriction withholds", () => {
    expect(
      visibleFamilyScopes(
        ["attendance_summary", "diagnosis", "family_session_schedule", "assessment_scores"],
        ["assessment_scores"],
      ),
    ).toEqual(["family_session_schedule", "attendance_summary"]);
  });

  it("never reads entire_record as a family category", () => {
    expect(visibleFamilyScopes(["entire_record"], [])).toEqual([]);
  });
});

describe("summarizeAttendance", () => {
  const session = (date: string, status: string | null, minutesAttended = 0, scheduledMinutes = 180) => ({
    date,
    scheduledMinutes,
    mark: status === null ? null : { status: status as "present", minutesAttended },
  });

  it("counts recorded sessions over four seven-day weeks ending today, oldest first", () => {
    const { weeks, total } = summarizeAttendance(
      [
        session("2026-10-28", "present", 180),
        session("2026-11-17", "late", 150),
        session("2026-11-18", "absent_excused"),
        session("2026-11-24", "absent_unexcused"),
      ],
      TODAY,
    );
    expect(weeks.map((w) => [w.from, w.to, w.attendedSessions, w.expectedSessions])).toEqual([
      ["2026-10-28", "2026-11-03", 1, 1],
      ["2026-11-04", "2026-11-10", 0, 0],
      ["2026-11-11", "2026-11-17", 1, 1],
      ["2026-11-18", "2026-11-24", 0, 2],
    ]);
    expect(total).toEqual({
      from: "2026-10-28",
      to: TODAY,
      attendedSessions: 2,
      expectedSessions: 4,
      attendedMinutes: 330,
      expectedMinutes: 720,
    });
  });

  it("leaves out sessions the program cancelled, sessions not yet recorded and sessions outside the weeks", () => {
    const { total } = summarizeAttendance(
      [
        session("2026-11-20", "cancelled_by_program"),
        session("2026-11-21", null),
        session("2026-10-27", "present", 180),
        session("2026-11-25", "present", 180),
      ],
      TODAY,
    );
    expect(total.expectedSessions).toBe(0);
    expect(total.attendedMinutes).toBe(0);
  });
});

describe("goalsForFamily", () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const content: PlanContent = {
    problems: [
      {
        id: id(1),
        title: "Alcohol use disorder, moderate",
        templateKey: null,
        sources: [{ kind: "diagnosis", ref: "F10.20", label: "F10.20 Alcohol dependence" }],
        goal: { participantWords: "  Stay sober for my daughter  ", clinical: "Sustained remission" },
        objectives: [
          {
            id: id(2),
            statement: "Attend three groups a week",
            measure: null,
            targetOn: null,
            status: "met",
          },
          { id: id(3), statement: "Old step", measure: null, targetOn: null, status: "discontinued" },
          {
            id: id(4),
            statement: "Name three triggers",
            measure: null,
            targetOn: null,
            status: "in_progress",
          },
        ],
        interventions: [],
      },
      {
        id: id(5),
        title: "Depression",
        templateKey: null,
        sources: [],
        goal: { participantWords: "", clinical: "Reduce depressive symptoms" },
        objectives: [],
        interventions: [],
      },
    ],
    strengths: [],
    barriers: [],
    dischargeCriteria: [],
  };

  it("gives the participant's own words and the current steps' titles, never the problem or the clinical goal", () => {
    expect(goalsForFamily(content)).toEqual([
      {
        id: id(1),
        words: "Stay sober for my daughter",
        steps: [
          { id: id(2), title: "Attend three groups a week", done: true },
          { id: id(4), title: "Name three triggers", done: false },
        ],
      },
    ]);
    expect(JSON.stringify(goalsForFamily(content))).not.toMatch(/Alcohol|F10|remission|Depress/);
  });
});
