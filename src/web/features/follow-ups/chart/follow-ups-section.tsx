import { Badge, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ChartFollowUp } from "../../../../core/follow-ups/follow-up-api.schema";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { formatDate, formatDateTime } from "../../admin/format";
import { EmptyState, LoadError } from "../../admin/page-states";
import { RecordSection } from "../../participants/record-section";
import { useChartFollowUps } from "../api/get-chart-follow-ups";

const STATUS_COLOR: Record<ChartFollowUp["status"], string> = {
  scheduled: "gray",
  sent: "blue",
  completed: "teal",
  expired: "orange",
  cancelled: "gray",
};

/**
 * The chart's follow-up surveys (Discharge tab): each wave with its status, emails and reminders,
 * the answers, PHQ-9 and GAD-7 scores and the findings that raised a re-engagement alert.
 * `?followUp=<id>` (from the alert) scrolls to that survey and marks it.
 */
export function FollowUpsSection({ record }: { record: ParticipantRecord }) {
  const { t, i18n } = useTranslation("followUps");
  const followUps = useChartFollowUps(record.id);
  const [params] = useSearchParams();
  const picked = params.get("followUp");
  const surveys = followUps.data?.surveys ?? [];
  return (
    <RecordSection title={t("chart.title")} id="follow-ups">
      <Stack>
        <Text size="sm" c="dimmed">
          {t("chart.intro")}
        </Text>
        {followUps.data?.followUpsOptedOutAt && (
          <Text size="sm" fw={600}>
            {t("chart.optedOut", { date: formatDateTime(followUps.data.followUpsOptedOutAt, i18n.language) })}
          </Text>
        )}
        {followUps.isPending && <Skeleton h={120} />}
        {followUps.isError && (
          <LoadError
            error={followUps.error}
            title={t("chart.loadError")}
            onRetry={() => void followUps.refetch()}
          />
        )}
        {followUps.data && surveys.length === 0 && <EmptyState>{t("chart.empty")}</EmptyState>}
        {surveys.map((s) => (
          <SurveyCard key={s.id} survey={s} highlighted={s.id === picked} />
        ))}
      </Stack>
    </RecordSection>
  );
}

function SurveyCard({ survey: s, highlighted }: { survey: ChartFollowUp; highlighted: boolean }) {
  const { t, i18n } = useTranslation("followUps");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: "center" });
  }, [highlighted]);
  const lang = i18n.language;
  const yesNo = (v: boolean) => (v ? t("chart.yes") : t("chart.no"));
  const score = (label: string, r: ChartFollowUp["phq9"]) =>
    r && (
      <Group gap="xs">
        <Text size="sm">
          {label}: <strong>{r.total ?? "—"}</strong>
        </Text>
        {r.critical && (
          <Badge color="red" size="sm">
            {t("chart.critical")}
          </Badge>
        )}
      </Group>
    );
  return (
    <Card
      ref={ref}
      withBorder
      padding="sm"
      component="article"
      aria-current={highlighted ? "true" : undefined}
      style={highlighted ? { outline: "3px solid var(--mantine-color-blue-filled)" } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {t("chart.wave", { wave: s.wave })}
          </Title>
          <Badge color={STATUS_COLOR[s.status]} variant="light">
            {t(`chart.status.${s.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t("chart.due", { due: formatDate(s.dueOn, lang), closes: formatDate(s.closesOn, lang) })}
        </Text>
        {s.cancelledReason && <Text size="sm">{t(`chart.cancelled.${s.cancelledReason}`)}</Text>}
        {s.sentAt && (
          <Text size="sm">
            {t("chart.sent", { at: formatDateTime(s.sentAt, lang) })}
            {s.remindersSent > 0 && ` · ${t("chart.reminders", { count: s.remindersSent })}`}
          </Text>
        )}
        {s.completedAt && (
          <Text size="sm">{t("chart.completed", { at: formatDateTime(s.completedAt, lang) })}</Text>
        )}
        {s.findings.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t("chart.findingsTitle")}
            </Text>
            <Group gap="xs">
              {s.findings.map((f) => (
                <Badge key={f} color="red" variant="light">
                  {t(`chart.findings.${f}`)}
                </Badge>
              ))}
            </Group>
          </Stack>
        )}
        {s.answers && (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t("chart.answersTitle")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
              <List size="sm" listStyleType="none">
                <List.Item>
                  {t("chart.alcoholDays")}: {s.answers.alcoholDays}
                </List.Item>
                <List.Item>
                  {t("chart.heavyDrinkingDays")}: {s.answers.heavyDrinkingDays}
                </List.Item>
                <List.Item>
                  {t("chart.drugDays")}: {s.answers.drugDays}
                </List.Item>
                <List.Item>
                  {t("chart.meetings")}: {s.answers.meetings}
                </List.Item>
              </List>
              <List size="sm" listStyleType="none">
                <List.Item>
                  {t("chart.inTreatment")}: {yesNo(s.answers.inTreatment)}
                </List.Item>
                <List.Item>
                  {t("chart.housing")}: {t(`survey.housingOptions.${s.answers.housing}`)}
                </List.Item>
                <List.Item>
                  {t("chart.employment")}: {t(`survey.employmentOptions.${s.answers.employment}`)}
                </List.Item>
                <List.Item>
                  {t("chart.wantsContact")}: {yesNo(s.answers.wantsContact)}
                </List.Item>
              </List>
            </SimpleGrid>
            {score(t("chart.phq9"), s.phq9)}
            {score(t("chart.gad7"), s.gad7)}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
