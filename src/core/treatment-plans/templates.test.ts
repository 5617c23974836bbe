import { describe, expect, it } from "vitest";
import { planContentSchema } from "./plan.schema";
import type { PlanSuggestion, PlanTemplate } from "./plan-api.schema";
import {
  instantiateTemplateProblem,
  localizeTemplate,
  startContentFrom,
  type TemplateFile,
  templateFileSchema,
} from "./templates";

const both = (en: string, es: string) => ({ en, es });

const file: TemplateFile = {
  key: "relapse-prevention",
  name: both("Relapse prevention", "Prevención de recaídas"),
  summary: both("Plan for the hard moments.", "Un plan para los momentos difíciles."),
  problem: {
    title: both("Risk of returning to use", "Riesgo de volver a consumir"),
    goal: {
      participantWords: both("I want to stay clean.", "Quiero seguir sin consumir."),
      clinical: both("Reduce the risk of return to use.", "Reducir el riesgo de volver a consumir."),
    },
    objectives: [
      {
        statement: both("Name three triggers.", "Nombrar tres detonantes."),
        measure: { kind: "count", target: 3, unit: both("triggers", "detonantes") },
        targetDays: 21,
      },
      {
        statement: both("PHQ-9 below 10.", "PHQ-9 por debajo de 10."),
        measure: { kind: "instrument", instrumentKey: "phq9", comparator: "below", value: 10 },
        targetDays: 60,
      },
      {
        statement: both("Write the plan.", "Escribir el plan."),
        measure: { kind: "observed", description: both("It is in the record.", "Consta en el expediente.") },
        targetDays: 30,
      },
    ],
    interventions: [
      {
        kind: "group",
        what: both("Skills group", "Grupo de habilidades"),
        frequency: both("3 times a week", "3 veces por semana"),
        responsible: both("Track facilitator", "Facilitador del grupo"),
      },
      {
        kind: "individual",
        what: both("Counseling", "Consejería"),
        frequency: both("Weekly", "Semanal"),
        responsible: both("Primary counselor", "Consejero principal"),
      },
    ],
  },
  strengths: [both("Keeps showing up", "Sigue viniendo")],
  barriers: [both("Evenings are hard", "Las noches son difíciles")],
  dischargeCriteria: [both("Has a written plan", "Tiene un plan escrito")],
};

function ids() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}

describe("template files", () => {
  it("accepts a complete bilingual template", () => {
    expect(templateFileSchema.safeParse(file).success).toBe(true);
  });

  it("names the field when a Spanish text is missing", () => {
    const broken = structuredClone(file) as unknown as { problem: { title: { es?: string } } };
    delete broken.problem.title.es;
    const result = templateFileSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["problem", "title", "es"]);
  });

  it("refuses an instrument Bridgeway does not ship, and a target outside the instrument's range", () => {
    const unknown = structuredClone(file);
    unknown.problem.objectives[1]!.measure = {
      kind: "instrument",
      instrumentKey: "beck",
      comparator: "below",
      value: 10,
    };
    const first = templateFileSchema.safeParse(unknown);
    expect(first.error?.issues[0]?.path).toEqual(["problem", "objectives", 1, "measure", "instrumentKey"]);
    expect(first.error?.issues[0]?.message).toMatch(/beck/);

    const outside = structuredClone(file);
    outside.problem.objectives[1]!.measure = {
      kind: "instrument",
      instrumentKey: "phq9",
      comparator: "below",
      value: 30,
    };
    const second = templateFileSchema.safeParse(outside);
    expect(second.error?.issues[0]?.path).toEqual(["problem", "objectives", 1, "measure", "value"]);
    expect(second.error?.issues[0]?.message).toMatch(/0 to 27/);
  });

  it("refuses fewer than two objectives", () => {
    const short = structuredClone(file);
    short.problem.objectives = short.problem.objectives.slice(0, 1);
    expect(templateFileSchema.safeParse(short).error?.issues[0]?.message).toBe("Give at least 2 objectives.");
  });
});

describe("localizeTemplate", () => {
  it("gives every text in the chosen language, measures included", () => {
    const es = localizeTemplate(file, "es");
    expect(es.name).toBe("Prevención de recaídas");
    expect(es.problem.goal.participantWords).toBe("Quiero seguir sin consumir.");
    expect(es.problem.objectives[0]!.measure).toEqual({ kind: "count", target: 3, unit: "detonantes" });
    expect(es.problem.objectives[1]!.measure).toEqual({
      kind: "instrument",
      instrumentKey: "phq9",
      comparator: "below",
      value: 10,
    });
    expect(es.problem.objectives[2]!.measure).toEqual({
      kind: "observed",
      description: "Consta en el expediente.",
    });
    expect(es.problem.interventions[1]).toEqual({
      kind: "individual",
      what: "Consejería",
      frequency: "Semanal",
      responsible: "Consejero principal",
    });
    expect(es.barriers).toEqual(["Las noches son difíciles"]);
    expect(localizeTemplate(file, "en").problem.title).toBe("Risk of returning to use");
  });
});

describe("instantiateTemplateProblem", () => {
  const template = localizeTemplate(file, "en");

  it("gives fresh ids, target dates from the start and nothing started, keeping the template key", () => {
    const source = { kind: "participant_words" as const, ref: null, label: "“Evenings are the worst”" };
    const problem = instantiateTemplateProblem(template, {
      startsOn: "2026-11-23",
      newId: ids(),
      sources: [source],
    });
    expect(problem.templateKey).toBe("relapse-prevention");
    expect(problem.sources).toEqual([source]);
    const allIds = [
      problem.id,
      ...problem.objectives.map((o) => o.id),
      ...problem.interventions.map((i) => i.id),
    ];
    expect(new Set(allIds).size).toBe(6);
    expect(problem.objectives.map((o) => o.targetOn)).toEqual(["2026-12-14", "2027-01-22", "2026-12-23"]);
    expect(problem.objectives.every((o) => o.status === "not_started")).toBe(true);
    expect(problem.interventions[0]).toMatchObject({
      what: "Skills group",
      responsible: "Track facilitator",
    });
  });

  it("counts target days across a month end and a leap day", () => {
    const problem = instantiateTemplateProblem(template, {
      startsOn: "2028-02-08",
      newId: ids(),
      sources: [],
    });
    expect(problem.objectives[0]!.targetOn).toBe("2028-02-29");
  });

  it("does not share objects with the template", () => {
    const problem = instantiateTemplateProblem(template, {
      startsOn: "2026-11-23",
      newId: ids(),
      sources: [],
    });
    problem.goal.clinical = "changed";
    expect(template.problem.goal.clinical).toBe("Reduce the risk of return to use.");
  });
});

describe("startContentFrom", () => {
  const relapse = localizeTemplate(file, "en");
  const housing: PlanTemplate = {
    ...relapse,
    key: "housing-recovery-environment",
    name: "Housing",
    problem: { ...relapse.problem, title: "Unstable housing" },
    strengths: ["keeps showing up ", "Has income"],
    barriers: ["Lives with people who use"],
    dischargeCriteria: ["Has a written plan"],
  };
  const suggestion: PlanSuggestion = {
    key: "housing-recovery-environment",
    templateKey: "housing-recovery-environment",
    reason: "ASAM dimension 6 (recovery/living environment) rated 3 — at or above 2",
    sources: [
      { kind: "asam_dimension", ref: "6", label: "ASAM dimension 6 (recovery/living environment) rated 3" },
    ],
  };

  it("makes one problem per template with its suggestion's sources, and merges lists without repeats", () => {
    const content = startContentFrom([relapse, housing, relapse], [suggestion, suggestion], {
      startsOn: "2026-11-23",
      newId: ids(),
    });
    expect(content.problems.map((p) => p.title)).toEqual(["Risk of returning to use", "Unstable housing"]);
    expect(content.problems[0]!.sources).toEqual([]);
    expect(content.problems[1]!.sources).toEqual(suggestion.sources);
    expect(content.strengths).toEqual(["Keeps showing up", "Has income"]);
    expect(content.barriers).toEqual(["Evenings are hard", "Lives with people who use"]);
    expect(content.dischargeCriteria).toEqual(["Has a written plan"]);
    expect(planContentSchema.safeParse(content).success).toBe(true);
  });

  it("starts an empty plan from nothing", () => {
    expect(startContentFrom([], [], { startsOn: "2026-11-23", newId: ids() })).toEqual({
      problems: [],
      strengths: [],
      barriers: [],
      dischargeCriteria: [],
    });
  });

  it("refuses a suggestion whose template was not given", () => {
    expect(() => startContentFrom([relapse], [suggestion], { startsOn: "2026-11-23", newId: ids() })).toThrow(
      /housing-recovery-environment/,
    );
  });
});
