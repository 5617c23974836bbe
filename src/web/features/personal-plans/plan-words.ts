/** A moment in words for the person's language (e.g. "Nov 20, 2026, 3:00 PM"). */
export function formatWhen(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === "es" ? "es-US" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}
