import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import type { CheckIn } from "../../../../core/check-ins/check-in.schema";
import { formatDate } from "../../admin/format";

/**
 * Mood and craving over the period, oldest first, one point per check-in, with each day that had
 * reported use marked by a red line. Loaded on demand (charts are the heaviest part of the bundle);
 * the timeline below carries the same answers for screen readers, so the drawing is hidden from them.
 */
export default function CheckInsChart({
  checkIns,
  language,
  labels,
}: {
  /** Oldest first. */
  checkIns: readonly CheckIn[];
  language: string;
  labels: { mood: string; craving: string; use: string };
}) {
  const perDay = new Map<string, number>();
  for (const c of checkIns) perDay.set(c.checkedInOn, (perDay.get(c.checkedInOn) ?? 0) + 1);
  // Several check-ins on one day each get a point of their own.
  const keyOf = (c: CheckIn) =>
    `${formatDate(c.checkedInOn, language)}${(perDay.get(c.checkedInOn) ?? 0) > 1 ? ` #${c.id}` : ""}`;
  const data = checkIns.map((c) => ({ key: keyOf(c), mood: c.mood, craving: c.craving }));
  const useDays = checkIns.filter((c) => c.anyUse).map(keyOf);
  return (
    <div aria-hidden data-testid="check-ins-chart">
      <LineChart
        h={220}
        data={data}
        dataKey="key"
        series={[
          { name: "mood", color: "teal.8", label: labels.mood },
          { name: "craving", color: "orange.8", label: labels.craving },
        ]}
        yAxisProps={{ domain: [0, 10], allowDecimals: false }}
        withLegend
        curveType="linear"
        strokeWidth={2}
        dotProps={{ r: 3 }}
        lineChartProps={{ accessibilityLayer: false }}
        referenceLines={useDays.map((x) => ({ x, color: "red.7", label: labels.use }))}
      />
    </div>
  );
}
