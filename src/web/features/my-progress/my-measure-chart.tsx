import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import type { MyMeasures } from "../../../core/assessments/my-measures.schema";
import { formatDate } from "../admin/format";

type Measure = MyMeasures["measures"][number];

/**
 * One of the participant's own measures over time: a plain line on the measure's full range, no
 * bands or thresholds. Loaded on demand (charts are the heaviest part of the bundle); the table on
 * the page carries the same numbers for screen readers, so the drawing is hidden from them.
 */
export default function MyMeasureChart({ measure, language }: { measure: Measure; language: string }) {
  const data = measure.points.map((p) => ({ date: formatDate(p.on, language), score: p.score }));
  return (
    <div aria-hidden data-testid="my-measure-chart">
      <LineChart
        h={180}
        data={data}
        dataKey="date"
        series={[{ name: "score", color: "teal.7", label: " " }]}
        yAxisProps={{ domain: [measure.range.min, measure.range.max], allowDecimals: false }}
        withLegend={false}
        withTooltip={false}
        curveType="monotone"
        strokeWidth={3}
        dotProps={{ r: 5 }}
        lineChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}
