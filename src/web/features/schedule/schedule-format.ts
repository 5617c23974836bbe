/**
 * Dates and times of the schedule in the reader's language. Group sessions are stored as local dates
 * ("2026-11-26") and wall-clock times ("18:00") of the track's zone: they are shown as written, never
 * moved by the device's zone (every formatter here works in UTC on purpose).
 */

const at = (date: string, time = "00:00") => new Date(`${date}T${time}:00Z`);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${language} ${JSON.stringify(options)}`;
  let found = formatters.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" });
    formatters.set(id, found);
  }
  return found;
}

const TIME: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

/** "18:00" → "6:00 PM" (English) or "18:00" (Spanish). */
export function formatTime(time: string, language: string): string {
  return formatter(language, TIME).format(at("2001-01-01", time));
}

/** "18:00", "21:00" → "6:00 – 9:00 PM". */
export function formatTimeRange(start: string, end: string, language: string): string {
  return formatter(language, TIME).formatRange(at("2001-01-01", start), at("2001-01-01", end));
}

/** A calendar date: "Thursday, November 26" (long) or "Thu, Nov 26" (short). */
export function formatDay(date: string, language: string, style: "long" | "short" = "long"): string {
  return formatter(language, { weekday: style, month: style, day: "numeric" }).format(at(date));
}

/** A calendar date with its year: "Nov 26, 2026". */
export function formatDate(date: string, language: string): string {
  return formatter(language, { dateStyle: "medium" }).format(at(date));
}

/** An ISO weekday (Monday = 1) by name; 2001-01-01 was a Monday. */
export function weekdayName(weekday: number, language: string, style: "long" | "short" = "short"): string {
  return formatter(language, { weekday: style }).format(at(`2001-01-0${weekday}`));
}

interface Slot {
  weekday: number;
  start: string;
  end: string;
}

/**
 * A weekly pattern in words, days sharing a time together: "Mon, Tue, Thu 6:00 – 9:00 PM";
 * "Mon, Wed 9:00 AM – 12:00 PM · Fri 1:00 – 3:00 PM".
 */
export function formatPattern(slots: readonly Slot[], language: string): string {
  const byTime = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))) {
    const time = `${slot.start}-${slot.end}`;
    byTime.set(time, [...(byTime.get(time) ?? []), slot]);
  }
  return [...byTime.values()]
    .map((group) => {
      const days = group.map((s) => weekdayName(s.weekday, language)).join(", ");
      return `${days} ${formatTimeRange(group[0]!.start, group[0]!.end, language)}`;
    })
    .join(" · ");
}

/** Today's date in a time zone, "2026-11-26". */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The device's own time zone. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A zone's short name at an instant, "EST" or "GMT-5", for times shown away from the device's zone. */
export function zoneAbbreviation(timeZone: string, instant: Date, language: string): string {
  const parts = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: "short" }).formatToParts(instant);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
