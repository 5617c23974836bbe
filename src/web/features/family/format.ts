import type { FamilyPerson } from "../../../core/family-portal/family-portal.schema";

/** A calendar date (YYYY-MM-DD) in the reader's language, e.g. "Tuesday, November 24". */
export function formatDay(date: string, language: string, withWeekday = false): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, {
    ...(withWeekday ? { weekday: "long" } : {}),
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A session's day and times where it takes place, e.g. "Thursday, November 26, 3:00 – 4:00 PM". */
export function formatSessionTime(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  language: string,
): string {
  const options = { timeZone, hour: "numeric", minute: "2-digit" } as const;
  const day = new Intl.DateTimeFormat(language, {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(new Date(startsAt));
  const range = new Intl.DateTimeFormat(language, options).formatRange(new Date(startsAt), new Date(endsAt));
  return `${day}, ${range}`;
}

/** An instant's calendar date in the reader's language and zone. */
export function formatInstantDay(at: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: "long", day: "numeric", year: "numeric" }).format(
    new Date(at),
  );
}

/** Hours from minutes, with at most one decimal (e.g. 7.5). */
export function formatHours(minutes: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** The dictionary key and values saying until when a person shares. */
export function untilOf(
  person: Pick<FamilyPerson, "expiresOn" | "expiryEvent">,
  language: string,
): { key: "until.date" | "until.end_of_treatment" | "until.other"; values?: { date: string } } {
  if (person.expiresOn) return { key: "until.date", values: { date: formatDay(person.expiresOn, language) } };
  if (person.expiryEvent === "end_of_treatment") return { key: "until.end_of_treatment" };
  return { key: "until.other" };
}
