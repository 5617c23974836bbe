import {
  type PersonalPlanKind,
  RECOVERY_PLAN_SECTIONS,
  type RecoveryPlanContent,
  SAFETY_PLAN_SECTIONS,
  type SafetyPlanContent,
} from "./personal-plan.schema";

/**
 * Pure rules of the recovery and safety plans: which sections a save changed, and which sections the
 * other side changed since the reader last looked. No IO, no clock.
 */

export type PlanEditorKind = "participant" | "staff";
export type PlanContent = RecoveryPlanContent | SafetyPlanContent;

/** The sections of a kind of plan, in the order the page shows them. */
export function sectionsOf(kind: PersonalPlanKind): readonly string[] {
  return kind === "recovery" ? RECOVERY_PLAN_SECTIONS : SAFETY_PLAN_SECTIONS;
}

/** JSON-shaped equality (plan content is plain arrays, objects and strings; key order ignored). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/**
 * The sections whose content differs between two versions of a plan, in section order. A reorder of
 * a list is a change; an empty result means the save changes nothing (no new version is kept).
 */
export function computeChangedSections(
  kind: PersonalPlanKind,
  before: PlanContent,
  after: PlanContent,
): string[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  return sectionsOf(kind).filter((section) => !same(b[section] ?? [], a[section] ?? []));
}

export interface PlanVersionChange {
  version: number;
  editorKind: PlanEditorKind;
  changedSections: readonly string[];
}

/**
 * The sections the other side changed in versions the reader has not seen yet (after `seenVersion`),
 * in section order, each once. The reader's own edits never count as news to them.
 */
export function deriveChangedSinceSeen(
  kind: PersonalPlanKind,
  versions: readonly PlanVersionChange[],
  seenVersion: number,
  reader: PlanEditorKind,
): string[] {
  const changed = new Set<string>();
  for (const v of versions) {
    if (v.version <= seenVersion || v.editorKind === reader) continue;
    for (const section of v.changedSections) changed.add(section);
  }
  return sectionsOf(kind).filter((s) => changed.has(s));
}

/** How a section is written: short lines, people with a number, or situations with responses. */
export type SectionShape = "lines" | "contacts" | "situations";

const CONTACT_SECTIONS = new Set(["peopleToCall", "peopleToAsk", "professionals"]);

export function sectionShape(section: string): SectionShape {
  if (section === "highRiskSituations") return "situations";
  return CONTACT_SECTIONS.has(section) ? "contacts" : "lines";
}

/**
 * A plan as typed, made ready to save: text trimmed, blank lines, blank responses and wholly blank
 * people and situations left out (an editor's empty new line is not content).
 */
export function tidyPlanContent<T extends PlanContent>(kind: PersonalPlanKind, content: T): T {
  const source = content as unknown as Record<string, unknown>;
  const tidy: Record<string, unknown> = {};
  for (const section of sectionsOf(kind)) {
    const value = (source[section] ?? []) as unknown[];
    const shape = sectionShape(section);
    if (shape === "lines") {
      tidy[section] = (value as string[]).map((l) => l.trim()).filter((l) => l !== "");
    } else if (shape === "contacts") {
      tidy[section] = (value as { name: string; phone: string; note: string }[])
        .map((c) => ({ name: c.name.trim(), phone: c.phone.trim(), note: c.note.trim() }))
        .filter((c) => c.name !== "" || c.phone !== "" || c.note !== "");
    } else {
      tidy[section] = (value as { situation: string; responses: string[] }[])
        .map((s) => ({
          situation: s.situation.trim(),
          responses: s.responses.map((r) => r.trim()).filter((r) => r !== ""),
        }))
        .filter((s) => s.situation !== "" || s.responses.length > 0);
    }
  }
  return tidy as unknown as T;
}
