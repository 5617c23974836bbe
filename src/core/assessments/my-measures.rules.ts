import type { Direction } from "./instrument";
import type { MyMeasures } from "./my-measures.schema";

/** What the participant's charts need of a questionnaire: a total, its range and which way is better. */
export interface ChartableInstrument {
  key: string;
  totalRange: { min: number; max: number } | null;
  direction: Direction | null;
}

export interface ScoredTotal {
  instrumentKey: string;
  completedOn: string;
  total: number | null;
}

/**
 * The participant's totals grouped by questionnaire, oldest first within each, questionnaires in the
 * order they were first answered. A questionnaire without a total or a direction (a screen, or
 * subscales only) has no chart; a response without a total (not scored) is left out.
 */
export function deriveMyMeasures(
  responses: readonly ScoredTotal[],
  instruments: readonly ChartableInstrument[],
): MyMeasures {
  const byKey = new Map<string, MyMeasures["measures"][number]>();
  const sorted = [...responses].sort((a, b) =>
    a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0,
  );
  for (const r of sorted) {
    if (r.total === null) continue;
    const instrument = instruments.find((i) => i.key === r.instrumentKey);
    if (!instrument?.totalRange || !instrument.direction) continue;
    const measure = byKey.get(r.instrumentKey) ?? {
      instrumentKey: r.instrumentKey,
      direction: instrument.direction,
      range: { ...instrument.totalRange },
      points: [],
    };
    measure.points.push({ on: r.completedOn, score: r.total });
    byKey.set(r.instrumentKey, measure);
  }
  return { measures: [...byKey.values()] };
}
