import { addDays } from "../platform/dates";
import { isoWeekdayOf } from "../schedule/recurrence.rules";
import type { IsoWeekday, SeriesException, WeeklySlot } from "../schedule/track-pattern.schema";

/**
 * The US holidays on which the demo program holds no groups, and the cancelled exceptions they
 * make in a track's series. Pure: the dates come from the rules below, never from the clock.
 */

/** The `n`th `weekday` of a month ("2026-11"), e.g. the fourth Thursday of November. */
function nthWeekday(month: string, weekday: IsoWeekday, n: number): string {
  const first = `${month}-01`;
  const offset = (weekday - isoWeekdayOf(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/** The last `weekday` of a month of 31 days (May), e.g. Memorial Day. */
function lastWeekdayOf31(month: string, weekday: IsoWeekday): string {
  const last = `${month}-31`;
  return addDays(last, -((isoWeekdayOf(last) - weekday + 7) % 7));
}

export const DEMO_HOLIDAYS: readonly { name: string; on: (year: number) => string }[] = [
  { name: "New Year's Day", on: (year) => `${year}-01-01` },
  { name: "Memorial Day", on: (year) => lastWeekdayOf31(`${year}-05`, 1) },
  { name: "Independence Day", on: (year) => `${year}-07-04` },
  { name: "Labor Day", on: (year) => nthWeekday(`${year}-09`, 1, 1) },
  { name: "Thanksgiving", on: (year) => nthWeekday(`${year}-11`, 4, 4) },
  { name: "Christmas Day", on: (year) => `${year}-12-25` },
];

/** The holidays from `from` through `to` (inclusive), in date order. */
export function holidaysBetween(from: string, to: string): { name: string; date: string }[] {
  const days: { name: string; date: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of DEMO_HOLIDAYS) {
      const date = holiday.on(year);
      if (date >= from && date <= to) days.push({ name: holiday.name, date });
    }
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A cancelled exception for each session of the pattern that falls on a holiday in the range. */
export function planHolidayCancellations(
  slots: readonly WeeklySlot[],
  from: string,
  to: string,
): SeriesException[] {
  return holidaysBetween(from, to).flatMap(({ name, date }) =>
    slots
      .filter((slot) => slot.weekday === isoWeekdayOf(date))
      .map((slot) => ({
        kind: "cancelled" as const,
        on: { date, start: slot.start },
        reason: `${name}: no groups`,
      })),
  );
}
