import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import type { InstrumentSummary } from "../../../core/assessments/assessments.schema";
import { deriveBandAreas } from "../../../core/assessments/measure-progress.rules";
import type { MeasurePoint } from "../../../core/assessments/progress.schema";
import { formatDate } from "../admin/format";

/** Light to strong: the healthiest band is barely tinted, the most severe clearly. */
function bandColor(severity: number): string {
  if (severity >= 0.75) return "red.2";
  if (severity >= 0.5) return "orange.1";
  if (severity > 0) return "yellow.1";
  return "green.0";
}

/**
 * One measure's scores over time with its severity bands shaded behind the line. Loaded on demand
 * (charts are the heaviest part of the bundle); the table beside it carries the same numbers for
 * screen readers, so the drawing itself is hidden from them.
 */
export default function MeasureChart({
  points,
  instrument,
  language,
}: {
  points: readonly MeasurePoint[];
  instrument: Pick<InstrumentSummary, "bands" | "totalRange" | "direction">;
  language: string;
}) {
  const areas = deriveBandAreas(instrument);
  const data = points.map((p) => ({ date: formatDate(p.on, language), score: p.score }));
  const domain: [number, number] = instrument.totalRange
    ? [instrument.totalRange.min, instrument.totalRange.max]
    : [0, Math.max(...points.map((p) => p.score), 1)];
  return (
    <div aria-hidden data-testid="measure-chart">
      <LineChart
        h={200}
        data={data}
        dataKey="date"
        series={[{ name: "score", color: "blue.7", label: " " }]}
        yAxisProps={{ domain, allowDecimals: false }}
        withLegend={false}
        curveType="linear"
        strokeWidth={2}
        dotProps={{ r: 4 }}
        // The drawing is hidden from assistive technology (the table carries the numbers), so it
        // must not take keyboard focus either.
        lineChartProps={{ accessibilityLayer: false }}
        referenceAreas={areas.map((area) => ({
          y1: area.y1,
          y2: area.y2,
          color: bandColor(area.severity),
          fillOpacity: 0.8,
          ifOverflow: "extendDomain" as const,
        }))}
      />
    </div>
  );
}
