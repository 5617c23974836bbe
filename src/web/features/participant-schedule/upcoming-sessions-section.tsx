import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addDays } from "../../../core/platform/dates";
import type { CalendarEntry } from "../../../core/schedule/calendar.schema";
import { EmptyState, LoadError, TableSkeleton } from "../admin/page-states";
import { attendancePath } from "../schedule/groups-page";
import { formatDay, formatTimeRange } from "../schedule/schedule-format";
import { useParticipantCalendar } from "./api/get-participant-calendar";
import { sessionTitle } from "./session-title";
import { todayHere } from "./today";

/** How far ahead the chart looks: two weeks, today included. */
export const UPCOMING_DAYS = 14;

/**
 * The participant's next two weeks: group sessions and appointments day by day, cancelled ones
 * said as such; a group session links to its roster for staff who take attendance.
 */
export function UpcomingSessionsSection({
  participantId,
  canTakeAttendance,
}: {
  participantId: string;
  canTakeAttendance: boolean;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const from = todayHere();
  const to = addDays(from, UPCOMING_DAYS - 1);
  const calendar = useParticipantCalendar(participantId, from, to);
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of calendar.data?.entries ?? [])
    byDay.set(entry.date, [...(byDay.get(entry.date) ?? []), entry]);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="upcoming-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="upcoming-title">
          {t("upcoming.title")}
        </Title>
        {calendar.isPending ? (
          <TableSkeleton rows={3} />
        ) : calendar.isError ? (
          <LoadError
            error={calendar.error}
            onRetry={() => void calendar.refetch()}
            title={t("upcoming.loadError")}
          />
        ) : byDay.size === 0 ? (
          <EmptyState>{t("upcoming.empty")}</EmptyState>
        ) : (
          <Stack
            component="ol"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-labelledby="upcoming-title"
          >
            {[...byDay].map(([date, entries]) => (
              <Stack component="li" key={date} gap={4}>
                <Text fw={700} size="sm">
                  {formatDay(date, i18n.language)}
                  {date === from && ` · ${t("hours.today")}`}
                </Text>
                <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: "none" }}>
                  {entries.map((entry) => (
                    <UpcomingEntry key={entry.id} entry={entry} canTakeAttendance={canTakeAttendance} />
                  ))}
                </Stack>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function UpcomingEntry({ entry, canTakeAttendance }: { entry: CalendarEntry; canTakeAttendance: boolean }) {
  const { t, i18n } = useTranslation("participantSchedule");
  const title = sessionTitle(entry, t);
  const cancelled = entry.status === "cancelled";
  const time = formatTimeRange(entry.start, entry.end, i18n.language);
  return (
    <Group component="li" gap="xs" wrap="wrap" align="baseline">
      <Text
        span
        style={{ whiteSpace: "nowrap" }}
        miw={{ base: 0, sm: "9.5rem" }}
        td={cancelled ? "line-through" : undefined}
      >
        {time}
      </Text>
      {entry.group && canTakeAttendance && !cancelled ? (
        <Anchor
          component={Link}
          to={attendancePath(entry.group.trackId, entry.group.occurrenceKey)}
          fw={600}
          aria-label={t("upcoming.rosterLabel", {
            title,
            when: `${formatDay(entry.date, i18n.language, "short")}, ${time}`,
          })}
        >
          {title}
        </Anchor>
      ) : (
        <Text span fw={600}>
          {title}
        </Text>
      )}
      <Text span size="sm" c="dimmed">
        {entry.telehealth ? t("upcoming.video") : entry.location || "—"}
        {entry.staff.length > 0 && ` · ${entry.staff.map((s) => s.name).join(", ")}`}
      </Text>
      {cancelled && (
        <Badge color="gray" variant="light" tt="none">
          {t("upcoming.cancelled")}
        </Badge>
      )}
      {entry.status === "moved" && (
        <Badge color="blue" variant="light" tt="none">
          {t("upcoming.moved")}
        </Badge>
      )}
    </Group>
  );
}
