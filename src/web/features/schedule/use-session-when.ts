import { useTranslation } from "react-i18next";
import { formatDay, formatTimeRange } from "./schedule-format";

/** "Thu, Nov 26, 6:00 – 9:00 PM": one session, in messages about it. */
export function useSessionWhen() {
  const { i18n } = useTranslation();
  return (o: { date: string; start: string; end: string }) =>
    `${formatDay(o.date, i18n.language, "short")}, ${formatTimeRange(o.start, o.end, i18n.language)}`;
}
