import {
  CURRICULUM_CATEGORIES,
  type CurriculumCategory,
  MODULE_AUDIENCES,
  MODULE_LANGUAGES,
  type ModuleAudience,
  type ModuleLanguage,
} from "../../../core/curriculum/module.schema";

/** The UI's language as a module language (Spanish when the interface is Spanish, else English). */
export const moduleLanguageOf = (uiLanguage: string | undefined): ModuleLanguage =>
  uiLanguage?.startsWith("es") ? "es" : "en";

export const isCategory = (value: string | null): value is CurriculumCategory =>
  value !== null && (CURRICULUM_CATEGORIES as readonly string[]).includes(value);
export const isAudience = (value: string | null): value is ModuleAudience =>
  value !== null && (MODULE_AUDIENCES as readonly string[]).includes(value);
export const isModuleLanguage = (value: string | null): value is ModuleLanguage =>
  value !== null && (MODULE_LANGUAGES as readonly string[]).includes(value);
