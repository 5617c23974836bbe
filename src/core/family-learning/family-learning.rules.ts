import { addDays } from "../platform/dates";
import { localDateIn } from "../treatment-plans/review-due.rules";
import {
  FAMILY_MODULE_KEYS,
  type FamilyModuleKey,
  HIGH_STRESS,
  type ModuleProgress,
} from "./family-learning.schema";

export function isFamilyModuleKey(key: string): key is FamilyModuleKey {
  return (FAMILY_MODULE_KEYS as readonly string[]).includes(key);
}

/**
 * The time zone a family member's day follows: the site time zone of the participant they are
 * linked to (the first link, so the answer is stable), else UTC. Only the zone is used, never shown.
 */
export function deriveFamilyTimeZone(linkedSiteTimeZones: readonly string[]): string {
  return linkedSiteTimeZones[0] ?? "UTC";
}

/** The family member's calendar date at `at` in their time zone: the day a check-in belongs to. */
export function deriveCheckInDay(at: Date, timeZone: string): string {
  return localDateIn(at, timeZone);
}

/** A check-in can be changed only on the day it belongs to; the next day starts a new one. */
export function isCheckInEditable(recordedOn: string, today: string): boolean {
  return recordedOn === today;
}

/** The first date of a history of `days` days that ends today (today counts as one). */
export function deriveHistoryStart(today: string, days: number): string {
  return addDays(today, -(days - 1));
}

/** High stress gets a gentle pointer to the self-care module and the resources (never a staff alert). */
export function shouldOfferSupport(stress: number): boolean {
  return stress >= HIGH_STRESS;
}

/** Stored progress rows, completed to one entry per module in reading order (unread ones empty). */
export function deriveModuleProgress(
  rows: readonly {
    moduleKey: string;
    exerciseAnswer: string;
    completedAt: string | null;
    updatedAt: string;
  }[],
): { modules: ModuleProgress[]; completedCount: number; total: number } {
  const byKey = new Map(rows.map((row) => [row.moduleKey, row]));
  const modules = FAMILY_MODULE_KEYS.map((moduleKey): ModuleProgress => {
    const row = byKey.get(moduleKey);
    return {
      moduleKey,
      exerciseAnswer: row?.exerciseAnswer ?? "",
      completed: row?.completedAt != null,
      completedAt: row?.completedAt ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  });
  return {
    modules,
    completedCount: modules.filter((m) => m.completed).length,
    total: modules.length,
  };
}

/**
 * When a module counts as done after a save: the first time it is marked done keeps its moment;
 * marking it not done clears it.
 */
export function deriveCompletedAt(previous: string | null, completed: boolean, at: Date): string | null {
  if (!completed) return null;
  return previous ?? at.toISOString();
}
