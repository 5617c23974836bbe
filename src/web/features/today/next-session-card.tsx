import { Button, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconCalendarWeek, IconMapPin, IconVideo } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { deviceTimeZone, formatDay, formatTimeRange, zoneAbbreviation } from "../schedule/schedule-format";
import type { useToday } from "./api/get-today";

/** Today's next session: when (in the site's zone), what, where, and the video link once it is near. */
export function NextSessionCard({ today }: { today: ReturnType<typeof useToday> }) {
  const { t, i18n } = useTranslation("today");
  const session = today.data?.nextSession ?? null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="next-session-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="next-session-title">
          {t("next.title")}
        </Title>
        {today.isPending ? (
          <div role="status">
            <VisuallyHidden>{t("next.loading")}</VisuallyHidden>
            <Skeleton h={48} />
          </div>
        ) : today.isError ? (
          <Text>{t("next.error")}</Text>
        ) : session ? (
          <Stack gap={6}>
            <Text fw={700} size="lg">
              {t("next.when", {
                day: formatDay(session.date, i18n.language),
                time: formatTimeRange(session.start, session.end, i18n.language),
              })}
            </Text>
            <Text fw={600}>
              {session.kind === "group"
                ? t("next.group", { track: session.trackName ?? "" })
                : session.kind === "family"
                  ? t("next.family")
                  : t("next.individual")}
            </Text>
            {session.timeZone !== deviceTimeZone() && (
              <Text size="sm">
                {t("next.zone", {
                  zone: zoneAbbreviation(session.timeZone, new Date(session.startsAt), i18n.language),
                })}
              </Text>
            )}
            {session.telehealth ? (
              session.videoLink ? (
                <Button
                  component="a"
                  href={session.videoLink}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="lg"
                  fullWidth
                  leftSection={<IconVideo size={20} aria-hidden />}
                >
                  {t("next.join")}
                </Button>
              ) : (
                <Group gap={6} wrap="nowrap">
                  <IconVideo size={18} aria-hidden />
                  <Text size="sm">
                    {t("next.video")} · {t("next.joinSoon")}
                  </Text>
                </Group>
              )
            ) : session.place ? (
              <Group gap={6} wrap="nowrap">
                <IconMapPin size={18} aria-hidden />
                <Text size="sm">{t("next.place", { place: session.place })}</Text>
              </Group>
            ) : null}
          </Stack>
        ) : (
          <Text>{t("next.none")}</Text>
        )}
        <Button
          component={Link}
          to="/me/week"
          size="lg"
          variant="default"
          fullWidth
          leftSection={<IconCalendarWeek size={20} aria-hidden />}
        >
          {t("next.week")}
        </Button>
      </Stack>
    </Card>
  );
}
