import type { InstrumentSummary } from "./assessments.schema";
import { comparedValue } from "./deterioration.rules";
import type { MeasurePoint, MeasureProgress, ReliableChangeView } from "./progress.schema";
import {
  DEFAULT_OFF_TRACK_SETTINGS,
  minimumReliableChange,
  type OffTrackSettings,
  offTrack,
  type ResolvedParameters,
} from "./reliable-change";

/**
 * One participant's progress on each measure in one episode: the scores over time, the latest
 * against the baseline (the episode's first score), and Jacobson–Truax reliable change with the
 * program's parameters. The chart tab and the caseload both read this; pure, every input an argument.
 */

/** What progress needs of a stored response. */
export interface ProgressResponse {
  id: string;
  instrumentKey: string;
  completedOn: string;
  submittedAt: string;
  scored: boolean;
  total: number | null;
  band: string | null;
  subscales: Readonly<Record<string, number>>;
  flags: readonly string[];
  critical: boolean;
}

const chronological = (a: ProgressResponse, b: ProgressResponse) =>
  a.completedOn === b.completedOn
    ? a.submittedAt.localeCompare(b.submittedAt)
    : a.completedOn.localeCompare(b.completedOn);

export function deriveMeasureProgress(
  instrumentKey: string,
  responses: readonly ProgressResponse[],
  resolved: ResolvedParameters,
  settings: OffTrackSettings = DEFAULT_OFF_TRACK_SETTINGS,
): MeasureProgress {
  const ordered = responses.filter((r) => r.instrumentKey === instrumentKey).sort(chronological);
  const scored = ordered.filter((r) => r.scored);
  const points: MeasurePoint[] = scored.flatMap((r) =>
    r.total === null
      ? []
      : [{ responseId: r.id, on: r.completedOn, score: r.total, band: r.band, critical: r.critical }],
  );
  const baseline = points[0] ?? null;
  const last = points.length >= 2 ? points[points.length - 1] : undefined;
  const latest = scored[scored.length - 1];

  let reliableChange: ReliableChangeView;
  if (resolved.status === "available") {
    const p = resolved.parameters;
    const series = scored.flatMap((r) => {
      const value = comparedValue(p, r);
      return value === null ? [] : [{ on: r.completedOn, score: value }];
    });
    const result = offTrack(series, p, settings);
    const c = result.classification;
    reliableChange = {
      status: "available",
      classification: c && {
        status: c.status,
        baseline: c.baseline,
        latest: c.latest,
        change: c.change,
        rci: c.rci,
        crossedCutoff: c.crossedCutoff,
      },
      offTrack: { flagged: result.flagged, reason: result.reason },
      minimumChange: minimumReliableChange(p).points,
      subscale: p.subscale,
      reliability: { value: p.reliability, source: p.reliabilitySource, verified: p.reliabilityVerified },
      sd: { value: p.sd, source: p.sdSource, verified: p.sdVerified },
      cutoff: p.cutoff && { value: p.cutoff.value, source: p.cutoff.source, verified: p.cutoff.verified },
    };
  } else {
    reliableChange = { status: "not_applicable", reason: resolved.reason };
  }

  return {
    instrumentKey,
    administrations: scored.length,
    points,
    latest: latest
      ? {
          responseId: latest.id,
          on: latest.completedOn,
          total: latest.total,
          band: latest.band,
          subscales: { ...latest.subscales },
          flags: [...latest.flags],
          critical: latest.critical,
        }
      : null,
    baseline,
    change: baseline && last ? last.score - baseline.score : null,
    reliableChange,
    notScored: ordered.length - scored.length,
  };
}

/** The instruments with responses, in the catalog's order, then any the catalog no longer has. */
export function deriveMeasuredInstrumentKeys(
  responses: readonly Pick<ProgressResponse, "instrumentKey">[],
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
