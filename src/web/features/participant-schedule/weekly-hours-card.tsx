import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { WeeklyHoursView } from "../../../core/attendance/roster.schema";
import { addDays } from "../../../core/platform/dates";
import { EmptyState, LoadError, TableSkeleton } from "../admin/page-states";
import { formatDay, formatTimeRange } from "../schedule/schedule-format";
import { useWeeklyHours } from "./api/get-weekly-hours";
import { ScrollRegionTable } from "./scroll-region-table";
import { useHoursText } from "./use-hours-text";
import {
  hoursToneOf,
  SESSION_STATE_COLOR,
  sessionStateOf,
  TONE_COLOR,
  toneOf,
  weekRowsOf,
} from "./weekly-hours-state";

/** "Mar 9 – 15, 2026": a week by its first and last day. */
function formatWeek(start: string, end: string, language: string): string {
  const at = (date: string) => new Date(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).formatRange(
    at(start),
    at(end),
  );
}

/**
 * This week's hours in the chart: scheduled, attended, projected if they attend the rest, days
 * with the payer's daily minimum, each against its target with a clear state; week by week.
 * `week` is any date in the week shown (null: this week); `onWeek` changes it.
 */
export function WeeklyHoursCard({
  participantId,
  week,
  onWeek,
}: {
  participantId: string;
  week: string | null;
  onWeek: (week: string | null) => void;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const hours = useWeeklyHours(participantId, week);
  const view = hours.data;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="weekly-hours-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="weekly-hours-title">
              {t("hours.title")}
            </Title>
            {view && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t("hours.weekOf", { range: formatWeek(view.weekStart, view.weekEnd, i18n.language) })}
              </Text>
            )}
          </Stack>
          {view && (
            <Group gap="xs" wrap="wrap">
              <Button
                variant="default"
                size="sm"
                leftSection={<IconChevronLeft size={16} aria-hidden />}
                onClick={() => onWeek(addDays(view.weekStart, -7))}
              >
                {t("hours.previous")}
              </Button>
              {view.weekState !== "in_progress" && (
                <Button variant="default" size="sm" onClick={() => onWeek(null)}>
                  {t("hours.thisWeek")}
                </Button>
              )}
              <Button
                variant="default"
                size="sm"
                rightSection={<IconChevronRight size={16} aria-hidden />}
                onClick={() => onWeek(addDays(view.weekStart, 7))}
              >
                {t("hours.next")}
              </Button>
            </Group>
          )}
        </Group>
        {hours.isPending ? (
          <TableSkeleton rows={3} />
        ) : hours.isError ? (
          <LoadError error={hours.error} onRetry={() => void hours.refetch()} title={t("hours.loadError")} />
        ) : (
          <WeekBody view={hours.data} />
        )}
      </Stack>
    </Card>
  );
}

function WeekBody({ view }: { view: WeeklyHoursView }) {
  const { t } = useTranslation("participantSchedule");
  const h = useHoursText();
  const tone = hoursToneOf(view);
  if (tone === "none") return <EmptyState>{t("hours.noSessions")}</EmptyState>;
  const ended = view.weekState === "ended";
  const payerTone = toneOf(view.payer.verdict);
  const daily = h(view.payer.dailyMinimumMinutes);
  const values = {
    minimum: h(view.minimumMinutes),
    projected: h(view.projectedMinutes),
    attended: h(view.attendedMinutes),
    shortfall: h(view.shortfallMinutes),
  };
  const headline =
    tone === "met"
      ? t("hours.headline.met", values)
      : ended
        ? t("hours.headline.endedShort", values)
        : t(`hours.headline.${tone}`, values);

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-start">
        <Badge color={TONE_COLOR[tone]} variant="light" size="lg" tt="none" style={{ flexShrink: 0 }}>
          {t(`hours.tone.${ended && tone === "short" ? "fellShort" : tone}`)}
        </Badge>
        <Text fw={600} data-testid="hours-headline" style={{ flex: "1 1 18rem" }}>
          {headline}
        </Text>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
        <Figure label={t("hours.scheduled")} value={h(view.scheduledMinutes)} />
        <Figure label={t("hours.attended")} value={h(view.attendedMinutes)} />
        <Figure
          label={ended ? t("hours.total") : t("hours.projected")}
          value={h(view.projectedMinutes)}
          hint={ended ? undefined : t("hours.projectedHint")}
        />
        <Figure
          label={t("hours.days", { daily })}
          value={t("hours.daysValue", {
            counting: view.payer.countingDays,
            required: view.payer.daysRequired,
          })}
          badge={
            <Badge color={TONE_COLOR[payerTone]} variant="light" tt="none">
              {t(`hours.tone.${ended && payerTone === "short" ? "fellShort" : payerTone}`)}
            </Badge>
          }
        />
      </SimpleGrid>
      <Notes view={view} />
      <WeekSessions view={view} />
    </Stack>
  );
}

function Figure({
  label,
  value,
  hint,
  badge,
}: {
  label: string;
  value: string;
  hint?: string;
  badge?: ReactNode;
}) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size="xl">
        {value}
      </Text>
      {(hint || badge) && (
        <Text component="dd" m={0} size="sm" c="dimmed">
          {badge ?? hint}
        </Text>
      )}
    </Stack>
  );
}

/** What the figures do not say by themselves: unrecorded sessions, a schedule under the minimum. */
function Notes({ view }: { view: WeeklyHoursView }) {
  const { t } = useTranslation("participantSchedule");
  const h = useHoursText();
  const notes: string[] = [];
  if (view.unrecordedSessions > 0) notes.push(t("hours.unrecorded", { count: view.unrecordedSessions }));
  if (view.scheduleBelowMinimum)
    notes.push(
      t("hours.scheduleBelow", { scheduled: h(view.scheduledMinutes), minimum: h(view.minimumMinutes) }),
    );
  if (view.cancelledMinutes > 0) notes.push(t("hours.cancelled", { cancelled: h(view.cancelledMinutes) }));
  if (view.scheduleAtOrAboveMaximum) notes.push(t("hours.atMaximum", { maximum: h(view.maximumMinutes) }));
  if (notes.length === 0) return null;
  return (
    <List size="sm" spacing={2}>
      {notes.map((note) => (
        <List.Item key={note}>{note}</List.Item>
      ))}
    </List>
  );
}

function WeekSessions({ view }: { view: WeeklyHoursView }) {
  const { t, i18n } = useTranslation("participantSchedule");
  return (
    <ScrollRegionTable label={t("hours.sessionsLabel")} minWidth={600}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("hours.columns.day")}</Table.Th>
          <Table.Th scope="col">{t("hours.columns.time")}</Table.Th>
          <Table.Th scope="col">{t("hours.columns.session")}</Table.Th>
          <Table.Th scope="col">{t("hours.columns.attendance")}</Table.Th>
          <Table.Th scope="col" ta="end">
            {t("hours.columns.minutes")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weekRowsOf(view).map((s) => {
          const state = sessionStateOf(s, view.today);
          return (
            <Table.Tr key={s.id} aria-current={s.date === view.today ? "date" : undefined}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
                {formatDay(s.date, i18n.language, "short")}
                {s.date === view.today && ` · ${t("hours.today")}`}
              </Table.Th>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {s.end ? formatTimeRange(s.start, s.end, i18n.language) : s.start}
              </Table.Td>
              <Table.Td>
                {s.kind === "group" ? s.name : t(`hours.appointment.${s.kind}`, { staff: s.name })}
              </Table.Td>
              <Table.Td>
                <Badge color={SESSION_STATE_COLOR[state]} variant="light" tt="none">
                  {t(`sessionStates.${state}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: "nowrap" }}>
                {s.mark
                  ? t("hours.minutesOf", { attended: s.mark.minutesAttended, scheduled: s.scheduledMinutes })
                  : t("hours.minutesOpen", { scheduled: s.scheduledMinutes })}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollRegionTable>
  );
}
