import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  currentObjectivesOf,
  isTypedNameAcceptable,
  mergeObjectiveStatuses,
  requiredSignatureRoles,
  validatePlanForSigning,
} from "./plan.rules";
import {
  EMPTY_PLAN_CONTENT,
  type Objective,
  type PlanContent,
  type Problem,
  planContentSchema,
} from "./plan.schema";
import { currentObjectiveSchema } from "./plan-api.schema";

const P1 = "00000000-0000-4000-8000-000000000001";
const P2 = "00000000-0000-4000-8000-000000000002";
const O1 = "00000000-0000-4000-8000-000000000011";
const O2 = "00000000-0000-4000-8000-000000000012";
const O3 = "00000000-0000-4000-8000-000000000013";
const I1 = "00000000-0000-4000-8000-000000000021";
const V1 = "00000000-0000-4000-8000-000000000031";

const objective = (over: Partial<Objective> = {}): Objective => ({
  id: O1,
  statement: "Identify three triggers and a coping response for each",
  measure: { kind: "count", target: 3, unit: "triggers with a coping response" },
  targetOn: "2026-12-15",
  status: "not_started",
  ...over,
});

const problem = (over: Partial<Problem> = {}): Problem => ({
  id: P1,
  title: "Alcohol use",
  templateKey: "alcohol-use",
  sources: [{ kind: "diagnosis", ref: "F10.20", label: "F10.20 Alcohol dependence, uncomplicated" }],
  goal: { participantWords: "I want to stop drinking", clinical: "Abstain from alcohol" },
  objectives: [objective()],
  interventions: [
    {
      id: I1,
      kind: "group",
      what: "Relapse prevention group",
      frequency: "3 times a week",
      responsible: "Track facilitator",
    },
  ],
  ...over,
});

const plan = (over: Partial<PlanContent> = {}): PlanContent => ({
  problems: [problem()],
  strengths: ["Supportive sister"],
  barriers: ["No car"],
  dischargeCriteria: ["Eight weeks without alcohol"],
  ...over,
});

const START = "2026-11-02";

describe("what a plan needs before it can be signed", () => {
  it("accepts a complete plan (and the builder's plan is valid content)", () => {
    expect(planContentSchema.safeParse(plan()).success).toBe(true);
    expect(validatePlanForSigning(plan(), START)).toEqual([]);
  });

  it("refuses a plan with no problem, naming the problems list", () => {
    expect(validatePlanForSigning({ ...EMPTY_PLAN_CONTENT, dischargeCriteria: ["Done"] }, START)).toEqual([
      { path: "content.problems", message: "Add at least one problem with a goal before signing." },
    ]);
  });

  it.each([
    ["a blank title", problem({ title: "  " }), "content.problems.0.title", "Problem 1 needs a title."],
    [
      "no goal in the participant's words",
      problem({ goal: { participantWords: "", clinical: "Abstain from alcohol" } }),
      "content.problems.0.goal.participantWords",
      "Problem “Alcohol use”: write the goal in the participant's own words.",
    ],
    [
      "no clinical goal",
      problem({ goal: { participantWords: "I want to stop", clinical: " " } }),
      "content.problems.0.goal.clinical",
      "Problem “Alcohol use”: write the clinical restatement of the goal.",
    ],
    [
      "no objective",
      problem({ objectives: [] }),
      "content.problems.0.objectives",
      "Problem “Alcohol use”: add at least one measurable objective.",
    ],
    [
      "no intervention",
      problem({ interventions: [] }),
      "content.problems.0.interventions",
      "Problem “Alcohol use”: add at least one intervention (what, how often, who).",
    ],
    [
      "an intervention nobody is responsible for",
      problem({
        interventions: [
          { id: I1, kind: "individual", what: "Individual therapy", frequency: "Weekly", responsible: "" },
        ],
      }),
      "content.problems.0.interventions.0.responsible",
      "Problem “Alcohol use”, intervention 1: say who is responsible.",
    ],
  ])("names %s", (_, p, path, message) => {
    expect(validatePlanForSigning(plan({ problems: [p] }), START)).toEqual([{ path, message }]);
  });

  it.each([
    ["statement", { statement: "" }, "Problem “Alcohol use”, objective 2: say what the participant will do."],
    ["measure", { measure: null }, "Problem “Alcohol use”, objective 2: choose how it will be measured."],
    ["targetOn", { targetOn: null }, "Problem “Alcohol use”, objective 2: give a target date."],
    ["targetOn", { targetOn: "2026-11-01" }, "The target date is before the plan starts (2026-11-02)."],
  ] as const)("names an objective's missing or wrong %s by its index", (field, over, message) => {
    const content = plan({
      problems: [problem({ objectives: [objective(), objective({ id: O2, ...over })] })],
    });
    expect(validatePlanForSigning(content, START)).toEqual([
      { path: `content.problems.0.objectives.1.${field}`, message },
    ]);
  });

  it("accepts a target date on the plan's start day", () => {
    const content = plan({ problems: [problem({ objectives: [objective({ targetOn: START })] })] });
    expect(validatePlanForSigning(content, START)).toEqual([]);
  });

  it("requires at least one discharge criterion and refuses empty list entries", () => {
    expect(validatePlanForSigning(plan({ dischargeCriteria: [] }), START)).toEqual([
      {
        path: "content.dischargeCriteria",
        message: "Add at least one discharge criterion agreed with the participant.",
      },
    ]);
    expect(validatePlanForSigning(plan({ strengths: ["Faith", " "] }), START)).toEqual([
      { path: "content.strengths.1", message: "This strength is empty: write it or remove it." },
    ]);
  });

  it("lists every problem at once, in document order, across problems", () => {
    const content = plan({
      problems: [
        problem({ objectives: [objective({ measure: null, targetOn: null })] }),
        problem({ id: P2, title: "Depression", interventions: [] }),
      ],
    });
    expect(validatePlanForSigning(content, START).map((e) => e.path)).toEqual([
      "content.problems.0.objectives.0.measure",
      "content.problems.0.objectives.0.targetOn",
      "content.problems.1.interventions",
    ]);
  });
});

describe("who must sign", () => {
  it.each([
    [null, ["clinician", "participant"]],
    [P1, ["clinician", "participant", "supervisor"]],
  ])("with co-signer %s: %j", (cosigner, roles) => {
    expect(requiredSignatureRoles(cosigner)).toEqual(roles);
  });
});

describe("the canonical JSON that is hashed when signing", () => {
  it("is the same text whatever order the keys were written in, at every level", () => {
    const a = { b: 1, a: { d: [{ y: 1, x: 2 }], c: "é" } };
    const b = { a: { c: "é", d: [{ x: 2, y: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"é","d":[{"x":2,"y":1}]},"b":1}');
  });

  it("keeps array order, which is meaningful (objective 1 is not objective 2)", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("follows JSON for undefined, dates and non-finite numbers", () => {
    expect(canonicalJson({ b: undefined, a: new Date("2026-11-02T10:00:00Z"), n: Number.NaN })).toBe(
      '{"a":"2026-11-02T10:00:00.000Z","n":null}',
    );
    expect(canonicalJson([undefined])).toBe("[null]");
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("differs when a single value in a plan differs", () => {
    const changed = plan({ problems: [problem({ objectives: [objective({ targetOn: "2026-12-16" })] })] });
    expect(canonicalJson(plan())).not.toBe(canonicalJson(changed));
  });
});

describe("the participant's typed name", () => {
  const names = ["José María O’Neil", "Pepe O'Neil"];
  it.each([
    ["José María O’Neil", true],
    ["jose maria o'neil", true],
    ["  JOSE   MARIA  ONEIL ", true],
    ["José-María O Neil", true],
    ["pepe oneil", true],
    ["Jose Maria", false],
    ["José María O’Neill", false],
    ["", false],
    ["   ", false],
  ])("%j → %s", (typed, ok) => {
    expect(isTypedNameAcceptable(typed, names)).toBe(ok);
  });

  it("matches Spanish names typed without accents or tilde, but not with another letter", () => {
    expect(isTypedNameAcceptable("Nuñez", ["Núñez"])).toBe(true);
    expect(isTypedNameAcceptable("Nunez", ["Núñez"])).toBe(true);
    expect(isTypedNameAcceptable("Numez", ["Núñez"])).toBe(false);
  });

  it("refuses anything when no name is on file", () => {
    expect(isTypedNameAcceptable("Ana", [])).toBe(false);
    expect(isTypedNameAcceptable("", [""])).toBe(false);
  });
});

describe("merging a review's statuses into the plan", () => {
  it("takes the status recorded for each objective and leaves the others and the input untouched", () => {
    const content = plan({
      problems: [problem({ objectives: [objective(), objective({ id: O2, status: "in_progress" })] })],
    });
    const merged = mergeObjectiveStatuses(content, [
      { objectiveId: O1, status: "met" },
      { objectiveId: O3, status: "discontinued" },
    ]);
    expect(merged.problems[0]!.objectives.map((o) => [o.id, o.status])).toEqual([
      [O1, "met"],
      [O2, "in_progress"],
    ]);
    expect(content.problems[0]!.objectives[0]!.status).toBe("not_started");
    expect(merged.strengths).toEqual(content.strengths);
  });
});

describe("the current objectives (the golden thread)", () => {
  const content = plan({
    problems: [
      problem({ objectives: [objective(), objective({ id: O2, statement: "Attend 9 hours a week" })] }),
      problem({
        id: P2,
        title: "Depression",
        goal: { participantWords: "Feel like myself again", clinical: "  " },
        objectives: [objective({ id: O3, statement: "PHQ-9 below 10", status: "in_progress" })],
        interventions: [],
      }),
    ],
  });

  it("lists every objective in plan order with its problem, goal, interventions and version", () => {
    const current = currentObjectivesOf({ id: V1, number: 2, content }, new Map());
    expect(current.map((o) => [o.objectiveId, o.problem.title, o.goal, o.status])).toEqual([
      [O1, "Alcohol use", "Abstain from alcohol", "not_started"],
      [O2, "Alcohol use", "Abstain from alcohol", "not_started"],
      [O3, "Depression", "Feel like myself again", "in_progress"],
    ]);
    expect(current[0]).toMatchObject({ planVersionId: V1, planVersionNumber: 2, targetOn: "2026-12-15" });
    expect(current[0]!.interventions.map((i) => i.what)).toEqual(["Relapse prevention group"]);
    for (const o of current) expect(currentObjectiveSchema.safeParse(o).success).toBe(true);
  });

  it("shows the latest status from the reviews since signing", () => {
    const current = currentObjectivesOf({ id: V1, number: 2, content }, new Map([[O3, "met" as const]]));
    expect(current.find((o) => o.objectiveId === O3)!.status).toBe("met");
    expect(current.find((o) => o.objectiveId === O1)!.status).toBe("not_started");
  });
});
