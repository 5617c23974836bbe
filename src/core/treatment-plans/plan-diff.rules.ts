import { shortNameOf } from "../assessments/short-names";
import type {
  Comparator,
  Intervention,
  InterventionKind,
  Objective,
  ObjectiveMeasure,
  ObjectiveStatus,
  PlanContent,
  Problem,
  ProblemSource,
} from "./plan.schema";
import type { PlanChange } from "./plan-api.schema";

/**
 * A readable difference between two versions of a plan. Problems, objectives and interventions are
 * matched by their ids (stable across versions); sources and the strengths, barriers and discharge
 * criteria by their value. An added or removed problem, objective or intervention is one change (its
 * insides are not listed again); a kept one lists each field that changed. Moving an item without
 * changing it is not a change. Changes come in document order: the new version's order, with a
 * removed item where it stood in the old one.
 */

const COMPARATOR_WORDS: Record<Comparator, string> = {
  below: "below",
  at_most: "at most",
  at_least: "at least",
  above: "above",
};

const STATUS_WORDS: Record<ObjectiveStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  met: "Met",
  revised: "Revised",
  discontinued: "Discontinued",
};

const INTERVENTION_KIND_WORDS: Record<InterventionKind, string> = {
  group: "Group",
  individual: "Individual",
  family: "Family",
  medication: "Medication",
  case_management: "Case management",
  other: "Other",
};

const formatNumber = (n: number): string => String(Number.isInteger(n) ? n : Number(n.toFixed(2)));

/** An objective's measure in a few words: "PHQ-9 below 10", "At least 9 hours a week for 4 consecutive weeks". */
export function describeMeasure(measure: ObjectiveMeasure): string {
  switch (measure.kind) {
    case "instrument": {
      const name = shortNameOf(measure.instrumentKey);
      return `${name} ${COMPARATOR_WORDS[measure.comparator]} ${measure.value}`;
    }
    case "weekly_hours": {
      const hours = `${formatNumber(measure.minimumHours)} ${measure.minimumHours === 1 ? "hour" : "hours"}`;
      const weeks =
        measure.consecutiveWeeks === 1 ? "1 week" : `${measure.consecutiveWeeks} consecutive weeks`;
      return `At least ${hours} a week for ${weeks}`;
    }
    case "count":
      return `${measure.target} ${measure.unit.trim()}`;
    case "observed":
      return measure.description.trim();
  }
}

/** An objective status in words ("In progress"). */
export function describeObjectiveStatus(status: ObjectiveStatus): string {
  return STATUS_WORDS[status];
}

function describeIntervention(intervention: Intervention): string {
  return `${intervention.what.trim()}, ${intervention.frequency.trim()} — ${intervention.responsible.trim()}`;
}

function describeSource(source: ProblemSource): string {
  return source.label.trim();
}

/**
 * The order in which to walk two lists of keys: the new list's order, each key of the old list that
 * is gone placed right after the old key before it (or first when none precedes it).
 */
function documentOrder(before: readonly string[], after: readonly string[]): string[] {
  const order = [...after];
  const kept = new Set(after);
  let insertAt = 0;
  for (const key of before) {
    if (kept.has(key)) {
      insertAt = order.indexOf(key) + 1;
    } else {
      order.splice(insertAt, 0, key);
      insertAt += 1;
    }
  }
  return order;
}

/** Keys for a list compared by value: the value and its occurrence, so repeats count. */
function valueKeys(values: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((value) => {
    const n = seen.get(value) ?? 0;
    seen.set(value, n + 1);
    return `${n}\u0000${value}`;
  });
}

interface Collector {
  changes: PlanChange[];
  /** A field of a kept item: "changed" whenever the text differs, even from or to nothing. */
  field(path: string, label: string, before: string | null, after: string | null): void;
  /** A whole item (or a list value): "added" when there was none before, "removed" when none after. */
  item(path: string, label: string, before: string | null, after: string | null): void;
}

function collector(): Collector {
  const changes: PlanChange[] = [];
  return {
    changes,
    field(path, label, before, after) {
      if (before !== after) changes.push({ kind: "changed", path, label, before, after });
    },
    item(path, label, before, after) {
      if (before === after) return;
      const kind = before === null ? "added" : after === null ? "removed" : "changed";
      changes.push({ kind, path, label, before, after });
    },
  };
}

function diffValueList(
  out: Collector,
  path: string,
  label: string,
  before: readonly string[],
  after: readonly string[],
) {
  const beforeKeys = valueKeys(before.map((v) => v.trim()));
  const afterKeys = valueKeys(after.map((v) => v.trim()));
  const inBefore = new Set(beforeKeys);
  const inAfter = new Set(afterKeys);
  for (const key of documentOrder(beforeKeys, afterKeys)) {
    const value = key.slice(key.indexOf("\u0000") + 1);
    if (!inBefore.has(key)) out.item(path, label, null, value);
    else if (!inAfter.has(key)) out.item(path, label, value, null);
  }
}

function diffById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  each: (item: { before: T | undefined; after: T | undefined; position: number }) => void,
) {
  const beforeById = new Map(before.map((item, i) => [item.id, { item, i }]));
  const afterById = new Map(after.map((item, i) => [item.id, { item, i }]));
  const order = documentOrder(
    before.map((item) => item.id),
    after.map((item) => item.id),
  );
  for (const id of order) {
    const b = beforeById.get(id);
    const a = afterById.get(id);
    each({ before: b?.item, after: a?.item, position: (a ?? b)!.i + 1 });
  }
}

function diffObjective(
  out: Collector,
  path: string,
  label: string,
  before: Objective | undefined,
  after: Objective | undefined,
) {
  if (!before || !after) {
    out.item(path, label, before?.statement.trim() ?? null, after?.statement.trim() ?? null);
    return;
  }
  out.field(`${path}/statement`, `${label} › Statement`, before.statement.trim(), after.statement.trim());
  out.field(
    `${path}/measure`,
    `${label} › Measure`,
    before.measure && describeMeasure(before.measure),
    after.measure && describeMeasure(after.measure),
  );
  out.field(`${path}/targetOn`, `${label} › Target date`, before.targetOn, after.targetOn);
  out.field(`${path}/status`, `${label} › Status`, STATUS_WORDS[before.status], STATUS_WORDS[after.status]);
}

function diffIntervention(
  out: Collector,
  path: string,
  label: string,
  before: Intervention | undefined,
  after: Intervention | undefined,
) {
  if (!before || !after) {
    out.item(
      path,
      label,
      before ? describeIntervention(before) : null,
      after ? describeIntervention(after) : null,
    );
    return;
  }
  out.field(
    `${path}/kind`,
    `${label} › Kind`,
    INTERVENTION_KIND_WORDS[before.kind],
    INTERVENTION_KIND_WORDS[after.kind],
  );
  out.field(`${path}/what`, `${label} › What`, before.what.trim(), after.what.trim());
  out.field(`${path}/frequency`, `${label} › How often`, before.frequency.trim(), after.frequency.trim());
  out.field(`${path}/responsible`, `${label} › Who`, before.responsible.trim(), after.responsible.trim());
}

function diffProblem(
  out: Collector,
  before: Problem | undefined,
  after: Problem | undefined,
  position: number,
) {
  const path = `problems/${(after ?? before)!.id}`;
  const title = (after ?? before)!.title.trim();
  const label = title === "" ? `Problem ${position}` : `Problem “${title}”`;
  if (!before || !after) {
    out.item(path, label, before?.title.trim() ?? null, after?.title.trim() ?? null);
    return;
  }
  out.field(`${path}/title`, `${label} › Title`, before.title.trim(), after.title.trim());
  diffValueList(
    out,
    `${path}/sources`,
    `${label} › Source`,
    before.sources.map(describeSource),
    after.sources.map(describeSource),
  );
  out.field(
    `${path}/goal/participantWords`,
    `${label} › Goal in the participant's words`,
    before.goal.participantWords.trim(),
    after.goal.participantWords.trim(),
  );
  out.field(
    `${path}/goal/clinical`,
    `${label} › Clinical goal`,
    before.goal.clinical.trim(),
    after.goal.clinical.trim(),
  );
  diffById(before.objectives, after.objectives, (o) =>
    diffObjective(
      out,
      `${path}/objectives/${(o.after ?? o.before)!.id}`,
      `${label} › Objective ${o.position}`,
      o.before,
      o.after,
    ),
  );
  diffById(before.interventions, after.interventions, (i) =>
    diffIntervention(
      out,
      `${path}/interventions/${(i.after ?? i.before)!.id}`,
      `${label} › Intervention ${i.position}`,
      i.before,
      i.after,
    ),
  );
}

/** What changed from one version's content to another's, change by change, in document order. */
export function diffPlanContent(before: PlanContent, after: PlanContent): PlanChange[] {
  const out = collector();
  diffById(before.problems, after.problems, (p) => diffProblem(out, p.before, p.after, p.position));
  diffValueList(out, "strengths", "Strength", before.strengths, after.strengths);
  diffValueList(out, "barriers", "Barrier", before.barriers, after.barriers);
  diffValueList(
    out,
    "dischargeCriteria",
    "Discharge criterion",
    before.dischargeCriteria,
    after.dischargeCriteria,
  );
  return out.changes;
}
