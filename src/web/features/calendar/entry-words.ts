import { useTranslation } from "react-i18next";
import type { CalendarEntry, CalendarView } from "../../../core/schedule/calendar.schema";

/**
 * What a session is called on the calendar, in the reader's language: a group by its track; an
 * appointment by its participant (by the staff member in a participant's own calendar), or just
 * "Appointment" when the reader may not see who it is with.
 */
export function useEntryWords(view: CalendarView) {
  const { t } = useTranslation("calendar");
  return {
    title(entry: CalendarEntry): string {
      if (entry.group) return entry.group.trackName;
      if (view === "participant") {
        const staff = entry.staff.map((s) => s.name).join(", ");
        return staff === "" ? t(`kinds.${entry.kind}`) : t("entry.withStaff", { names: staff });
      }
      return entry.participant?.name ?? t("entry.unnamed");
    },
    /** "Group", "Individual", "Family", with "cancelled" when it is. */
    kind(entry: CalendarEntry): string {
      const kind = t(`kinds.${entry.kind}`);
      return entry.status === "cancelled" ? t("entry.cancelledKind", { kind }) : kind;
    },
    /** Where: the room, "Video", or the place in words. */
    where(entry: CalendarEntry): string {
      if (entry.room) return entry.room.name;
      if (entry.telehealth) return t("entry.video");
      return entry.location;
    },
  };
}
