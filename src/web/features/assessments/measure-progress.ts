import type { InstrumentSummary, ScoredResponse } from "../../../core/assessments/assessments.schema";
import {
  type ChangeClassification,
  type OffTrackResult,
  offTrack,
  type ResolvedParameters,
  resolveParameters,
} from "../../../core/assessments/reliable-change";

/**
 * One participant's progress on one measure, as the chart tab shows it: the scores over time, the
 * latest against the baseline, and reliable change with the default parameters of the core (program
 * overrides come later from the server). Pure: every input is an argument.
 */

export interface MeasurePoint {
  responseId: string;
  on: string;
  score: number;
  band: string | null;
  critical: boolean;
}

export type ReliableChangeView =
  | { status: "not_applicable" }
  /** Parameters exist; `classification` is null until there is a second score. */
  | { status: "available"; classification: ChangeClassification | null; offTrack: OffTrackResult };

export interface MeasureProgress {
  instrumentKey: string;
  /** Every response to this instrument, oldest first. */
  responses: ScoredResponse[];
  /** The scored responses with a total, oldest first: what the chart draws. */
  points: MeasurePoint[];
  /** The most recent scored response (a total, a band or both), or null when none was scored. */
  latest: ScoredResponse | null;
  baseline: MeasurePoint | null;
  /** Latest total minus the baseline total; null with fewer than two totals. */
  change: number | null;
  reliableChange: ReliableChangeView;
  /** Responses refused a score, with the items the published rule still needs. */
  notScored: ScoredResponse[];
}

const chronological = (a: ScoredResponse, b: ScoredResponse) =>
  a.completedOn === b.completedOn
    ? a.submittedAt.localeCompare(b.submittedAt)
    : a.completedOn.localeCompare(b.completedOn);

/** The value reliable change compares: the instrument's total, or the subscale its parameters name. */
function comparedValue(response: ScoredResponse, resolved: ResolvedParameters): number | null {
  if (resolved.status !== "available" || !response.scored) return null;
  const subscale = resolved.parameters.subscale;
  return subscale === null ? response.total : (response.subscales[subscale] ?? null);
}

export function deriveMeasureProgress(
  instrumentKey: string,
  responses: readonly ScoredResponse[],
  resolved: ResolvedParameters = resolveParameters(instrumentKey),
): MeasureProgress {
  const ordered = responses.filter((r) => r.instrumentKey === instrumentKey).sort(chronological);
  const scored = ordered.filter((r) => r.scored);
  const points = scored.flatMap((r) =>
    r.total === null
      ? []
      : [
          {
            responseId: r.id,
            on: r.completedOn,
            score: r.total,
            band: r.band,
            critical: r.critical.length > 0,
          },
        ],
  );
  const baseline = points[0] ?? null;
  const last = points.length >= 2 ? points[points.length - 1]! : null;

  let reliableChange: ReliableChangeView = { status: "not_applicable" };
  if (resolved.status === "available") {
    const series = scored.flatMap((r) => {
      const value = comparedValue(r, resolved);
      return value === null ? [] : [{ on: r.completedOn, score: value }];
    });
    const result = offTrack(series, resolved.parameters);
    reliableChange = { status: "available", classification: result.classification, offTrack: result };
  }

  return {
    instrumentKey,
    responses: ordered,
    points,
    latest: scored[scored.length - 1] ?? null,
    baseline,
    change: baseline && last ? last.score - baseline.score : null,
    reliableChange,
    notScored: ordered.filter((r) => !r.scored),
  };
}

/** The instruments that have responses, in the program's instrument order, then any unknown ones. */
export function deriveMeasuredInstrumentKeys(
  responses: readonly ScoredResponse[],
  instruments: readonly Pick<InstrumentSummary, "key">[],
): string[] {
  const answered = new Set(responses.map((r) => r.instrumentKey));
  const known = instruments.map((i) => i.key).filter((key) => answered.has(key));
  return [...known, ...[...answered].filter((key) => !known.includes(key))];
}

export interface BandArea {
  code: string;
  y1: number;
  y2: number;
  /** 0 for the healthiest band, up to 1 for the most severe. */
  severity: number;
}

/**
 * The shaded areas behind a chart: each band from halfway between it and the band below to halfway
 * to the band above (integer bands touch without gaps), clamped to the total's range. Severity runs
 * with the direction: for lower-is-better the highest band is the most severe.
 */
export function deriveBandAreas(
  instrument: Pick<InstrumentSummary, "bands" | "totalRange" | "direction">,
): BandArea[] {
  const bands = [...instrument.bands].sort((a, b) => a.min - b.min);
  const floor = instrument.totalRange?.min ?? bands[0]?.min ?? 0;
  const ceiling = instrument.totalRange?.max ?? bands[bands.length - 1]?.max ?? 0;
  const last = Math.max(bands.length - 1, 1);
  return bands.map((band, i) => {
    const below = bands[i - 1];
    const above = bands[i + 1];
    const rank = instrument.direction === "higher_is_better" ? last - i : i;
    return {
      code: band.code,
      y1: below ? (below.max + band.min) / 2 : Math.max(floor, band.min),
      y2: above ? (band.max + above.min) / 2 : Math.min(ceiling, band.max),
      severity: bands.length === 1 ? 0 : rank / last,
    };
  });
}
