import { Button, Card, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MyMeasures } from "../../../core/assessments/my-measures.schema";
import { formatDate } from "../admin/format";
import { LoadError } from "../admin/page-states";
import { formatLongDate } from "../treatment-plans/my-plan-words";
import { useMyMeasures } from "./api/get-my-measures";

const MyMeasureChart = lazy(() => import("./my-measure-chart"));

type Measure = MyMeasures["measures"][number];

const KNOWN = new Set(["phq9", "phqa", "gad7", "who5", "audit", "audit_c", "dast10", "crafft", "pcl5"]);

/** The measure's friendly name and what it asks about, in the reader's language. */
function useInstrumentWords(key: string) {
  const { t } = useTranslation("myProgress");
  const base = KNOWN.has(key) ? `instruments.${key}` : "instruments.other";
  return { name: t(`${base}.name`, { key }), asks: t(`${base}.asks`) };
}

function MeasureCard({ measure }: { measure: Measure }) {
  const { t, i18n } = useTranslation("myProgress");
  const { name, asks } = useInstrumentWords(measure.instrumentKey);
  const [showTable, setShowTable] = useState(false);
  const latest = measure.points.at(-1)!;
  const headingId = `my-measure-${measure.instrumentKey}`;
  const tableId = `${headingId}-table`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} id={headingId}>
          {name}
        </Title>
        <Text>{asks}</Text>
        <Text fw={600}>
          {measure.direction === "lower_is_better"
            ? t("measures.lowerIsBetter")
            : t("measures.higherIsBetter")}{" "}
          {t("measures.range", measure.range)}
        </Text>
        <Text>
          {t("measures.latest", { score: latest.score, date: formatLongDate(latest.on, i18n.language) })}
        </Text>
        {measure.points.length > 1 && (
          <Suspense
            fallback={
              <Skeleton h={180} role="status">
                <VisuallyHidden>{t("measures.chartLoading")}</VisuallyHidden>
              </Skeleton>
            }
          >
            <MyMeasureChart measure={measure} language={i18n.language} />
          </Suspense>
        )}
        <Button
          variant="subtle"
          size="md"
          onClick={() => setShowTable((v) => !v)}
          aria-expanded={showTable}
          aria-controls={tableId}
          style={{ alignSelf: "flex-start" }}
        >
          {showTable ? t("measures.hideTable") : t("measures.showTable")}
        </Button>
        {/* The numbers stay in the page for screen readers even while the table is folded away. */}
        <Table id={tableId} style={showTable ? undefined : visuallyHiddenStyle}>
          <Table.Caption>{t("measures.tableCaption", { name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("measures.date")}</Table.Th>
              <Table.Th scope="col">{t("measures.score")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {measure.points.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two scores can share a date
              <Table.Tr key={i}>
                <Table.Td>{formatDate(p.on, i18n.language)}</Table.Td>
                <Table.Td>{p.score}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

const visuallyHiddenStyle = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

/** "My questionnaires over time": one friendly chart per measure, with its numbers as a table. */
export function MyMeasuresSection() {
  const { t } = useTranslation("myProgress");
  const measures = useMyMeasures();
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-measures-title">
      <Title order={2} id="my-measures-title">
        {t("measures.title")}
      </Title>
      {measures.isPending ? (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("measures.loading")}</VisuallyHidden>
          <Skeleton h={240} />
        </Stack>
      ) : measures.isError ? (
        <LoadError
          error={measures.error}
          onRetry={() => void measures.refetch()}
          title={t("measures.loadError")}
        />
      ) : measures.data.measures.length === 0 ? (
        <Text>{t("measures.none")}</Text>
      ) : (
        <>
          <Text>{t("measures.intro")}</Text>
          {measures.data.measures.map((m) => (
            <MeasureCard key={m.instrumentKey} measure={m} />
          ))}
        </>
      )}
    </Stack>
  );
}
