import { daysBetween } from "../platform/dates";
import type { FieldError } from "../platform/errors";

/**
 * The days-in-recovery counter. Pure: the caller passes the instant and the site's time zone, so a
 * day turns over at midnight where the program is, whatever the server's clock zone.
 */

/**
 * Whole days from the sobriety date to today: 0 on the day itself. Null when no date is set, or
 * when it lies after today (a date kept for a future start never shows a negative count).
 */
export function computeDaysInRecovery(sobrietyOn: string | null, today: string): number | null {
  if (sobrietyOn === null || sobrietyOn > today) return null;
  return daysBetween(sobrietyOn, today);
}

export interface RestartFacts {
  /** The day the counter starts again. */
  restartOn: string;
  /** The sobriety date now on the record (null when none was set). */
  currentOn: string | null;
  bornOn: string;
  /** Today in the site's time zone. */
  today: string;
}

/**
 * Whether the counter may restart on `restartOn`: not in the future, not before birth, and after the
 * date it counts from now (a restart on or before it would not restart anything; correcting a wrong
 * date is the care team's sobriety-date change, not a restart).
 */
export function checkRestart(facts: RestartFacts): FieldError[] {
  const { restartOn, currentOn, bornOn, today } = facts;
  if (restartOn > today) return [{ path: "restartOn", message: "The restart date cannot be in the future." }];
  if (restartOn < bornOn) {
    return [{ path: "restartOn", message: "The restart date cannot be before the date of birth." }];
  }
  if (currentOn !== null && restartOn <= currentOn) {
    return [
      {
        path: "restartOn",
        message: `The counter already runs from ${currentOn}. Pick a later day, up to today.`,
      },
    ];
  }
  return [];
}

/** How many days the counter had reached when it restarted (the count history remembers). */
export function daysCountedBeforeRestart(fromOn: string | null, restartOn: string | null): number | null {
  if (fromOn === null || restartOn === null || restartOn < fromOn) return null;
  return daysBetween(fromOn, restartOn);
}
