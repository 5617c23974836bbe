import type { ModuleSource, ModuleSummary } from "./curriculum-api.schema";
import type { CurriculumCategory, CurriculumModule, ModuleAudience, ModuleLanguage } from "./module.schema";

/**
 * The curriculum library's rules, pure: which version of each module is in use, the library as
 * summaries in one language, its filters, and the skills catalog with keys unique across modules.
 */

/** A program's stored version of a module (the shipped file is version 0 and is not stored). */
export interface StoredModuleVersion {
  moduleKey: string;
  version: number;
  content: CurriculumModule;
  archived: boolean;
}

/** The version of a module in use: the program's latest when it has any, else the shipped file. */
export interface EffectiveModule {
  key: string;
  version: number;
  source: ModuleSource;
  archived: boolean;
  module: CurriculumModule;
}

/**
 * The effective library: every key shipped or saved by the program, each at its latest version
 * (a stored version beats the shipped file), sorted by key. Archived modules are included and
 * flagged; the caller decides whether to show them.
 */
export function deriveEffectiveLibrary(
  shipped: readonly CurriculumModule[],
  stored: readonly StoredModuleVersion[],
): EffectiveModule[] {
  const byKey = new Map<string, EffectiveModule>();
  for (const module of shipped) {
    byKey.set(module.key, { key: module.key, version: 0, source: "shipped", archived: false, module });
  }
  for (const row of stored) {
    const current = byKey.get(row.moduleKey);
    if (current && current.version >= row.version) continue;
    byKey.set(row.moduleKey, {
      key: row.moduleKey,
      version: row.version,
      source: "program",
      archived: row.archived,
      module: row.content,
    });
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export interface LibraryFilter {
  category?: CurriculumCategory | undefined;
  audience?: ModuleAudience | undefined;
  includeArchived?: boolean | undefined;
}

export function isInFilter(entry: EffectiveModule, filter: LibraryFilter): boolean {
  if (entry.archived && !filter.includeArchived) return false;
  if (filter.category && entry.module.category !== filter.category) return false;
  if (filter.audience && !entry.module.suits.includes(filter.audience)) return false;
  return true;
}

export function summarizeModule(entry: EffectiveModule, language: ModuleLanguage): ModuleSummary {
  const m = entry.module;
  return {
    key: entry.key,
    category: m.category,
    suits: [...m.suits],
    title: m.title[language],
    summary: m.summary[language],
    durationMinutes: m.durationMinutes,
    skills: m.skills.map((s) => ({ key: s.key, name: s.name[language] })),
    version: entry.version,
    source: entry.source,
    archived: entry.archived,
  };
}

/** The library in one language, filtered, sorted by title in that language. */
export function deriveLibraryView(
  library: readonly EffectiveModule[],
  language: ModuleLanguage,
  filter: LibraryFilter,
): ModuleSummary[] {
  return library
    .filter((entry) => isInFilter(entry, filter))
    .map((entry) => summarizeModule(entry, language))
    .sort((a, b) => a.title.localeCompare(b.title, language));
}

/** A skill used by two modules: each skill key belongs to exactly one module. */
export interface SkillClash {
  skillKey: string;
  moduleKeys: [string, string];
}

/** Skill keys that appear in more than one module (or twice in one), in library order. */
export function findSkillClashes(modules: readonly CurriculumModule[]): SkillClash[] {
  const owner = new Map<string, string>();
  const clashes: SkillClash[] = [];
  for (const module of modules) {
    for (const skill of module.skills) {
      const first = owner.get(skill.key);
      if (first === undefined) owner.set(skill.key, module.key);
      else clashes.push({ skillKey: skill.key, moduleKeys: [first, module.key] });
    }
  }
  return clashes;
}

/**
 * Skills of a module being saved that another module of the library already teaches, as field
 * paths under `module.skills.<index>.key` with the other module named. Archived modules still own
 * their skills (check-ins and notes that cite them keep their meaning).
 */
export function findSkillsTakenElsewhere(
  module: CurriculumModule,
  library: readonly EffectiveModule[],
): { index: number; skillKey: string; ownerKey: string }[] {
  const owner = new Map<string, string>();
  for (const entry of library) {
    if (entry.key === module.key) continue;
    for (const skill of entry.module.skills) owner.set(skill.key, entry.key);
  }
  const seen = new Set<string>();
  return module.skills.flatMap((skill, index) => {
    const other = owner.get(skill.key) ?? (seen.has(skill.key) ? module.key : undefined);
    seen.add(skill.key);
    return other === undefined ? [] : [{ index, skillKey: skill.key, ownerKey: other }];
  });
}

/** Every skill of the library (archived modules included) in one language, sorted by name. */
export function deriveSkillsCatalog(
  library: readonly EffectiveModule[],
  language: ModuleLanguage,
): { key: string; name: string; moduleKey: string }[] {
  return library
    .flatMap((entry) =>
      entry.module.skills.map((s) => ({ key: s.key, name: s.name[language], moduleKey: entry.key })),
    )
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
