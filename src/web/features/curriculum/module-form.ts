import { type CurriculumModule, curriculumModuleSchema } from "../../../core/curriculum/module.schema";
import type { ApiFieldError } from "../../app/api-client";

/** The editor's state: a module as typed (the schema decides whether it can be saved). */
export type ModuleDraft = CurriculumModule;

const blank = () => ({ en: "", es: "" });

/** A new module's empty form: one goal, two teaching points, one skill, a 90-minute outline. */
export function emptyModuleDraft(): ModuleDraft {
  return {
    key: "",
    category: "relapse_prevention",
    suits: ["adult"],
    durationMinutes: 90,
    title: blank(),
    summary: blank(),
    goals: [blank()],
    outline: {
      opening: { minutes: 15, text: blank() },
      teaching: { minutes: 30, points: [blank(), blank()] },
      practice: { minutes: 30, text: blank() },
      closing: { minutes: 15, text: blank() },
    },
    handout: { title: blank(), body: blank() },
    practiceAssignment: blank(),
    skills: [{ key: "", name: blank() }],
  };
}

/** A copy of `draft` with the value at a dotted path (e.g. "goals.1.es") replaced. */
export function setAtPath<T>(draft: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".");
  const container = Array.isArray(draft) ? [...draft] : { ...(draft as Record<string, unknown>) };
  const slot = (container as Record<string, unknown>)[head!];
  (container as Record<string, unknown>)[head!] =
    rest.length === 0 ? value : setAtPath(slot, rest.join("."), value);
  return container as T;
}

/** The field errors of a draft by dotted path, first message per path; none when it can be saved. */
export function draftErrors(draft: ModuleDraft): Record<string, string> {
  const parsed = curriculumModuleSchema.safeParse(draft);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The server's field errors on the module (paths under "module."), by the form's paths. */
export function serverFieldErrors(fields: readonly ApiFieldError[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const path = field.path.startsWith("module.") ? field.path.slice("module.".length) : field.path;
    errors[path] ??= field.message;
  }
  return errors;
}

/** The sum of the outline's minutes (what the session length must equal). */
export const outlineMinutes = (draft: ModuleDraft) =>
  draft.outline.opening.minutes +
  draft.outline.teaching.minutes +
  draft.outline.practice.minutes +
  draft.outline.closing.minutes;
