import { describe, expect, it } from "vitest";
import {
  describeDefault,
  describeInstrumentSettings,
  describeResolved,
  findUnknownInstruments,
  NO_DEFAULT_REASON,
  summarizeOverrides,
  withoutEmptyOverrides,
} from "./reliable-change-settings.rules";
import { DEFAULT_RELIABLE_CHANGE_SETTINGS } from "./reliable-change-settings.schema";

/** Test values only: not a recommendation for any instrument. */
const WHO5_PROGRAM = {
  reliability: 0.8,
  reliabilityKind: "alpha",
  reliabilitySource: "Program's own sample, 2026",
  reliabilityVerified: true,
  sd: 20,
  sdSource: "Program baselines 2026 (n = 90)",
  sdVerified: true,
} as const;

describe("reliable-change settings page", () => {
  it("shows the PHQ-9 default with its unverified sources and the 6 points it yields", () => {
    const phq9 = describeDefault("phq9");
    expect(phq9.status).toBe("available");
    if (phq9.status !== "available") return;
    expect(phq9.parameters).toMatchObject({ reliability: 0.84, sd: 5, reliabilityVerified: false });
    expect(phq9.minimum.points).toBe(6);
    expect(phq9.minimum.threshold).toBeCloseTo(5.54, 2);
  });

  it("says why WHO-5 has no default and keeps what is known of it", () => {
    expect(describeDefault("who5")).toMatchObject({
      status: "not_applicable",
      reason: expect.stringContaining("WHO-5"),
      known: { direction: "higher_is_better", subscale: "percentage", scaleStep: 4 },
    });
  });

  it("says a questionnaire the reference gives nothing for has no default", () => {
    expect(describeDefault("asq")).toEqual({
      status: "not_applicable",
      reason: NO_DEFAULT_REASON,
      known: {},
    });
    expect(describeResolved(DEFAULT_RELIABLE_CHANGE_SETTINGS, "asq")).toMatchObject({
      status: "not_applicable",
      reason: NO_DEFAULT_REASON,
      missing: expect.arrayContaining(["direction", "reliability", "sd", "subscale", "scaleStep"]),
    });
  });

  it("resolves the program's values over the default, with the minimum change they yield", () => {
    const settings = {
      overrides: { phq9: { sd: 7, sdSource: "Program baselines 2026 (n = 140)", sdVerified: true } },
    };
    const row = describeInstrumentSettings(settings, "phq9");
    expect(row.override).toEqual(settings.overrides.phq9);
    expect(row.resolved).toMatchObject({
      status: "available",
      parameters: { sd: 7, reliability: 0.84, sdVerified: true, reliabilityVerified: false },
      // 1.96 · √2 · 7 · √0.16 = 7.76: 8 points.
      minimum: { points: 8 },
    });
    expect(describeInstrumentSettings(settings, "gad7").override).toBeNull();
  });

  it("completes WHO-5 once the program enters a reliability and an SD, counting in steps of 4", () => {
    const resolved = describeResolved({ overrides: { who5: WHO5_PROGRAM } }, "who5");
    expect(resolved.status).toBe("available");
    if (resolved.status === "available") {
      // 1.96 · √2 · 20 · √0.2 = 24.8 on the percentage scale: the next step of 4 is 28.
      expect(resolved.minimum.points).toBe(28);
      expect(resolved.parameters.cutoff?.value).toBe(50);
    }
  });

  it("names the override keys that are not questionnaires of the program", () => {
    const settings = { overrides: { phq9: {}, nope: {}, cssrs: {} } };
    expect(findUnknownInstruments(settings, ["phq9", "gad7"])).toEqual(["nope", "cssrs"]);
    expect(findUnknownInstruments({ overrides: {} }, ["phq9"])).toEqual([]);
  });

  it("treats an override that sets nothing as no override", () => {
    expect(
      withoutEmptyOverrides({
        overrides: { phq9: {}, gad7: { sd: undefined }, who5: WHO5_PROGRAM },
        offTrack: { noImprovementAfter: 5 },
      }),
    ).toEqual({ overrides: { who5: WHO5_PROGRAM }, offTrack: { noImprovementAfter: 5 } });
  });

  it("sums the overrides up in one line for the audit trail", () => {
    expect(summarizeOverrides({})).toBe("none");
    expect(
      summarizeOverrides({
        who5: WHO5_PROGRAM,
        phq9: {
          cutoff: { value: 9, method: "caseness", source: "Program policy", verified: false },
        },
      }),
    ).toBe("phq9: cut-off 9 (caseness); who5: reliability 0.8 (alpha), SD 20");
  });
});
