import "./participant-schedule.css";
import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconMapPin, IconUser, IconVideo } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { addDays, daysBetween } from "../../../core/platform/dates";
import type { CalendarEntry, MySchedule } from "../../../core/schedule/calendar.schema";
import { formatDay, formatTimeRange } from "../schedule/schedule-format";
import { sessionTitle } from "./session-title";

/**
 * A participant's week on their phone: every day from Monday to Sunday, today marked, each
 * session with its time, what it is, where (or a button to join by video) and who runs it.
 */
export function MyWeekDays({
  schedule,
  today,
  sessionExtra,
}: {
  schedule: MySchedule;
  today: string;
  /** More under each session (the participant's "Can't make it?" and its answer). */
  sessionExtra?: (entry: CalendarEntry, title: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const days = Array.from({ length: daysBetween(schedule.from, schedule.to) + 1 }, (_, i) =>
    addDays(schedule.from, i),
  );
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of schedule.entries) byDay.set(entry.date, [...(byDay.get(entry.date) ?? []), entry]);

  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("week.daysLabel")}>
      {days.map((date) => {
        const entries = byDay.get(date) ?? [];
        const isToday = date === today;
        const heading = formatDay(date, i18n.language);
        if (entries.length === 0) {
          return (
            <Group
              component="li"
              key={date}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              px="md"
              py="xs"
              aria-current={isToday ? "date" : undefined}
              className={isToday ? "my-week-today" : undefined}
              style={{ borderRadius: "var(--mantine-radius-md)" }}
            >
              <Text fw={600} component="h2" size="md" m={0}>
                {heading}
              </Text>
              <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                {isToday && <TodayBadge />}
                <Text size="sm" c="dimmed">
                  {t("week.nothing")}
                </Text>
              </Group>
            </Group>
          );
        }
        return (
          <Card
            component="li"
            key={date}
            withBorder
            padding="md"
            aria-current={isToday ? "date" : undefined}
            className={isToday ? "my-week-today" : undefined}
          >
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Title order={2} size="h4">
                  {heading}
                </Title>
                {isToday && <TodayBadge />}
              </Group>
              <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
                {entries.map((entry) => (
                  <Session key={entry.id} entry={entry} extra={sessionExtra} />
                ))}
              </Stack>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

function TodayBadge() {
  const { t } = useTranslation("participantSchedule");
  return (
    <Badge variant="filled" tt="none">
      {t("week.today")}
    </Badge>
  );
}

function Session({
  entry,
  extra,
}: {
  entry: CalendarEntry;
  extra?: (entry: CalendarEntry, title: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const title = sessionTitle(entry, t);
  const cancelled = entry.status === "cancelled";
  const time = formatTimeRange(entry.start, entry.end, i18n.language);
  return (
    <Stack component="li" gap={6}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text fw={700} size="lg" td={cancelled ? "line-through" : undefined}>
            {time}
          </Text>
          <Text fw={600}>
            {title}
            {entry.kind === "group" && (
              <Text span c="dimmed" fw={400}>
                {" "}
                · {t("kinds.group")}
              </Text>
            )}
          </Text>
        </Stack>
        {cancelled && (
          <Badge color="gray" variant="light" tt="none" style={{ flexShrink: 0 }}>
            {t("week.cancelled")}
          </Badge>
        )}
        {entry.status === "moved" && (
          <Badge color="blue" variant="light" tt="none" style={{ flexShrink: 0 }}>
            {t("week.moved")}
          </Badge>
        )}
      </Group>
      {cancelled ? (
        <Text size="sm">
          {entry.group?.exception?.reason
            ? t("week.cancelledBecause", { reason: entry.group.exception.reason })
            : t("week.cancelledNoReason")}
        </Text>
      ) : entry.telehealth ? (
        entry.videoLink ? (
          <Button
            component="a"
            href={entry.videoLink}
            target="_blank"
            rel="noopener noreferrer"
            size="lg"
            fullWidth
            leftSection={<IconVideo size={20} aria-hidden />}
            aria-label={t("week.joinLabel", { title, time })}
          >
            {t("week.join")}
          </Button>
        ) : (
          <Group gap={6} wrap="nowrap">
            <IconVideo size={18} aria-hidden />
            <Text size="sm">{t("week.videoNoLink")}</Text>
          </Group>
        )
      ) : (
        <Group gap={6} wrap="nowrap">
          <IconMapPin size={18} aria-hidden />
          <Text size="sm">{entry.location || t("week.placeUnknown")}</Text>
        </Group>
      )}
      {entry.staff.length > 0 && !cancelled && (
        <Group gap={6} wrap="nowrap">
          <IconUser size={18} aria-hidden />
          <Text size="sm">{t("week.with", { names: entry.staff.map((s) => s.name).join(", ") })}</Text>
        </Group>
      )}
      {extra?.(entry, title)}
    </Stack>
  );
}
