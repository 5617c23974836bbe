import { z } from "zod";
import { findInstrumentByKey } from "../assessments/registry";
import { addDays } from "../platform/dates";
import {
  INTERVENTION_KINDS,
  type ObjectiveMeasure,
  type PlanContent,
  type PlanLanguage,
  type Problem,
  type ProblemSource,
} from "./plan.schema";
import type { PlanSuggestion, PlanTemplate } from "./plan-api.schema";

/**
 * The plan templates library: one bilingual JSON file per common IOP problem under
 * `content/treatment-plan-templates/<key>.json`, written by the project in its own words. A template
 * is a starting point the clinician adapts; it becomes a problem in a plan with fresh ids, target
 * dates counted from the plan's start and the sources that suggested it.
 *
 * The limits below are those of the plan content (plan.schema.ts), so a template always makes a
 * draft that saves.
 */

/** A text in English and in Spanish, each at most `max` characters. */
const bilingual = (max: number) =>
  z.object({
    en: z
      .string()
      .trim()
      .min(1, "Give the English text.")
      .max(max, `Keep the English under ${max} characters.`),
    es: z
      .string()
      .trim()
      .min(1, "Give the Spanish text.")
      .max(max, `Keep the Spanish under ${max} characters.`),
  });
export type BilingualText = z.infer<ReturnType<typeof bilingual>>;

export const TEMPLATE_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const templateMeasureSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("instrument"),
      instrumentKey: z.string().min(1).max(40),
      comparator: z.enum(["below", "at_most", "at_least", "above"]),
      value: z.number().int().min(0).max(1000),
    }),
    z.object({
      kind: z.literal("weekly_hours"),
      minimumHours: z.number().min(0.5).max(40),
      consecutiveWeeks: z.number().int().min(1).max(52),
    }),
    z.object({
      kind: z.literal("count"),
      target: z.number().int().min(1).max(1000),
      unit: bilingual(100),
    }),
    z.object({ kind: z.literal("observed"), description: bilingual(500) }),
  ])
  .superRefine((measure, ctx) => {
    if (measure.kind !== "instrument") return;
    const instrument = findInstrumentByKey(measure.instrumentKey);
    if (!instrument) {
      ctx.addIssue({
        code: "custom",
        path: ["instrumentKey"],
        message: `“${measure.instrumentKey}” is not a questionnaire Bridgeway ships.`,
      });
      return;
    }
    const range = instrument.totalRange;
    if (!range) {
      ctx.addIssue({
        code: "custom",
        path: ["instrumentKey"],
        message: `“${measure.instrumentKey}” has no total score to measure against.`,
      });
    } else if (measure.value < range.min || measure.value > range.max) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `The ${measure.instrumentKey} total runs from ${range.min} to ${range.max}; ${measure.value} is outside it.`,
      });
    }
  });

/** One template file, as stored. */
export const templateFileSchema = z.strictObject({
  key: z.string().regex(TEMPLATE_KEY_PATTERN, "Use lowercase words joined by hyphens.").max(60),
  name: bilingual(80),
  summary: bilingual(400),
  problem: z.strictObject({
    title: bilingual(200),
    goal: z.strictObject({ participantWords: bilingual(1000), clinical: bilingual(1000) }),
    objectives: z
      .array(
        z.strictObject({
          statement: bilingual(500),
          measure: templateMeasureSchema,
          targetDays: z.number().int().min(1).max(365),
        }),
      )
      .min(2, "Give at least 2 objectives.")
      .max(4, "Give at most 4 objectives."),
    interventions: z
      .array(
        z.strictObject({
          kind: z.enum(INTERVENTION_KINDS),
          what: bilingual(300),
          frequency: bilingual(100),
          responsible: bilingual(100),
        }),
      )
      .min(2, "Give at least 2 interventions.")
      .max(4, "Give at most 4 interventions."),
  }),
  strengths: z.array(bilingual(500)).min(1, "Give at least 1 strength.").max(3, "Give at most 3 strengths."),
  barriers: z.array(bilingual(500)).min(1, "Give at least 1 barrier.").max(3, "Give at most 3 barriers."),
  dischargeCriteria: z
    .array(bilingual(500))
    .min(1, "Give at least 1 discharge criterion.")
    .max(3, "Give at most 3 discharge criteria."),
});
export type TemplateFile = z.infer<typeof templateFileSchema>;
type TemplateFileMeasure = TemplateFile["problem"]["objectives"][number]["measure"];

function localizeMeasure(measure: TemplateFileMeasure, language: PlanLanguage): ObjectiveMeasure {
  switch (measure.kind) {
    case "count":
      return { kind: "count", target: measure.target, unit: measure.unit[language] };
    case "observed":
      return { kind: "observed", description: measure.description[language] };
    default:
      return { ...measure };
  }
}

/** The template in one language, as the API gives it. */
export function localizeTemplate(file: TemplateFile, language: PlanLanguage): PlanTemplate {
  const { problem } = file;
  return {
    key: file.key,
    name: file.name[language],
    summary: file.summary[language],
    problem: {
      title: problem.title[language],
      goal: {
        participantWords: problem.goal.participantWords[language],
        clinical: problem.goal.clinical[language],
      },
      objectives: problem.objectives.map((o) => ({
        statement: o.statement[language],
        measure: localizeMeasure(o.measure, language),
        targetDays: o.targetDays,
      })),
      interventions: problem.interventions.map((i) => ({
        kind: i.kind,
        what: i.what[language],
        frequency: i.frequency[language],
        responsible: i.responsible[language],
      })),
    },
    strengths: file.strengths.map((s) => s[language]),
    barriers: file.barriers.map((b) => b[language]),
    dischargeCriteria: file.dischargeCriteria.map((d) => d[language]),
  };
}

export interface InstantiateOptions {
  /** The plan's start (YYYY-MM-DD): target dates count from it. */
  startsOn: string;
  /** A fresh UUID per call. */
  newId: () => string;
  /** Where the problem comes from (e.g. a suggestion's sources); may be empty. */
  sources: readonly ProblemSource[];
}

/** A template's problem as it goes into a plan: new ids, target dates from the start, nothing started yet. */
export function instantiateTemplateProblem(template: PlanTemplate, options: InstantiateOptions): Problem {
  const { problem } = template;
  return {
    id: options.newId(),
    title: problem.title,
    templateKey: template.key,
    sources: options.sources.map((s) => ({ ...s })),
    goal: { ...problem.goal },
    objectives: problem.objectives.map((o) => ({
      id: options.newId(),
      statement: o.statement,
      measure: o.measure === null ? null : { ...o.measure },
      targetOn: addDays(options.startsOn, o.targetDays),
      status: "not_started" as const,
    })),
    interventions: problem.interventions.map((i) => ({ id: options.newId(), ...i })),
  };
}

const sameText = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase();

function mergeDistinct(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const item of lists.flat()) {
    const key = sameText(item);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    merged.push(item.trim());
  }
  return merged;
}

const sourceKey = (s: ProblemSource) => `${s.kind}\u0000${s.ref ?? s.label}`;

/**
 * A new plan's content from the chosen templates and suggestions: one problem per template (in the
 * order given, a template named twice counted once), each carrying the sources of the suggestions
 * for it; strengths, barriers and discharge criteria merged without repeats. Every suggestion's
 * template must be among `templates`.
 */
export function startContentFrom(
  templates: readonly PlanTemplate[],
  suggestions: readonly PlanSuggestion[],
  options: { startsOn: string; newId: () => string },
): PlanContent {
  const chosen: PlanTemplate[] = [];
  for (const template of templates) {
    if (!chosen.some((t) => t.key === template.key)) chosen.push(template);
  }
  for (const suggestion of suggestions) {
    if (!chosen.some((t) => t.key === suggestion.templateKey)) {
      throw new Error(`The suggestion “${suggestion.key}” needs the template “${suggestion.templateKey}”.`);
    }
  }
  const problems = chosen.map((template) => {
    const sources: ProblemSource[] = [];
    const seen = new Set<string>();
    for (const suggestion of suggestions) {
      if (suggestion.templateKey !== template.key) continue;
      for (const source of suggestion.sources) {
        const key = sourceKey(source);
        if (seen.has(key)) continue;
        seen.add(key);
        sources.push(source);
      }
    }
    return instantiateTemplateProblem(template, {
      startsOn: options.startsOn,
      newId: options.newId,
      sources,
    });
  });
  return {
    problems,
    strengths: mergeDistinct(chosen.map((t) => t.strengths)),
    barriers: mergeDistinct(chosen.map((t) => t.barriers)),
    dischargeCriteria: mergeDistinct(chosen.map((t) => t.dischargeCriteria)),
  };
}
