import type { CurriculumCategory, ModuleAudience } from "../curriculum/module.schema";
import type { DemoSession } from "./demo-sessions";

/**
 * Which curriculum module each demo group session is planned with: the modules that suit the track
 * (its age group; a dual-diagnosis track only modules written for co-occurring conditions), taken in
 * the library's teaching order — relapse prevention first, family education last — and round again,
 * each track starting at its own place so the tracks do not teach the same thing the same day.
 * Cancelled sessions (holidays) are left unplanned.
 */

export interface ModuleChoice {
  key: string;
  category: CurriculumCategory;
  suits: readonly ModuleAudience[];
}

const TEACHING_ORDER: readonly CurriculumCategory[] = [
  "relapse_prevention",
  "cbt",
  "dbt",
  "motivational",
  "co_occurring",
  "wellness",
  "life_skills",
  "family_education",
];

/** The modules a track teaches, in teaching order (then by key, so the order never depends on file order). */
export function modulesForTrack(
  modules: readonly ModuleChoice[],
  audience: ModuleAudience,
  coOccurring: boolean,
): ModuleChoice[] {
  return modules
    .filter((m) => m.suits.includes(audience) && (!coOccurring || m.suits.includes("co_occurring")))
    .sort(
      (a, b) =>
        TEACHING_ORDER.indexOf(a.category) - TEACHING_ORDER.indexOf(b.category) || a.key.localeCompare(b.key),
    );
}

/** Each session that goes ahead, with its module: the track's modules in turn from `offset`. */
export function planSessionModules(
  sessions: readonly DemoSession[],
  modules: readonly ModuleChoice[],
  offset: number,
): { session: DemoSession; moduleKey: string }[] {
  if (modules.length === 0) return [];
  return sessions
    .filter((s) => !s.cancelled)
    .map((session, i) => ({ session, moduleKey: modules[(offset + i) % modules.length]!.key }));
}
