import { FAMILY_MODULE_KEYS, type FamilyModuleKey } from "./family-learning.schema";
import type { FamilyModuleCatalog, FamilyModuleContent } from "./module-content";
import { FAMILY_MODULES_EN } from "./modules.en";
import { FAMILY_MODULES_ES } from "./modules.es";
import type { FamilyContentLanguage } from "./resources";

export const FAMILY_MODULES: Readonly<Record<FamilyContentLanguage, FamilyModuleCatalog>> = {
  en: FAMILY_MODULES_EN,
  es: FAMILY_MODULES_ES,
};

/** The content language for an i18n language code ("es-MX" → Spanish; anything else → English). */
export function contentLanguageOf(language: string): FamilyContentLanguage {
  return language.toLowerCase().startsWith("es") ? "es" : "en";
}

/** A module in a language, or undefined for an unknown key. */
export function findFamilyModule(
  key: string,
  language: FamilyContentLanguage,
): FamilyModuleContent | undefined {
  return (FAMILY_MODULE_KEYS as readonly string[]).includes(key)
    ? FAMILY_MODULES[language][key as FamilyModuleKey]
    : undefined;
}

/** The modules before and after one, in reading order, for next/previous links. */
export function neighboursOf(key: FamilyModuleKey): {
  previous: FamilyModuleKey | null;
  next: FamilyModuleKey | null;
} {
  const index = FAMILY_MODULE_KEYS.indexOf(key);
  return {
    previous: FAMILY_MODULE_KEYS[index - 1] ?? null,
    next: FAMILY_MODULE_KEYS[index + 1] ?? null,
  };
}
