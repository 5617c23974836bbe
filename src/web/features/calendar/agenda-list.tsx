import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CalendarEntry, CalendarView } from "../../../core/schedule/calendar.schema";
import { formatDay, formatTimeRange } from "../schedule/schedule-format";
import { useEntryWords } from "./entry-words";
import "./calendar.css";

/**
 * The calendar on a phone: day by day, each session a card (time, kind, title, place) that opens its
 * details. Days without sessions are left out.
 */
export function AgendaList({
  days,
  entries,
  today,
  view,
  onOpen,
}: {
  days: readonly string[];
  entries: readonly CalendarEntry[];
  today: string;
  view: CalendarView;
  onOpen: (entry: CalendarEntry) => void;
}) {
  const { t, i18n } = useTranslation("calendar");
  const language = i18n.language;
  const words = useEntryWords(view);
  const byDay = days
    .map((date) => ({
      date,
      sessions: entries
        .filter((e) => e.date === date)
        .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)),
    }))
    .filter((d) => d.sessions.length > 0);

  return (
    <Stack gap="lg">
      {byDay.map(({ date, sessions }) => (
        <Stack key={date} component="section" gap="xs" aria-label={formatDay(date, language)}>
          <Title order={2} size="h4">
            {formatDay(date, language)}
            {date === today && (
              <Text component="span" c="dimmed" fw={400} size="md">
                {` · ${t("toolbar.today")}`}
              </Text>
            )}
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {sessions.map((entry) => {
              const where = words.where(entry);
              const time = formatTimeRange(entry.start, entry.end, language);
              return (
                <li key={entry.id}>
                  <button
                    type="button"
                    className="cal-agenda-item"
                    data-kind={entry.kind}
                    data-cancelled={entry.status === "cancelled" || undefined}
                    onClick={() => onOpen(entry)}
                  >
                    <Text component="span" display="block" size="sm" fw={700}>
                      <span className="cal-block-time">{time}</span>
                      {` · ${words.kind(entry)}`}
                    </Text>
                    <Text component="span" display="block" className="cal-block-title">
                      {words.title(entry)}
                    </Text>
                    {where !== "" && (
                      <Text component="span" display="block" size="sm">
                        {where}
                      </Text>
                    )}
                  </button>
                </li>
              );
            })}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
