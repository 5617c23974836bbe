import { LEVELS_OF_CARE } from "../../../core/admissions/level-of-care";

/** "2.1 · Intensive Outpatient": the code with its ASAM name (4th edition first, then 3rd), or the code alone. */
export function levelLabel(code: string): string {
  const level = [...LEVELS_OF_CARE[4], ...LEVELS_OF_CARE[3]].find((l) => l.code === code);
  return level ? `${code} · ${level.name}` : code;
}
