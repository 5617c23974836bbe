import { Badge, Card, Group, SegmentedControl, Skeleton, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { CheckIn } from "../../../../core/check-ins/check-in.schema";
import { addDays } from "../../../../core/platform/dates";
import { formatDate, formatDateTime } from "../../admin/format";
import { EmptyState, LoadError } from "../../admin/page-states";
import { RecordSection } from "../../participants/record-section";
import { useCheckInTimeline } from "./api/get-check-in-timeline";
import { useSkillsCatalog } from "./api/get-skills-catalog";

const CheckInsChart = lazy(() => import("./check-ins-chart"));

const PERIODS = ["30", "90"] as const;

/** The browser's own date (the server answers with the program's; a day's difference only widens the period). */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * The chart's Check-ins tab: mood and craving over 30 or 90 days with use days marked, then every
 * check-in's answers, newest first; critical answers stand out. `?checkIn=<id>` (from an alert)
 * scrolls to that check-in and marks it.
 */
export function CheckInsTimelinePanel({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation("checkInsStaff");
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>("30");
  const from = addDays(localToday(), -(Number(period) - 1));
  const timeline = useCheckInTimeline(participantId, from);
  const [params] = useSearchParams();
  const picked = params.get("checkIn");
  const checkIns = timeline.data?.checkIns ?? [];
  // Skills are stored by key; the curriculum names them, read once for the list (a key stays as it is
  // while the names load).
  const skills = useSkillsCatalog(i18n.language === "es" ? "es" : "en");
  const names = new Map(skills.data?.skills.map((s) => [s.key, s.name]));
  const skillName = (key: string) => names.get(key) ?? key;

  // A linked check-in older than 30 days: show the longer period.
  useEffect(() => {
    if (picked && timeline.data && period === "30" && !checkIns.some((c) => String(c.id) === picked)) {
      setPeriod("90");
    }
  }, [picked, timeline.data, period, checkIns]);

  return (
    <RecordSection title={t("chart.title")} id="check-ins">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t("chart.intro")}
          </Text>
          <SegmentedControl
            aria-label={t("chart.period")}
            value={period}
            onChange={(value) => setPeriod(value as (typeof PERIODS)[number])}
            data={PERIODS.map((p) => ({ value: p, label: t("chart.days", { count: Number(p) }) }))}
          />
        </Group>
        {timeline.isPending && <Skeleton h={220} />}
        {timeline.isError && <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />}
        {timeline.data && checkIns.length === 0 && (
          <EmptyState>{t("chart.empty", { count: Number(period) })}</EmptyState>
        )}
        {checkIns.length > 0 && (
          <>
            <Suspense fallback={<Skeleton h={220} />}>
              <CheckInsChart
                checkIns={[...checkIns].reverse()}
                language={i18n.language}
                labels={{ mood: t("chart.mood"), craving: t("chart.craving"), use: t("chart.useDay") }}
              />
            </Suspense>
            <Title order={3} size="h4">
              {t("chart.listTitle")}
            </Title>
            <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {checkIns.map((c) => (
                <CheckInItem
                  key={c.id}
                  checkIn={c}
                  highlighted={String(c.id) === picked}
                  skillName={skillName}
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </RecordSection>
  );
}

function CheckInItem({
  checkIn: c,
  highlighted,
  skillName,
}: {
  checkIn: CheckIn;
  highlighted: boolean;
  skillName: (key: string) => string;
}) {
  const { t, i18n } = useTranslation("checkInsStaff");
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: "center" });
  }, [highlighted]);
  const critical = c.selfHarmThoughts || c.overdose;
  const border = critical
    ? "var(--mantine-color-red-7)"
    : highlighted
      ? "var(--mantine-color-blue-7)"
      : undefined;
  const language = i18n.language;
  const row = (label: string, value: string) => (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{" "}
      {value}
    </Text>
  );
  return (
    <li ref={ref} data-check-in={c.id} aria-current={highlighted ? "true" : undefined}>
      <Card withBorder padding="sm" style={border ? { borderColor: border, borderWidth: 2 } : undefined}>
        <Stack gap={4}>
          <Group justify="space-between" wrap="wrap">
            <Text fw={700}>{formatDate(c.checkedInOn, language)}</Text>
            <Text size="sm" c="dimmed">
              {t("chart.filledIn", { at: formatDateTime(c.recordedAt, language) })}
              {c.queuedOffline ? ` · ${t("chart.queued")}` : ""}
            </Text>
          </Group>
          <Group gap="xs">
            {c.selfHarmThoughts && <Badge color="red.8">{t("chart.selfHarm")}</Badge>}
            {c.overdose && <Badge color="red.8">{t("chart.overdose")}</Badge>}
            {c.anyUse && <Badge color="orange.9">{t("chart.use")}</Badge>}
            {c.wantsToTalk && <Badge color="blue.8">{t("chart.wantsToTalk")}</Badge>}
          </Group>
          {row(t("chart.mood"), t("chart.outOfTen", { value: c.mood }))}
          {row(t("chart.craving"), t("chart.outOfTen", { value: c.craving }))}
          {(c.sleepHours !== null || c.sleepQuality) &&
            row(
              t("chart.sleep"),
              [
                c.sleepHours !== null ? t("chart.hours", { count: c.sleepHours }) : null,
                c.sleepQuality ? t(`chart.quality.${c.sleepQuality}`) : null,
              ]
                .filter(Boolean)
                .join(", "),
            )}
          {c.anyUse &&
            row(
              t("chart.substances"),
              c.substances.length > 0
                ? c.substances.map((s) => t(`substances.${s}`)).join(", ")
                : t("chart.notSaid"),
            )}
          {c.useDetail && row(t("chart.useDetail"), c.useDetail)}
          {c.triggers.length > 0 && row(t("chart.triggers"), c.triggers.join(", "))}
          {c.skills.length > 0 && row(t("chart.skills"), c.skills.map(skillName).join(", "))}
          {c.wentWell && row(t("chart.wentWell"), c.wentWell)}
        </Stack>
      </Card>
    </li>
  );
}
