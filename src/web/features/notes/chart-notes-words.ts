import { useTranslation } from "react-i18next";
import type { ChartNote } from "../../../core/notes/notes-api.schema";
import { formatDate } from "../admin/format";

/** A time of day in the reader's language and the device's time zone, e.g. "2:05 PM". */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: "short" }).format(new Date(iso));
}

/** A note's title: the track's name for a group note, "Individual session" or "Family session" otherwise. */
export function useNoteTitle() {
  const { t } = useTranslation("chartNotes");
  return (note: Pick<ChartNote, "kind" | "title">) =>
    note.kind === "group" ? note.title : t(`titles.${note.kind}`);
}

/** The session's date as written in the chart, e.g. "Nov 3, 2026". */
export function useSessionDate() {
  const { i18n } = useTranslation("chartNotes");
  return (note: Pick<ChartNote, "sessionDate">) => formatDate(note.sessionDate, i18n.language);
}
