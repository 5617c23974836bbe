import { describe, expect, it } from "vitest";
import { deriveObjectiveProgress, type ObjectiveProgressInput } from "./objective-progress.rules";
import type { Objective, ObjectiveMeasure, PlanContent } from "./plan.schema";
import { objectiveProgressSchema } from "./plan-api.schema";
import type { ObjectiveProgress } from "./review.schema";

const NY = "America/New_York";
const P1 = "00000000-0000-4000-8000-000000000001";
const O_PHQ = "00000000-0000-4000-8000-000000000011";
const O_HOURS = "00000000-0000-4000-8000-000000000012";
const O_NEW = "00000000-0000-4000-8000-000000000013";
const V1 = "00000000-0000-4000-8000-000000000031";
const V2 = "00000000-0000-4000-8000-000000000032";
const R1 = "00000000-0000-4000-8000-000000000041";
const R2 = "00000000-0000-4000-8000-000000000042";

const PHQ_BELOW_10: ObjectiveMeasure = {
  kind: "instrument",
  instrumentKey: "phq9",
  comparator: "below",
  value: 10,
};
const HOURS: ObjectiveMeasure = { kind: "weekly_hours", minimumHours: 9, consecutiveWeeks: 4 };

const objective = (
  id: string,
  measure: ObjectiveMeasure,
  status: Objective["status"] = "not_started",
): Objective => ({
  id,
  statement: `Objective ${id.slice(-2)}`,
  measure,
  targetOn: "2027-01-15",
  status,
});

const content = (objectives: Objective[]): PlanContent => ({
  problems: [
    {
      id: P1,
      title: "Depression",
      templateKey: null,
      sources: [],
      goal: { participantWords: "Feel better", clinical: "Reduce depressive symptoms" },
      objectives,
      interventions: [],
    },
  ],
  strengths: [],
  barriers: [],
  dischargeCriteria: ["PHQ-9 below 10"],
});

const progress = (
  objectiveId: string,
  status: ObjectiveProgress["status"],
  value: number | null,
): ObjectiveProgress => ({
  objectiveId,
  status,
  note: "",
  value,
});

const review = (id: string, heldOn: string, entries: ObjectiveProgress[]) => ({
  id,
  heldOn,
  content: { progress: entries, summary: "", planChangesNeeded: false },
});

const derive = (over: Partial<ObjectiveProgressInput>) =>
  deriveObjectiveProgress({ timeZone: NY, versions: [], reviews: [], measurements: [], ...over });

// Version 1 signed 2026-11-02 at 23:30 New York time (2026-11-03 in UTC).
const v1 = {
  id: V1,
  signedAt: new Date("2026-11-03T04:30:00Z"),
  content: content([objective(O_PHQ, PHQ_BELOW_10), objective(O_HOURS, HOURS)]),
};

describe("an objective's course over time", () => {
  it("starts with the status each objective was signed with, on the site's signing date", () => {
    expect(derive({ versions: [v1] })).toEqual([
      {
        objectiveId: O_PHQ,
        points: [{ on: "2026-11-02", status: "not_started", value: null, source: "plan", sourceId: V1 }],
      },
      {
        objectiveId: O_HOURS,
        points: [{ on: "2026-11-02", status: "not_started", value: null, source: "plan", sourceId: V1 }],
      },
    ]);
  });

  it("adds each review's status and value, and each score of the objective's questionnaire with the status known that day", () => {
    const result = derive({
      versions: [v1],
      reviews: [
        review(R2, "2026-12-02", [progress(O_PHQ, "met", 8), progress(O_HOURS, "met", 9.5)]),
        review(R1, "2026-11-20", [progress(O_PHQ, "in_progress", 12)]),
      ],
      measurements: [
        { instrumentKey: "phq9", on: "2026-10-28", total: 17 },
        { instrumentKey: "phq9", on: "2026-11-16", total: 13 },
        { instrumentKey: "phq9", on: "2026-11-20", total: 12 },
        { instrumentKey: "gad7", on: "2026-11-16", total: 9 },
        { instrumentKey: "phq9", on: "2026-12-14", total: 6 },
      ],
    });
    const phq = result.find((r) => r.objectiveId === O_PHQ)!;
    expect(phq.points.map((p) => [p.on, p.source, p.status, p.value])).toEqual([
      ["2026-11-02", "plan", "not_started", null],
      ["2026-11-16", "measurement", "not_started", 13],
      ["2026-11-20", "review", "in_progress", 12],
      ["2026-11-20", "measurement", "in_progress", 12],
      ["2026-12-02", "review", "met", 8],
      ["2026-12-14", "measurement", "met", 6],
    ]);
    expect(phq.points.filter((p) => p.source === "review").map((p) => p.sourceId)).toEqual([R1, R2]);
    expect(phq.points.filter((p) => p.source === "measurement").every((p) => p.sourceId === null)).toBe(true);

    const hours = result.find((r) => r.objectiveId === O_HOURS)!;
    expect(hours.points.map((p) => [p.on, p.source, p.status, p.value])).toEqual([
      ["2026-11-02", "plan", "not_started", null],
      ["2026-12-02", "review", "met", 9.5],
    ]);
    for (const r of result) expect(objectiveProgressSchema.safeParse(r).success).toBe(true);
  });

  it("follows a revision: a new version's statuses, its new objective, and its change of measure", () => {
    const v2 = {
      id: V2,
      signedAt: new Date("2026-12-03T15:00:00Z"),
      content: content([
        objective(O_NEW, { kind: "observed", description: "Plans two pleasant activities a week" }),
        objective(
          O_PHQ,
          { kind: "instrument", instrumentKey: "phqa", comparator: "below", value: 10 },
          "revised",
        ),
      ]),
    };
    const result = derive({
      versions: [v2, v1],
      measurements: [
        { instrumentKey: "phq9", on: "2026-11-30", total: 11 },
        { instrumentKey: "phq9", on: "2026-12-10", total: 9 },
        { instrumentKey: "phqa", on: "2026-12-10", total: 8 },
      ],
    });
    expect(result.map((r) => r.objectiveId)).toEqual([O_NEW, O_PHQ, O_HOURS]);
    expect(result[1]!.points.map((p) => [p.on, p.source, p.status, p.value, p.sourceId])).toEqual([
      ["2026-11-02", "plan", "not_started", null, V1],
      ["2026-11-30", "measurement", "not_started", 11, null],
      ["2026-12-03", "plan", "revised", null, V2],
      ["2026-12-10", "measurement", "revised", 8, null],
    ]);
    expect(result[0]!.points.map((p) => p.on)).toEqual(["2026-12-03"]);
    expect(result[2]!.points.map((p) => p.sourceId)).toEqual([V1]);
  });

  it("ignores scores from before the first signing and reviews of objectives no version had", () => {
    const result = derive({
      versions: [v1],
      reviews: [review(R1, "2026-11-20", [progress(O_NEW, "met", null)])],
      measurements: [{ instrumentKey: "phq9", on: "2026-11-01", total: 20 }],
    });
    expect(result.flatMap((r) => r.points).map((p) => p.source)).toEqual(["plan", "plan"]);
  });

  it("is empty with no signed version", () => {
    expect(derive({ measurements: [{ instrumentKey: "phq9", on: "2026-11-01", total: 20 }] })).toEqual([]);
  });
});
