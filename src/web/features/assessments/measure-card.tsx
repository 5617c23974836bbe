import { Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconFlag } from "@tabler/icons-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InstrumentSummary } from "../../../core/assessments/assessments.schema";
import type { MeasureProgress } from "../../../core/assessments/progress.schema";
import type { ChangeStatus } from "../../../core/assessments/reliable-change";
import { formatDate } from "../admin/format";
import { ScrollTable } from "../admin/page-states";

const MeasureChart = lazy(() => import("./measure-chart"));

const STATUS_COLOR: Record<ChangeStatus, string> = {
  recovered: "teal",
  improved: "green",
  unchanged: "gray",
  deteriorated: "red",
};

/** A band code in words; an unknown code is shown as it is rather than hidden. */
export function useBandLabel() {
  const { t } = useTranslation("assessments");
  return (code: string | null) => (code === null ? "" : t(`bands.${code}`, { defaultValue: code }));
}

export function instrumentTitle(
  instrument: Pick<InstrumentSummary, "title" | "titleEs"> | undefined,
  key: string,
  language: string,
): string {
  if (!instrument) return key;
  return language.startsWith("es") ? instrument.titleEs : instrument.title;
}

function signed(n: number, language: string): string {
  const text = Math.abs(n).toLocaleString(language);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

/**
 * One measure on the Assessments tab: the latest score and band, change from baseline, the
 * reliable-change status and off-track flag, the scores drawn over the severity bands, and the same
 * scores as a table on request.
 */
export function MeasureCard({
  measure,
  instrument,
  highlighted = false,
}: {
  measure: MeasureProgress;
  instrument: InstrumentSummary | undefined;
  /** The measure an alert's link points at: scrolled into view and outlined. */
  highlighted?: boolean;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView?.({ block: "start" });
  }, [highlighted]);
  const { t, i18n } = useTranslation("assessments");
  const band = useBandLabel();
  const [showTable, setShowTable] = useState(false);
  const language = i18n.language;
  const title = instrumentTitle(instrument, measure.instrumentKey, language);
  const headingId = `measure-${measure.instrumentKey}`;
  const { latest, baseline, reliableChange: rc } = measure;

  return (
    <Card
      ref={ref}
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      aria-current={highlighted ? "true" : undefined}
      style={highlighted ? { outline: "3px solid var(--mantine-color-blue-7)", outlineOffset: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h5" id={headingId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {t("chart.administrations", { count: measure.administrations })}
            </Text>
          </Stack>
          <Group gap="xs">
            {rc.status === "available" && rc.classification && (
              <Badge color={STATUS_COLOR[rc.classification.status]} variant="light" size="lg">
                {t(`chart.status.${rc.classification.status}`)}
              </Badge>
            )}
            {rc.status === "available" && rc.offTrack.flagged && (
              <Badge color="red" variant="filled" size="lg" leftSection={<IconFlag size={14} aria-hidden />}>
                {t("chart.offTrack")}
              </Badge>
            )}
          </Group>
        </Group>

        {latest && (
          <Group gap="md" wrap="wrap">
            <Text fw={700} size="lg">
              {latest.total === null
                ? t("chart.latestNoTotal", { date: formatDate(latest.on, language) })
                : t("chart.latest", {
                    score: latest.total.toLocaleString(language),
                    date: formatDate(latest.on, language),
                  })}
              {latest.band && ` · ${band(latest.band)}`}
            </Text>
            {latest.critical && (
              <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
                {t("chart.critical")}
              </Badge>
            )}
          </Group>
        )}
        {latest && Object.keys(latest.subscales).length > 0 && (
          <Text size="sm">
            {t("chart.subscales")}:{" "}
            {Object.entries(latest.subscales)
              .map(
                ([name, value]) =>
                  `${t(`subscaleNames.${name}`, { defaultValue: name })} ${value.toLocaleString(language)}`,
              )
              .join(" · ")}
          </Text>
        )}
        {latest && latest.flags.length > 0 && (
          <Text size="sm">
            {t("chart.flags")}: {latest.flags.map((f) => t(`flagNames.${f}`, { defaultValue: f })).join(", ")}
          </Text>
        )}

        {baseline && (
          <Text size="sm">
            {t("chart.baseline", {
              score: baseline.score.toLocaleString(language),
              date: formatDate(baseline.on, language),
            })}
            {" · "}
            {measure.change === null
              ? t("chart.noChangeYet")
              : t("chart.change", { change: signed(measure.change, language) })}
          </Text>
        )}

        {rc.status === "available" ? (
          <Stack gap={2}>
            {rc.offTrack.flagged && rc.offTrack.reason && (
              <Text size="sm" fw={700} c="var(--mantine-color-red-light-color)">
                {t(`chart.offTrackReason.${rc.offTrack.reason}`, { count: measure.administrations })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t("chart.reliableExplain", {
                points: rc.minimumChange.toLocaleString(language),
                reliability: rc.reliability.value.toLocaleString(language),
                sd: rc.sd.value.toLocaleString(language),
              })}{" "}
              {(!rc.reliability.verified || !rc.sd.verified) && t("chart.unverified")}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("chart.notApplicable", { reason: rc.reason })}
          </Text>
        )}

        {measure.notScored > 0 && (
          <Text size="sm" fw={500}>
            {t("chart.notScored", { count: measure.notScored })}
          </Text>
        )}

        {measure.points.length > 0 && instrument && (
          <>
            <div role="img" aria-label={t("chart.chartLabel", { title })}>
              <Suspense
                fallback={
                  <Group gap="xs" h={200} role="status">
                    <Loader size="sm" aria-hidden />
                    <Text size="sm">{t("chart.chartLoading")}</Text>
                  </Group>
                }
              >
                <MeasureChart points={measure.points} instrument={instrument} language={language} />
              </Suspense>
            </div>
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setShowTable((v) => !v)}
                aria-expanded={showTable}
                aria-controls={`${headingId}-table`}
              >
                {showTable ? t("chart.hideTable") : t("chart.showTable")}
              </Button>
            </Group>
            {showTable && (
              <div id={`${headingId}-table`}>
                <ScrollTable label={title} minWidth={320}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("chart.tableDate")}</Table.Th>
                      <Table.Th scope="col">{t("chart.tableScore")}</Table.Th>
                      <Table.Th scope="col">{t("chart.tableBand")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {measure.points.map((p) => (
                      <Table.Tr key={p.responseId}>
                        <Table.Td>{formatDate(p.on, language)}</Table.Td>
                        <Table.Td>
                          {p.score.toLocaleString(language)}
                          {p.critical && ` · ${t("chart.critical")}`}
                        </Table.Td>
                        <Table.Td>{band(p.band)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollTable>
              </div>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
