import { describe, expect, it } from "vitest";
import {
  deriveBandAreas,
  deriveMeasuredInstrumentKeys,
  deriveMeasureProgress,
  type ProgressResponse,
} from "./measure-progress.rules";
import { resolveParameters } from "./reliable-change";

let n = 0;
function response(over: Partial<ProgressResponse> & Pick<ProgressResponse, "instrumentKey" | "completedOn">) {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    submittedAt: `${over.completedOn}T12:00:00.000Z`,
    scored: true,
    total: null,
    band: null,
    subscales: {},
    flags: [],
    critical: false,
    ...over,
  } satisfies ProgressResponse;
}

describe("deriveMeasureProgress", () => {
  it("orders by date, takes the first score as baseline and counts unscored responses apart", () => {
    const responses = [
      response({ instrumentKey: "phq9", completedOn: "2026-10-15", total: 12, band: "moderate" }),
      response({ instrumentKey: "phq9", completedOn: "2026-10-01", total: 18, band: "moderately_severe" }),
      response({ instrumentKey: "phq9", completedOn: "2026-10-08", scored: false }),
      response({ instrumentKey: "gad7", completedOn: "2026-10-01", total: 3 }),
    ];
    const progress = deriveMeasureProgress("phq9", responses, resolveParameters("phq9"));
    expect(progress.points.map((p) => [p.on, p.score])).toEqual([
      ["2026-10-01", 18],
      ["2026-10-15", 12],
    ]);
    expect(progress).toMatchObject({
      administrations: 2,
      notScored: 1,
      change: -6,
      latest: { on: "2026-10-15", total: 12, band: "moderate" },
      baseline: { on: "2026-10-01", score: 18 },
    });
    // −6 reaches the 6 points a PHQ-9 change needs with the defaults, but 12 is still a case.
    expect(progress.reliableChange).toMatchObject({
      status: "available",
      minimumChange: 6,
      classification: { status: "improved", crossedCutoff: false },
      offTrack: { flagged: false, reason: null },
    });
  });

  it("uses the latest of two responses on one day, by submission time", () => {
    const responses = [
      response({
        instrumentKey: "gad7",
        completedOn: "2026-10-01",
        total: 15,
        submittedAt: "2026-10-01T09:00:00Z",
      }),
      response({
        instrumentKey: "gad7",
        completedOn: "2026-10-01",
        total: 4,
        submittedAt: "2026-10-01T17:00:00Z",
      }),
    ];
    const progress = deriveMeasureProgress("gad7", responses, resolveParameters("gad7"));
    expect(progress.baseline?.score).toBe(15);
    expect(progress.latest?.total).toBe(4);
  });

  it("compares WHO-5 on its percentage subscale, where higher is better", () => {
    const responses = [
      response({ instrumentKey: "who5", completedOn: "2026-10-01", total: 8, subscales: { percentage: 32 } }),
      response({
        instrumentKey: "who5",
        completedOn: "2026-11-01",
        total: 17,
        subscales: { percentage: 68 },
      }),
    ];
    // WHO-5 has no default reliability or SD: the program supplies them.
    expect(resolveParameters("who5").status).toBe("not_applicable");
    const override = {
      who5: {
        reliability: 0.8,
        reliabilityKind: "alpha" as const,
        reliabilitySource: "Program's own figure",
        reliabilityVerified: false,
        sd: 20,
        sdSource: "Program's intakes",
        sdVerified: false,
      },
    };
    const progress = deriveMeasureProgress("who5", responses, resolveParameters("who5", override));
    expect(progress.change).toBe(9);
    expect(progress.reliableChange).toMatchObject({
      status: "available",
      subscale: "percentage",
      classification: { baseline: 32, latest: 68, change: 36, status: "recovered" },
    });
  });

  it("says why reliable change does not apply (BAM has no validated total)", () => {
    const responses = [response({ instrumentKey: "bam", completedOn: "2026-10-01", subscales: { use: 4 } })];
    const progress = deriveMeasureProgress("bam", responses, resolveParameters("bam"));
    expect(progress.points).toEqual([]);
    expect(progress.latest).toMatchObject({ total: null });
    expect(progress.reliableChange.status).toBe("not_applicable");
    if (progress.reliableChange.status === "not_applicable")
      expect(progress.reliableChange.reason).toMatch(/BAM/);
  });

  it("flags no reliable improvement after the program's number of administrations", () => {
    const scores = [14, 15, 13];
    const responses = scores.map((total, i) =>
      response({ instrumentKey: "phq9", completedOn: `2026-10-0${i + 1}`, total }),
    );
    const resolved = resolveParameters("phq9");
    expect(deriveMeasureProgress("phq9", responses, resolved).reliableChange).toMatchObject({
      offTrack: { flagged: false },
    });
    expect(
      deriveMeasureProgress("phq9", responses, resolved, { noImprovementAfter: 3 }).reliableChange,
    ).toMatchObject({ offTrack: { flagged: true, reason: "no_reliable_improvement" } });
  });

  it("uses the program's override of the SD", () => {
    const responses = [
      response({ instrumentKey: "phq9", completedOn: "2026-10-01", total: 18 }),
      response({ instrumentKey: "phq9", completedOn: "2026-10-15", total: 14 }),
    ];
    const strict = deriveMeasureProgress("phq9", responses, resolveParameters("phq9"));
    const wide = deriveMeasureProgress(
      "phq9",
      responses,
      resolveParameters("phq9", { phq9: { sd: 3, sdSource: "Our 2025 intakes", sdVerified: true } }),
    );
    expect(strict.reliableChange).toMatchObject({ classification: { status: "unchanged" } });
    expect(wide.reliableChange).toMatchObject({
      minimumChange: 4,
      classification: { status: "improved" },
      sd: { value: 3, source: "Our 2025 intakes", verified: true },
    });
  });
});

describe("deriveMeasuredInstrumentKeys", () => {
  it("lists answered instruments in catalog order, unknown ones last", () => {
    const responses = [{ instrumentKey: "retired" }, { instrumentKey: "phq9" }, { instrumentKey: "audit" }];
    expect(
      deriveMeasuredInstrumentKeys(responses, [{ key: "audit" }, { key: "gad7" }, { key: "phq9" }]),
    ).toEqual(["audit", "phq9", "retired"]);
  });
});

describe("deriveBandAreas", () => {
  const bands = [
    { code: "minimal", min: 0, max: 4 },
    { code: "mild", min: 5, max: 9 },
    { code: "moderate", min: 10, max: 14 },
  ];
  it("makes touching areas from the range's floor to its ceiling, most severe last for lower-is-better", () => {
    expect(deriveBandAreas({ bands, totalRange: { min: 0, max: 14 }, direction: "lower_is_better" })).toEqual(
      [
        { code: "minimal", y1: 0, y2: 4.5, severity: 0 },
        { code: "mild", y1: 4.5, y2: 9.5, severity: 0.5 },
        { code: "moderate", y1: 9.5, y2: 14, severity: 1 },
      ],
    );
  });
  it("reverses severity when higher is better", () => {
    const areas = deriveBandAreas({ bands, totalRange: null, direction: "higher_is_better" });
    expect(areas.map((a) => a.severity)).toEqual([1, 0.5, 0]);
  });
});
