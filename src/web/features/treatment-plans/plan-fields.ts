import type { FieldError } from "../../../core/platform/errors";
import {
  type Intervention,
  type Objective,
  type ObjectiveMeasure,
  type Problem,
  saveDraftSchema,
} from "../../../core/treatment-plans/plan.schema";
import type { EditorDraft } from "./plan-draft-storage";

/** The DOM id of the control for a field path such as `content.problems.0.objectives.1.targetOn`. */
export const fieldId = (path: string) => `plan-${path.replace(/\./g, "-")}`;

/** Field errors by path, first message per path. */
export function errorsByPath(errors: readonly FieldError[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const e of errors) byPath[e.path] ??= e.message;
  return byPath;
}

const draftSchema = saveDraftSchema.omit({ revision: true });

/** What the save schema refuses in a draft (each value must be valid even while the plan is incomplete). */
export function draftSchemaErrors(draft: EditorDraft): FieldError[] {
  const parsed = draftSchema.safeParse(draft);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** A new id for a problem, objective or intervention (stable across versions once saved). */
export const newId = () => crypto.randomUUID();

export const emptyObjective = (): Objective => ({
  id: newId(),
  statement: "",
  measure: null,
  targetOn: null,
  status: "not_started",
});

export const emptyIntervention = (): Intervention => ({
  id: newId(),
  kind: "group",
  what: "",
  frequency: "",
  responsible: "",
});

export const emptyProblem = (): Problem => ({
  id: newId(),
  title: "",
  templateKey: null,
  sources: [],
  goal: { participantWords: "", clinical: "" },
  objectives: [emptyObjective()],
  interventions: [emptyIntervention()],
});

export const MEASURE_KINDS = ["instrument", "weekly_hours", "count", "observed"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * A measure of `kind` with nothing filled in: the clinician gives every figure (an empty number is NaN,
 * which the schema names until it is given). The previous measure's values carry over when the kind is kept.
 */
export function blankMeasure(kind: MeasureKind): ObjectiveMeasure {
  switch (kind) {
    case "instrument":
      return { kind, instrumentKey: "", comparator: "below", value: Number.NaN };
    case "weekly_hours":
      return { kind, minimumHours: Number.NaN, consecutiveWeeks: Number.NaN };
    case "count":
      return { kind, target: Number.NaN, unit: "" };
    case "observed":
      return { kind, description: "" };
  }
}

/** Move an item of a list by `offset` places (no change past either end). */
export function moved<T>(list: readonly T[], index: number, offset: number): T[] {
  const to = index + offset;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Replace the item at `index`. */
export const replaced = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((existing, i) => (i === index ? item : existing));

/** Without the item at `index`. */
export const without = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
