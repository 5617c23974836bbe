import { describe, expect, it } from "vitest";
import { deriveKeyMeasureKeys, deriveKeyMeasures } from "./key-measures.rules";
import { DEFAULT_OFF_TRACK_SETTINGS, resolveParameters } from "./reliable-change";
import { DEFAULT_SCHEDULE } from "./schedule.rules";

const withTotal = new Set(["phq9", "gad7", "pcl5", "who5", "audit_c", "dast10"]);

describe("deriveKeyMeasureKeys", () => {
  it("takes the measures the schedule repeats that have a total, once each, in schedule order", () => {
    expect(deriveKeyMeasureKeys(DEFAULT_SCHEDULE, (k) => withTotal.has(k))).toEqual([
      "phq9",
      "gad7",
      "pcl5",
      "who5",
    ]);
  });
  it("is empty for a schedule of intake screens only", () => {
    expect(
      deriveKeyMeasureKeys([{ instrumentKey: "audit_c", at: "intake", audience: "any" }], () => true),
    ).toEqual([]);
  });
});

describe("deriveKeyMeasures", () => {
  const response = (id: number, instrumentKey: string, completedOn: string, total: number, band: string) => ({
    id: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    instrumentKey,
    completedOn,
    submittedAt: `${completedOn}T10:00:00.000Z`,
    scored: true,
    total,
    band,
    subscales: {},
    flags: [],
    critical: false,
  });

  it("gives each key measure with a score its latest total, change and status; skips those never given", () => {
    const responses = [
      response(1, "phq9", "2026-10-01", 20, "severe"),
      response(2, "phq9", "2026-10-29", 8, "mild"),
      response(3, "gad7", "2026-10-01", 6, "mild"),
    ];
    const measures = deriveKeyMeasures(
      ["phq9", "gad7", "pcl5"],
      responses,
      (key) => resolveParameters(key),
      DEFAULT_OFF_TRACK_SETTINGS,
    );
    expect(measures).toEqual([
      {
        instrumentKey: "phq9",
        score: 8,
        band: "mild",
        on: "2026-10-29",
        change: -12,
        status: "recovered",
        offTrack: false,
      },
      {
        instrumentKey: "gad7",
        score: 6,
        band: "mild",
        on: "2026-10-01",
        change: null,
        status: null,
        offTrack: false,
      },
    ]);
  });
});
