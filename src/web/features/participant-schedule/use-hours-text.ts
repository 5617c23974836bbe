import { useTranslation } from "react-i18next";
import { hoursAndMinutes } from "./weekly-hours-state";

/** Minutes as the reader says hours: "9 h", "7 h 30 min", "45 min". */
export function useHoursText() {
  const { t } = useTranslation("participantSchedule");
  return (total: number): string => {
    const { hours, minutes } = hoursAndMinutes(total);
    if (minutes === 0) return t("units.hours", { hours });
    if (hours === 0) return t("units.minutes", { minutes });
    return t("units.hoursMinutes", { hours, minutes });
  };
}
