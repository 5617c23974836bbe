import { deriveMeasureProgress, type ProgressResponse } from "./measure-progress.rules";
import type { KeyMeasure } from "./progress.schema";
import type { OffTrackSettings, ResolvedParameters } from "./reliable-change";
import type { MeasurementSchedule } from "./schedule.rules";

/**
 * The caseload's "key scores": the measures the program's schedule repeats during treatment (every
 * N days) that have a total to show, in the schedule's order. Screens given once at intake (AUDIT-C,
 * DAST-10, ASQ) and measures without a total (BAM, readiness) stay on the chart.
 */
export function deriveKeyMeasureKeys(
  schedule: MeasurementSchedule,
  hasTotal: (instrumentKey: string) => boolean,
): string[] {
  const keys: string[] = [];
  for (const entry of schedule) {
    if (entry.at === "every_n_days" && hasTotal(entry.instrumentKey) && !keys.includes(entry.instrumentKey)) {
      keys.push(entry.instrumentKey);
    }
  }
  return keys;
}

/** One participant's key measures at a glance: latest score, band, reliable-change status, off track. */
export function deriveKeyMeasures(
  keys: readonly string[],
  responses: readonly ProgressResponse[],
  parametersFor: (instrumentKey: string) => ResolvedParameters,
  offTrack: OffTrackSettings,
): KeyMeasure[] {
  return keys.flatMap((key) => {
    const progress = deriveMeasureProgress(key, responses, parametersFor(key), offTrack);
    const latest = progress.points[progress.points.length - 1];
    if (!latest) return [];
    const rc = progress.reliableChange;
    return [
      {
        instrumentKey: key,
        score: latest.score,
        band: latest.band,
        on: latest.on,
        change: progress.change,
        status: rc.status === "available" ? (rc.classification?.status ?? null) : null,
        offTrack: rc.status === "available" && rc.offTrack.flagged,
      },
    ];
  });
}
