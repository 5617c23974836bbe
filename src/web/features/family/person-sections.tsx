import { Alert, Anchor, Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconVideo } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type {
  FamilyAttendance,
  FamilyGoals,
  FamilyProgress,
  FamilySchedule,
  FamilyScores,
} from "../../../core/family-portal/family-portal.schema";
import type { Shared } from "./api/family-keys";
import { formatDay, formatHours, formatInstantDay, formatSessionTime } from "./format";

/**
 * One section of a person's page per category they share: loading, error (with a retry) and empty
 * states each. A section never renders a refused answer: the page shows "access ended" instead.
 */
function Section<T>({
  title,
  query,
  testId,
  children,
}: {
  title: string;
  query: UseQueryResult<Shared<T>>;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation("family");
  const titleId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={titleId}>
          {title}
        </Title>
        {query.isPending ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t("common.loading")}</Text>
          </Group>
        ) : query.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text>{t("common.sectionError")}</Text>
              <Button size="sm" variant="default" onClick={() => void query.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        ) : query.data.ended ? null : (
          children(query.data.data)
        )}
      </Stack>
    </Card>
  );
}

export function ScheduleSection({ query }: { query: UseQueryResult<Shared<FamilySchedule>> }) {
  const { t, i18n } = useTranslation("family");
  return (
    <Section title={t("schedule.title")} query={query} testId="family-schedule">
      {(data) =>
        data.sessions.length === 0 ? (
          <Text c="dimmed">{t("schedule.empty")}</Text>
        ) : (
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {data.sessions.map((s) => (
              <Stack key={s.id} gap={2} component="li">
                <Group gap="xs">
                  <Text fw={600}>{formatSessionTime(s.startsAt, s.endsAt, s.timeZone, i18n.language)}</Text>
                  {s.includesYou && (
                    <Badge variant="light" color="teal">
                      {t("schedule.includesYou")}
                    </Badge>
                  )}
                </Group>
                <Text>{s.telehealth ? t("schedule.video") : s.place}</Text>
                <Text>{t("schedule.withWhom", { name: s.withWhom })}</Text>
                {s.telehealth && s.videoLink && (
                  <Anchor href={s.videoLink} target="_blank" rel="noopener noreferrer">
                    <Group gap={4} component="span">
                      <IconVideo size={18} aria-hidden />
                      {t("schedule.join")}
                    </Group>
                  </Anchor>
                )}
              </Stack>
            ))}
          </Stack>
        )
      }
    </Section>
  );
}

export function AttendanceSection({ query }: { query: UseQueryResult<Shared<FamilyAttendance>> }) {
  const { t, i18n } = useTranslation("family");
  const lang = i18n.language;
  return (
    <Section title={t("attendance.title")} query={query} testId="family-attendance">
      {(data) =>
        data.total.expectedSessions === 0 ? (
          <Text c="dimmed">{t("attendance.empty")}</Text>
        ) : (
          <>
            <Text fw={600} size="lg">
              {t("attendance.sessions", {
                attended: data.total.attendedSessions,
                expected: data.total.expectedSessions,
              })}
            </Text>
            <Text>
              {t("attendance.hours", {
                attended: formatHours(data.total.attendedMinutes, lang),
                expected: formatHours(data.total.expectedMinutes, lang),
              })}
            </Text>
            <List spacing={4}>
              {data.weeks.map((w) => (
                <List.Item key={w.from}>
                  {t("attendance.week", { from: formatDay(w.from, lang), to: formatDay(w.to, lang) })}:{" "}
                  {t("attendance.sessions", { attended: w.attendedSessions, expected: w.expectedSessions })}
                </List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              {t("attendance.explain")}
            </Text>
          </>
        )
      }
    </Section>
  );
}

export function ProgressSection({
  name,
  query,
}: {
  name: string;
  query: UseQueryResult<Shared<FamilyProgress>>;
}) {
  const { t, i18n } = useTranslation("family");
  return (
    <Section title={t("progress.title")} query={query} testId="family-progress">
      {(data) => (
        <>
          {data.daysInRecovery !== null && (
            <Text fw={600} size="lg">
              {t("progress.days", { count: data.daysInRecovery })}
            </Text>
          )}
          {data.updates.length === 0 ? (
            <Text c="dimmed">{t("progress.empty", { name })}</Text>
          ) : (
            <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {data.updates.map((u) => (
                <Stack key={u.id} gap={2} component="li">
                  <Text style={{ whiteSpace: "pre-line" }}>{u.body}</Text>
                  <Text size="sm" c="dimmed">
                    {t("progress.sharedOn", { date: formatInstantDay(u.createdAt, i18n.language) })}
                  </Text>
                </Stack>
              ))}
            </Stack>
          )}
        </>
      )}
    </Section>
  );
}

export function GoalsSection({ query }: { query: UseQueryResult<Shared<FamilyGoals>> }) {
  const { t } = useTranslation("family");
  return (
    <Section title={t("goals.title")} query={query} testId="family-goals">
      {(data) =>
        data.goals.length === 0 ? (
          <Text c="dimmed">{t("goals.empty")}</Text>
        ) : (
          <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {data.goals.map((goal) => (
              <Stack key={goal.id} gap={4} component="li">
                <Text fw={600}>{goal.words}</Text>
                {goal.steps.length > 0 && (
                  <List spacing={4} aria-label={t("goals.stepsLabel")}>
                    {goal.steps.map((step) => (
                      <List.Item key={step.id}>
                        {step.title}{" "}
                        <Badge variant="light" color={step.done ? "teal" : "gray"}>
                          {step.done ? t("goals.done") : t("goals.working")}
                        </Badge>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ))}
          </Stack>
        )
      }
    </Section>
  );
}

export function ScoresSection({ query }: { query: UseQueryResult<Shared<FamilyScores>> }) {
  const { t, i18n } = useTranslation("family");
  return (
    <Section title={t("scores.title")} query={query} testId="family-scores">
      {(data) =>
        data.scores.length === 0 ? (
          <Text c="dimmed">{t("scores.empty")}</Text>
        ) : (
          <>
            <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {data.scores.map((s) => (
                <Stack key={`${s.instrumentKey} ${s.completedOn}`} gap={2} component="li">
                  <Text fw={600}>
                    {t(`scores.measures.${s.instrumentKey}`, { defaultValue: t("scores.measures.other") })} (
                    {s.shortName})
                  </Text>
                  <Text>
                    {formatDay(s.completedOn, i18n.language)}:{" "}
                    {t("scores.score", { total: s.total, max: s.max })}
                  </Text>
                  {s.direction && (
                    <Text size="sm" c="dimmed">
                      {s.direction === "lower_is_better"
                        ? t("scores.lowerIsBetter")
                        : t("scores.higherIsBetter")}
                    </Text>
                  )}
                </Stack>
              ))}
            </Stack>
            <Text size="sm" c="dimmed">
              {t("scores.explain")}
            </Text>
          </>
        )
      }
    </Section>
  );
}
