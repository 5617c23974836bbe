import type { TFunction } from "i18next";
import type { CalendarEntry } from "../../../core/schedule/calendar.schema";

/**
 * What to call a session on the participant's schedule: a group by its track's name, an
 * appointment by its kind (its calendar title is the participant's own name here).
 */
export function sessionTitle(
  entry: Pick<CalendarEntry, "kind" | "title" | "group">,
  t: TFunction<"participantSchedule">,
): string {
  if (entry.kind === "group") return entry.group?.trackName ?? entry.title;
  return t(`kinds.${entry.kind}`);
}
