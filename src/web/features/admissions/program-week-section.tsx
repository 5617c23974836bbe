import { Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProgramWeekTrack } from "../../../core/admissions/program-week";
import { levelLabel } from "../participants/level-label";
import { formatDate, formatTimeRange, weekdayName } from "../schedule/schedule-format";

/** 540 minutes → "9", 450 → "7.5", in the reader's language. */
function hoursOf(minutes: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(minutes / 60);
}

/**
 * "What a week looks like" on the public program page: each group track the location runs (or will
 * start soon), its days and times and its hours a week, from the tracks staff schedule. Nothing is
 * shown when the location has no tracks yet: the staff-written page speaks for it.
 */
export function ProgramWeekSection({ week }: { week: readonly ProgramWeekTrack[] }) {
  const { t, i18n } = useTranslation();
  if (week.length === 0) return null;
  const language = i18n.language;
  return (
    <Stack component="section" gap="sm" aria-labelledby="program-week-title">
      <Title order={2} size="h3" id="program-week-title">
        {t("getHelp.program.week.title")}
      </Title>
      <Text>{t("getHelp.program.week.intro")}</Text>
      {week.map((track) => (
        <Card key={track.name} withBorder padding="md" component="article" aria-label={track.name}>
          <Stack gap="xs">
            <Group gap="xs" wrap="wrap">
              <Title order={3} size="h4">
                {track.name}
              </Title>
              {track.audience === "adolescent" && (
                <Badge variant="light">{t("getHelp.program.week.adolescents")}</Badge>
              )}
              {track.telehealth && <Badge variant="light">{t("getHelp.program.week.byVideo")}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              {levelLabel(track.levelOfCare, t)}
            </Text>
            <List spacing={2} size="sm">
              {track.sessions.map((s) => (
                <List.Item key={`${s.weekday}-${s.start}`}>
                  {weekdayName(s.weekday, language, "long")}, {formatTimeRange(s.start, s.end, language)}
                </List.Item>
              ))}
            </List>
            <Text size="sm">
              {t("getHelp.program.week.hours", {
                count: track.minutesPerWeek / 60,
                hours: hoursOf(track.minutesPerWeek, language),
              })}
            </Text>
            {track.startsOn && (
              <Text size="sm" fw={600}>
                {t("getHelp.program.week.startsOn", { date: formatDate(track.startsOn, language) })}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
      <Text size="sm" c="dimmed">
        {t("getHelp.program.week.localTimes")}
      </Text>
    </Stack>
  );
}
