import { classifyChange, type ReliableChangeParameters } from "./reliable-change";

/**
 * Whether a new score has reliably worsened since the episode's baseline (Jacobson–Truax, the
 * program's parameters): the rule behind the `reliable_deterioration` warning. Null when there is
 * no baseline or the score has no value on the compared scale; otherwise the alert's wording.
 */
export function detectReliableDeterioration(
  instrumentLabel: string,
  baseline: { value: number | null; on: string } | undefined,
  latest: number | null,
  params: ReliableChangeParameters,
): { reason: string } | null {
  if (!baseline || baseline.value === null || latest === null) return null;
  const result = classifyChange(baseline.value, latest, params);
  if (result.status !== "deteriorated") return null;
  return {
    reason: `${instrumentLabel} has reliably worsened since the first score of this episode (${baseline.value} on ${baseline.on} → ${latest}; a change of ${result.minimum.points} or more is reliable).`,
  };
}

/** The value a reliable-change comparison reads: the total, or the named subscale. */
export function comparedValue(
  params: Pick<ReliableChangeParameters, "subscale">,
  score: { total: number | null; subscales: Readonly<Record<string, number>> },
): number | null {
  return params.subscale === null ? score.total : (score.subscales[params.subscale] ?? null);
}
