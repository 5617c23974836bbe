import type { z } from "zod";
import type { Objective, ObjectiveStatus, PlanContent } from "./plan.schema";
import type { objectiveProgressPointSchema } from "./plan-api.schema";
import type { ReviewContent } from "./review.schema";
import { localDateIn } from "./review-due.rules";

export type ObjectiveProgressPoint = z.infer<typeof objectiveProgressPointSchema>;

export interface ObjectiveProgressInput {
  /** The site's IANA time zone: a signing counts on its local date. */
  timeZone: string;
  /** The plan's signed versions (any order). */
  versions: { id: string; signedAt: Date; content: PlanContent }[];
  /** The plan's signed reviews (any order). */
  reviews: { id: string; heldOn: string; content: ReviewContent }[];
  /** The participant's scored questionnaires (any order). */
  measurements: { instrumentKey: string; on: string; total: number }[];
}

const SOURCE_ORDER: Record<ObjectiveProgressPoint["source"], number> = { plan: 0, review: 1, measurement: 2 };

/**
 * Each objective's course over time, for the plan's progress view:
 * - a `plan` point for every signed version holding it, on its signing date, with the status it was signed with;
 * - a `review` point for every signed review that recorded it, on the day held, with its status and value;
 * - for an objective measured by a questionnaire, a `measurement` point for each score of that
 *   questionnaire from the objective's first signing on, while the version in force that day measures
 *   it that way; its status is the latest known that day (plan or review, same day included).
 * Points are sorted by date (same day: plan, then review, then measurement). Objectives come in the
 * order of the latest version, then any that only earlier versions had.
 */
export function deriveObjectiveProgress(
  input: ObjectiveProgressInput,
): { objectiveId: string; points: ObjectiveProgressPoint[] }[] {
  const versions = input.versions
    .map((v) => ({ ...v, on: localDateIn(v.signedAt, input.timeZone) }))
    .sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime());

  const order: string[] = [];
  const seen = new Set<string>();
  for (const version of [...versions].reverse()) {
    for (const objective of objectivesOf(version.content)) {
      if (!seen.has(objective.id)) {
        seen.add(objective.id);
        order.push(objective.id);
      }
    }
  }

  const points = new Map<string, ObjectiveProgressPoint[]>(order.map((id) => [id, []]));
  for (const version of versions) {
    for (const objective of objectivesOf(version.content)) {
      points.get(objective.id)!.push({
        on: version.on,
        status: objective.status,
        value: null,
        source: "plan",
        sourceId: version.id,
      });
    }
  }
  for (const review of input.reviews) {
    for (const progress of review.content.progress) {
      points.get(progress.objectiveId)?.push({
        on: review.heldOn,
        status: progress.status,
        value: progress.value,
        source: "review",
        sourceId: review.id,
      });
    }
  }
  for (const list of points.values()) list.sort(byDateThenSource);

  for (const measurement of input.measurements) {
    const inForce = versions.filter((v) => v.on <= measurement.on).at(-1);
    if (!inForce) continue;
    for (const objective of objectivesOf(inForce.content)) {
      const measure = objective.measure;
      if (measure?.kind !== "instrument" || measure.instrumentKey !== measurement.instrumentKey) continue;
      const list = points.get(objective.id)!;
      const status = latestStatusOn(list, measurement.on);
      if (status === null) continue;
      list.push({
        on: measurement.on,
        status,
        value: measurement.total,
        source: "measurement",
        sourceId: null,
      });
    }
  }

  return order.map((objectiveId) => ({
    objectiveId,
    points: points.get(objectiveId)!.sort(byDateThenSource),
  }));
}

function objectivesOf(content: PlanContent): Objective[] {
  return content.problems.flatMap((problem) => problem.objectives);
}

function byDateThenSource(a: ObjectiveProgressPoint, b: ObjectiveProgressPoint): number {
  return a.on.localeCompare(b.on) || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source];
}

/** The status of the last plan or review point on or before a date (points sorted), or null. */
function latestStatusOn(points: readonly ObjectiveProgressPoint[], on: string): ObjectiveStatus | null {
  let status: ObjectiveStatus | null = null;
  for (const point of points) {
    if (point.source === "measurement") continue;
    if (point.on > on) break;
    status = point.status;
  }
  return status;
}
