import { Button, Card, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconCalendarWeek } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMySchedule } from "../participant-schedule/api/get-my-schedule";
import { sessionTitle } from "../participant-schedule/session-title";
import { formatDay, formatTimeRange } from "../schedule/schedule-format";

/** On the participant's home: their next session this week, and the way to their whole week. */
export function MyWeekCard({ now = new Date() }: { now?: Date }) {
  const { t, i18n } = useTranslation("participantSchedule");
  const schedule = useMySchedule(null);
  const next = schedule.data?.entries.find(
    (e) => e.status !== "cancelled" && e.endsAt !== null && new Date(e.endsAt) > now,
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-week-card-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="my-week-card-title">
          {t("home.title")}
        </Title>
        {schedule.isPending ? (
          <Skeleton h={24} />
        ) : schedule.isError ? (
          <Text>{t("home.unavailable")}</Text>
        ) : next ? (
          <Text>
            {t("home.next", {
              day: formatDay(next.date, i18n.language),
              time: formatTimeRange(next.start, next.end, i18n.language),
              title: sessionTitle(next, t),
            })}
          </Text>
        ) : (
          <Text>{t("home.none")}</Text>
        )}
        <Button
          component={Link}
          to="/me/week"
          size="lg"
          fullWidth
          leftSection={<IconCalendarWeek size={20} aria-hidden />}
        >
          {t("home.open")}
        </Button>
      </Stack>
    </Card>
  );
}
