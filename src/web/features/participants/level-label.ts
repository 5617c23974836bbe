import type { TFunction } from "i18next";
import { ASAM_DIMENSIONS, type AsamEdition, LEVELS_OF_CARE } from "../../../core/admissions/level-of-care";

/** The dictionary key of a level's name: "2.1" → "2_1" (a dot would be read as a key separator). */
export const levelKey = (code: string) => code.replace(".", "_");

/**
 * A level's name in the reader's language (the `levels` block of the default namespace, whatever
 * namespace `t` was made for): in the given edition, else the 4th edition first, then the 3rd; null
 * for a code neither edition has.
 */
export function levelName(code: string, t: TFunction<string>, edition?: AsamEdition): string | null {
  const editions: readonly AsamEdition[] = edition ? [edition] : [4, 3];
  const found = editions.find((e) => LEVELS_OF_CARE[e].some((l) => l.code === code));
  return found ? t(`levels.asam${found}.${levelKey(code)}`, { ns: "translation" }) : null;
}

/** "2.1 · Intensive Outpatient": the code with its name in the reader's language, or the code alone. */
export function levelLabel(code: string, t: TFunction<string>, edition?: AsamEdition): string {
  const name = levelName(code, t, edition);
  return name ? `${code} · ${name}` : code;
}

/** The name of ASAM dimension `index` (0–5) of an edition in the reader's language. */
export function dimensionName(edition: AsamEdition, index: number, t: TFunction<string>): string {
  if (index < 0 || index >= ASAM_DIMENSIONS[edition].length) return String(index + 1);
  return t(`dimensions.asam${edition}.d${index + 1}`, { ns: "translation" });
}
