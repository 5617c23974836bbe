import { z } from "zod";
import { occurrenceRangeQuerySchema } from "../schedule/tracks.schema";
import {
  CURRICULUM_CATEGORIES,
  curriculumModuleSchema,
  MODULE_AUDIENCES,
  MODULE_LANGUAGES,
} from "./module.schema";

/**
 * The curriculum library over HTTP: the effective library's summaries, one module with its version
 * history, a program's new module and its edits (optimistic: the edit names the version it started
 * from), archiving, and a track's sessions planned with modules.
 */

export const moduleLanguageSchema = z.enum(MODULE_LANGUAGES, { message: "Choose English or Spanish." });

/** Where the version in use comes from: the file shipped with Bridgeway, or the program's own edit. */
export const MODULE_SOURCES = ["shipped", "program"] as const;
export type ModuleSource = (typeof MODULE_SOURCES)[number];
export const moduleSourceSchema = z.enum(MODULE_SOURCES);

export const moduleKeyParamsSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "This is not a module key (lowercase letters, digits and dashes).")
    .max(60, "This is not a module key (lowercase letters, digits and dashes)."),
});

const booleanQuery = z
  .enum(["true", "false"], { message: "Use true or false." })
  .transform((v) => v === "true");

export const moduleListQuerySchema = z.object({
  language: moduleLanguageSchema.default("en"),
  category: z.enum(CURRICULUM_CATEGORIES, { message: "Choose one of the categories." }).optional(),
  audience: z.enum(MODULE_AUDIENCES, { message: "Choose one of the audiences." }).optional(),
  /** Also list archived modules (to bring one back). */
  includeArchived: booleanQuery.default(false),
});
export type ModuleListQuery = z.infer<typeof moduleListQuerySchema>;

export const skillSummarySchema = z.object({ key: z.string(), name: z.string() });
export type SkillSummary = z.infer<typeof skillSummarySchema>;

export const moduleSummarySchema = z.object({
  key: z.string(),
  category: z.enum(CURRICULUM_CATEGORIES),
  suits: z.array(z.enum(MODULE_AUDIENCES)),
  title: z.string(),
  summary: z.string(),
  durationMinutes: z.number().int(),
  skills: z.array(skillSummarySchema),
  /** 0 for the shipped file, 1… for the program's versions. */
  version: z.number().int().min(0),
  source: moduleSourceSchema,
  archived: z.boolean(),
});
export type ModuleSummary = z.infer<typeof moduleSummarySchema>;

export const moduleListSchema = z.object({ modules: z.array(moduleSummarySchema) });
export type ModuleList = z.infer<typeof moduleListSchema>;

export const moduleVersionEntrySchema = z.object({
  version: z.number().int().min(0),
  source: moduleSourceSchema,
  /** When the program saved it (null for the shipped file). */
  savedAt: z.string().nullable(),
  savedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  archived: z.boolean(),
});
export type ModuleVersionEntry = z.infer<typeof moduleVersionEntrySchema>;

export const moduleVersionQuerySchema = z.object({
  version: z.coerce
    .number({ message: "Give the version as a whole number." })
    .int("Give the version as a whole number.")
    .min(0, "Give the version as a whole number.")
    .optional(),
});

/** One module, both languages, the version asked for (the latest by default) and every version. */
export const moduleDetailSchema = z.object({
  key: z.string(),
  version: z.number().int().min(0),
  latestVersion: z.number().int().min(0),
  source: moduleSourceSchema,
  archived: z.boolean(),
  module: curriculumModuleSchema,
  versions: z.array(moduleVersionEntrySchema),
});
export type ModuleDetail = z.infer<typeof moduleDetailSchema>;

export const moduleCreateSchema = z.object({ module: curriculumModuleSchema });
export type ModuleCreate = z.infer<typeof moduleCreateSchema>;

export const moduleEditSchema = z.object({
  /** The version the editor started from; it must still be the latest. */
  baseVersion: z.number({ message: "Say which version you edited." }).int().min(0),
  module: curriculumModuleSchema,
});
export type ModuleEdit = z.infer<typeof moduleEditSchema>;

export const skillsCatalogSchema = z.object({
  skills: z.array(skillSummarySchema.extend({ moduleKey: z.string() })),
});
export type SkillsCatalog = z.infer<typeof skillsCatalogSchema>;

/** A track's session planned with a module. */
export const occurrenceModuleParamsSchema = z.object({
  trackId: z.uuid("This is not a valid track id."),
  key: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "This is not a session key (like 2026-11-23T18:00)."),
});

export const occurrenceModulePutSchema = z.object({
  /** The module to teach in this session, or null to clear the plan. */
  moduleKey: moduleKeyParamsSchema.shape.key.nullable(),
});
export type OccurrenceModulePut = z.infer<typeof occurrenceModulePutSchema>;

export const plannedModuleSchema = z.object({
  occurrenceKey: z.string(),
  moduleKey: z.string(),
  /** The module's title in English and Spanish (a key no longer in the library keeps its key). */
  title: z.object({ en: z.string(), es: z.string() }),
  archived: z.boolean(),
  plannedAt: z.string(),
  plannedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type PlannedModule = z.infer<typeof plannedModuleSchema>;

export const occurrenceModuleSchema = z.object({
  trackId: z.string(),
  occurrenceKey: z.string(),
  planned: plannedModuleSchema.nullable(),
});
export type OccurrenceModule = z.infer<typeof occurrenceModuleSchema>;

/** The same range as a track's occurrences (at most 93 days). */
export const trackModulesQuerySchema = occurrenceRangeQuerySchema;

export const trackModulesSchema = z.object({
  trackId: z.string(),
  from: z.string(),
  to: z.string(),
  planned: z.array(plannedModuleSchema),
});
export type TrackModules = z.infer<typeof trackModulesSchema>;
