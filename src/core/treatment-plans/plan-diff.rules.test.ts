import { describe, expect, it } from "vitest";
import type { Intervention, Objective, ObjectiveMeasure, PlanContent, Problem } from "./plan.schema";
import { describeMeasure, describeObjectiveStatus, diffPlanContent } from "./plan-diff.rules";

const P1 = "00000000-0000-4000-8000-000000000001";
const P2 = "00000000-0000-4000-8000-000000000002";
const P3 = "00000000-0000-4000-8000-000000000003";
const O1 = "00000000-0000-4000-8000-000000000011";
const O2 = "00000000-0000-4000-8000-000000000012";
const O3 = "00000000-0000-4000-8000-000000000013";
const I1 = "00000000-0000-4000-8000-000000000021";
const I2 = "00000000-0000-4000-8000-000000000022";

const objective = (id: string, over: Partial<Objective> = {}): Objective => ({
  id,
  statement: `Objective ${id.slice(-2)}`,
  measure: { kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 10 },
  targetOn: "2026-12-15",
  status: "in_progress",
  ...over,
});

const intervention = (id: string, over: Partial<Intervention> = {}): Intervention => ({
  id,
  kind: "group",
  what: "DBT skills group",
  frequency: "3 times a week",
  responsible: "Track facilitator",
  ...over,
});

const problem = (id: string, over: Partial<Problem> = {}): Problem => ({
  id,
  title: "Alcohol use",
  templateKey: null,
  sources: [{ kind: "participant_words", ref: null, label: "“I drink every night”" }],
  goal: { participantWords: "Stop drinking", clinical: "Abstain from alcohol" },
  objectives: [objective(O1), objective(O2)],
  interventions: [intervention(I1)],
  ...over,
});

const plan = (over: Partial<PlanContent> = {}): PlanContent => ({
  problems: [problem(P1)],
  strengths: ["Supportive sister", "Employed"],
  barriers: ["No car"],
  dischargeCriteria: ["Eight weeks without alcohol"],
  ...over,
});

describe("describing a measure", () => {
  it.each<[ObjectiveMeasure, string]>([
    [{ kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 10 }, "PHQ-9 below 10"],
    [{ kind: "instrument", instrumentKey: "gad7", comparator: "at_most", value: 4 }, "GAD-7 at most 4"],
    [{ kind: "instrument", instrumentKey: "who5", comparator: "at_least", value: 13 }, "WHO-5 at least 13"],
    [
      { kind: "instrument", instrumentKey: "local_cravings", comparator: "above", value: 3 },
      "local_cravings above 3",
    ],
    [
      { kind: "weekly_hours", minimumHours: 9, consecutiveWeeks: 4 },
      "At least 9 hours a week for 4 consecutive weeks",
    ],
    [{ kind: "weekly_hours", minimumHours: 1, consecutiveWeeks: 1 }, "At least 1 hour a week for 1 week"],
    [
      { kind: "weekly_hours", minimumHours: 7.5, consecutiveWeeks: 2 },
      "At least 7.5 hours a week for 2 consecutive weeks",
    ],
    [
      { kind: "count", target: 3, unit: "triggers with a coping response " },
      "3 triggers with a coping response",
    ],
    [{ kind: "observed", description: "Names a sober support to call" }, "Names a sober support to call"],
  ])("%j → %s", (measure, text) => {
    expect(describeMeasure(measure)).toBe(text);
  });

  it("puts a status in words", () => {
    expect(describeObjectiveStatus("in_progress")).toBe("In progress");
    expect(describeObjectiveStatus("not_started")).toBe("Not started");
  });
});

describe("the difference between two versions", () => {
  it("is empty for the same content, and for content only reordered", () => {
    expect(diffPlanContent(plan(), plan())).toEqual([]);
    const reordered = plan({
      problems: [problem(P1, { objectives: [objective(O2), objective(O1)] })],
      strengths: ["Employed", "Supportive sister"],
    });
    expect(diffPlanContent(plan(), reordered)).toEqual([]);
  });

  it("labels an objective's changed fields with the problem's title and the objective's number", () => {
    const after = plan({
      problems: [
        problem(P1, {
          objectives: [
            objective(O1),
            objective(O2, {
              targetOn: "2027-01-15",
              status: "met",
              measure: { kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 5 },
            }),
          ],
        }),
      ],
    });
    expect(diffPlanContent(plan(), after)).toEqual([
      {
        kind: "changed",
        path: `problems/${P1}/objectives/${O2}/measure`,
        label: "Problem “Alcohol use” › Objective 2 › Measure",
        before: "PHQ-9 below 10",
        after: "PHQ-9 below 5",
      },
      {
        kind: "changed",
        path: `problems/${P1}/objectives/${O2}/targetOn`,
        label: "Problem “Alcohol use” › Objective 2 › Target date",
        before: "2026-12-15",
        after: "2027-01-15",
      },
      {
        kind: "changed",
        path: `problems/${P1}/objectives/${O2}/status`,
        label: "Problem “Alcohol use” › Objective 2 › Status",
        before: "In progress",
        after: "Met",
      },
    ]);
  });

  it("reports an added and a removed objective once each, with their statements", () => {
    const after = plan({
      problems: [
        problem(P1, { objectives: [objective(O1), objective(O3, { statement: "Call a sponsor weekly" })] }),
      ],
    });
    expect(diffPlanContent(plan(), after)).toEqual([
      {
        kind: "removed",
        path: `problems/${P1}/objectives/${O2}`,
        label: "Problem “Alcohol use” › Objective 2",
        before: "Objective 12",
        after: null,
      },
      {
        kind: "added",
        path: `problems/${P1}/objectives/${O3}`,
        label: "Problem “Alcohol use” › Objective 2",
        before: null,
        after: "Call a sponsor weekly",
      },
    ]);
  });

  it("reports a measure set on a kept objective as a change from nothing", () => {
    const before = plan({ problems: [problem(P1, { objectives: [objective(O1, { measure: null })] })] });
    const after = plan({ problems: [problem(P1, { objectives: [objective(O1)] })] });
    expect(diffPlanContent(before, after)).toEqual([
      expect.objectContaining({ kind: "changed", before: null, after: "PHQ-9 below 10" }),
    ]);
  });

  it("labels a renamed problem's changes with its new title", () => {
    const after = plan({
      problems: [
        problem(P1, {
          title: "Alcohol and cannabis use",
          goal: { participantWords: "Stop drinking", clinical: "Abstain" },
        }),
      ],
    });
    expect(diffPlanContent(plan(), after).map((c) => [c.label, c.before, c.after])).toEqual([
      ["Problem “Alcohol and cannabis use” › Title", "Alcohol use", "Alcohol and cannabis use"],
      ["Problem “Alcohol and cannabis use” › Clinical goal", "Abstain from alcohol", "Abstain"],
    ]);
  });

  it("reports interventions by field, and a new one as a line of what, how often and who", () => {
    const after = plan({
      problems: [
        problem(P1, {
          interventions: [
            intervention(I1, { frequency: "Twice a week" }),
            intervention(I2, {
              kind: "family",
              what: "Family session",
              frequency: "Every other week",
              responsible: "Primary counselor",
            }),
          ],
        }),
      ],
    });
    expect(diffPlanContent(plan(), after)).toEqual([
      {
        kind: "changed",
        path: `problems/${P1}/interventions/${I1}/frequency`,
        label: "Problem “Alcohol use” › Intervention 1 › How often",
        before: "3 times a week",
        after: "Twice a week",
      },
      {
        kind: "added",
        path: `problems/${P1}/interventions/${I2}`,
        label: "Problem “Alcohol use” › Intervention 2",
        before: null,
        after: "Family session, Every other week — Primary counselor",
      },
    ]);
  });

  it("compares sources and the plan's lists by value", () => {
    const after = plan({
      problems: [
        problem(P1, {
          sources: [
            { kind: "participant_words", ref: null, label: "“I drink every night”" },
            { kind: "assessment", ref: "r1", label: "AUDIT 22 on 2026-11-02" },
          ],
        }),
      ],
      strengths: ["Supportive sister"],
      barriers: ["No car", "Works nights"],
      dischargeCriteria: ["Eight weeks without alcohol"],
    });
    expect(diffPlanContent(plan(), after)).toEqual([
      {
        kind: "added",
        path: `problems/${P1}/sources`,
        label: "Problem “Alcohol use” › Source",
        before: null,
        after: "AUDIT 22 on 2026-11-02",
      },
      { kind: "removed", path: "strengths", label: "Strength", before: "Employed", after: null },
      { kind: "added", path: "barriers", label: "Barrier", before: null, after: "Works nights" },
    ]);
  });

  it("counts a repeated list entry as its own entry", () => {
    const changes = diffPlanContent(plan({ barriers: ["No car", "No car"] }), plan({ barriers: ["No car"] }));
    expect(changes).toEqual([
      { kind: "removed", path: "barriers", label: "Barrier", before: "No car", after: null },
    ]);
  });

  it("keeps document order: a removed problem where it stood, before the problems that followed it", () => {
    const before = plan({
      problems: [problem(P1), problem(P2, { title: "Depression" }), problem(P3, { title: "Housing" })],
    });
    const after = plan({
      problems: [
        problem(P1, { goal: { participantWords: "Quit", clinical: "Abstain from alcohol" } }),
        problem(P3, { title: "Housing", objectives: [objective(O1)] }),
      ],
    });
    expect(diffPlanContent(before, after).map((c) => [c.kind, c.label])).toEqual([
      ["changed", "Problem “Alcohol use” › Goal in the participant's words"],
      ["removed", "Problem “Depression”"],
      ["removed", "Problem “Housing” › Objective 2"],
    ]);
  });

  it("reports a whole new problem once, by its title", () => {
    const after = plan({ problems: [problem(P1), problem(P2, { title: "Family conflict" })] });
    expect(diffPlanContent(plan(), after)).toEqual([
      {
        kind: "added",
        path: `problems/${P2}`,
        label: "Problem “Family conflict”",
        before: null,
        after: "Family conflict",
      },
    ]);
  });
});
