import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PlanLanguage } from "../../core/treatment-plans/plan.schema";
import type { PlanTemplate } from "../../core/treatment-plans/plan-api.schema";
import {
  localizeTemplate,
  type TemplateFile,
  templateFileSchema,
} from "../../core/treatment-plans/templates";

/** Where the shipped plan templates live: `content/treatment-plan-templates/<key>.json` in the package. */
export const TEMPLATE_CONTENT_DIR = fileURLToPath(
  new URL("../../../content/treatment-plan-templates/", import.meta.url),
);

export interface TemplateLibrary {
  /** Every template in the language, by name. */
  list(language: PlanLanguage): PlanTemplate[];
  /** One template in the language, or undefined when there is no such key. */
  get(key: string, language: PlanLanguage): PlanTemplate | undefined;
  has(key: string): boolean;
}

function loadTemplateFile(file: string): TemplateFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Plan template ${file} could not be read: ${(error as Error).message}`);
  }
  const parsed = templateFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `Plan template ${file} is not valid: ${first?.path.join(".") || "(root)"}: ${first?.message}`,
    );
  }
  const expected = path.basename(file, ".json");
  if (parsed.data.key !== expected) {
    throw new Error(
      `Plan template ${file} has key “${parsed.data.key}”; it must match its file name, “${expected}”.`,
    );
  }
  return parsed.data;
}

/**
 * Read and check every template file once, at start: a missing folder, an unreadable or invalid file,
 * or a key that differs from its file name stops start-up with a message naming the file and field.
 */
export function createTemplateLibrary(dir = TEMPLATE_CONTENT_DIR): TemplateLibrary {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch (error) {
    throw new Error(`Plan templates folder ${dir} could not be read: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new Error(`Plan templates folder ${dir} holds no templates.`);
  const files = names.map((name) => loadTemplateFile(path.join(dir, name)));
  const localized = new Map<PlanLanguage, PlanTemplate[]>();
  const inLanguage = (language: PlanLanguage): PlanTemplate[] => {
    let templates = localized.get(language);
    if (!templates) {
      templates = files
        .map((f) => localizeTemplate(f, language))
        .sort((a, b) => a.name.localeCompare(b.name, language));
      localized.set(language, templates);
    }
    return templates;
  };
  return {
    list: (language) => inLanguage(language).map((t) => structuredClone(t)),
    get: (key, language) => {
      const template = inLanguage(language).find((t) => t.key === key);
      return template ? structuredClone(template) : undefined;
    },
    has: (key) => files.some((f) => f.key === key),
  };
}
