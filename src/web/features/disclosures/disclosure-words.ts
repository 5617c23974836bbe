import type { DisclosureLogEntry } from "../../../core/disclosures/disclosure.schema";

/** The "why" sentence of an entry: the channel for a disclosure with consent, else the no-consent route. */
export const whyKey = (entry: Pick<DisclosureLogEntry, "basis" | "channel">) =>
  entry.basis === "consent" ? entry.channel : entry.basis;

/** Entries grouped by the month they happened in (in this browser's time zone), newest month first. */
export function groupByMonth(entries: readonly DisclosureLogEntry[], language: string) {
  const label = new Intl.DateTimeFormat(language, { month: "long", year: "numeric" });
  const groups: { key: string; label: string; entries: DisclosureLogEntry[] }[] = [];
  for (const entry of entries) {
    const at = new Date(entry.disclosedAt);
    const key = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}`;
    const last = groups.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else {
      const month = label.format(at);
      groups.push({
        key,
        label: month.charAt(0).toLocaleUpperCase(language) + month.slice(1),
        entries: [entry],
      });
    }
  }
  return groups;
}
