import type { CalendarEntry } from "../../../core/schedule/calendar.schema";
import { formatDay, formatTimeRange } from "../schedule/schedule-format";

/**
 * The calendar's words for dates: the range shown in the toolbar and a session's "when". Local
 * dates are formatted in UTC on purpose (they are calendar dates, not instants).
 */

const at = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Nov 23 – 29, 2026" for a week; "Thursday, November 26, 2026" for a day. */
export function formatRange(from: string, to: string, language: string): string {
  if (from === to) {
    return new Intl.DateTimeFormat(language, {
      weekday: "long",
      year: "numeric",
      month: "long",
      day: "numeric",
      timeZone: "UTC",
    }).format(at(from));
  }
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).formatRange(at(from), at(to));
}

/** A column's head: "Mon" over "23". */
export function formatColumnHead(date: string, language: string): { weekday: string; day: string } {
  return {
    weekday: new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" }).format(at(date)),
    day: new Intl.DateTimeFormat(language, { day: "numeric", timeZone: "UTC" }).format(at(date)),
  };
}

/** "Thu, Nov 26, 6:00 – 9:00 PM". */
export function formatWhen(entry: Pick<CalendarEntry, "date" | "start" | "end">, language: string): string {
  return `${formatDay(entry.date, language, "short")}, ${formatTimeRange(entry.start, entry.end, language)}`;
}
