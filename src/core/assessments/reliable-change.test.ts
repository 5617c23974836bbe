import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTRUMENTS } from "./registry";
import {
  type ChangeStatus,
  classifyChange,
  computeBaselineSd,
  cutoffA,
  cutoffB,
  cutoffC,
  isReliable,
  minimumReliableChange,
  offTrack,
  RELIABLE_CHANGE_DEFAULTS,
  type ReliableChangeParameters,
  reliableChangeIndex,
  reliableChangeOverrideSchema,
  resolveParameters,
  sDiff,
  standardError,
} from "./reliable-change";

function defaults(key: string): ReliableChangeParameters {
  const resolved = resolveParameters(key);
  if (resolved.status !== "available") throw new Error(`no defaults for ${key}`);
  return resolved.parameters;
}

const phq9 = defaults("phq9");

/** WHO-5 as a program would complete it; these reliability and SD values are test values only. */
const who5ProgramOverride = {
  reliability: 0.8,
  reliabilityKind: "alpha",
  reliabilitySource: "test program",
  reliabilityVerified: false,
  sd: 20,
  sdSource: "test program baselines",
  sdVerified: false,
} as const;

function who5(): ReliableChangeParameters {
  const resolved = resolveParameters("who5", { who5: who5ProgramOverride });
  if (resolved.status !== "available") throw new Error(resolved.missing.join(", "));
  return resolved.parameters;
}

describe("Jacobson–Truax formulas", () => {
  it("reproduces the worked example of the reference: PHQ-9 s₁ = 5.0, r = 0.84 needs 5.5, so 6 points", () => {
    const se = standardError(5.0, 0.84);
    expect(se).toBeCloseTo(2.0, 10);
    expect(sDiff(se)).toBeCloseTo(2.83, 2);
    const min = minimumReliableChange({ sd: 5.0, reliability: 0.84, scaleStep: 1 });
    expect(min.threshold).toBeCloseTo(5.54, 2);
    expect(min.points).toBe(6);
  });

  it("gives the conventional thresholds with the shipped defaults: PHQ-9 6, GAD-7 4, PCL-5 5 points", () => {
    expect(minimumReliableChange(defaults("phq9")).points).toBe(6);
    expect(minimumReliableChange(defaults("gad7")).points).toBe(4);
    expect(minimumReliableChange(defaults("pcl5")).points).toBe(5);
  });

  it("counts a change as reliable only when |RC| is above 1.96, not at it", () => {
    // sd 1, r 0.5: SE = √0.5, S_diff = 1, so RC = change.
    const unit = { sd: 1, reliability: 0.5 };
    expect(reliableChangeIndex(10, 11.96, unit)).toBeCloseTo(1.96, 12);
    expect(isReliable(reliableChangeIndex(10, 11.96, unit))).toBe(false);
    expect(isReliable(reliableChangeIndex(11.96, 10, unit))).toBe(false);
    expect(isReliable(reliableChangeIndex(10, 11.961, unit))).toBe(true);
    expect(isReliable(reliableChangeIndex(11.961, 10, unit))).toBe(true);
    // sd 2, r 0.75: S_diff = √2; 1.96·√2 / √2 is 1.9599999999999997 in floating point.
    const root2 = { sd: 2, reliability: 0.75 };
    expect(isReliable(reliableChangeIndex(0, 1.96 * Math.SQRT2, root2))).toBe(false);
  });

  it("needs the next scale step when 1.96 · S_diff falls exactly on a whole score", () => {
    const params = { sd: 4 / 1.96, reliability: 0.5, scaleStep: 1 }; // 1.96 · S_diff = 4
    expect(minimumReliableChange(params).threshold).toBeCloseTo(4, 12);
    expect(minimumReliableChange(params).points).toBe(5);
    expect(isReliable(reliableChangeIndex(10, 14, params))).toBe(false);
    expect(isReliable(reliableChangeIndex(10, 15, params))).toBe(true);
  });

  it("counts WHO-5 percentage points in steps of 4", () => {
    const min = minimumReliableChange(who5()); // 1.96 · √2 · 20 · √0.2 = 24.8
    expect(min.threshold).toBeCloseTo(24.79, 2);
    expect(min.points).toBe(28);
  });

  it("refuses parameters that give no standard error", () => {
    expect(() => standardError(5, 1)).toThrow(RangeError);
    expect(() => standardError(0, 0.8)).toThrow(RangeError);
  });

  it("computes the cut-offs a, b and c in the direction of health", () => {
    const clinical = { mean: 15, sd: 5 };
    const functional = { mean: 3, sd: 3 };
    expect(cutoffA(clinical, "lower_is_better")).toBe(5);
    expect(cutoffA(clinical, "higher_is_better")).toBe(25);
    expect(cutoffB(functional, "lower_is_better")).toBe(9);
    expect(cutoffB(functional, "higher_is_better")).toBe(-3);
    expect(cutoffC(functional, clinical)).toBe(7.5);
  });

  it("computes s₁ as the sample SD of baseline scores", () => {
    expect(computeBaselineSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(computeBaselineSd([12])).toBeNull();
  });
});

describe("Jacobson–Truax properties", () => {
  const score = fc.double({ min: -100, max: 100, noNaN: true });
  const reliability = fc.double({ min: 0.05, max: 0.99, noNaN: true });
  const sd = fc.double({ min: 0.1, max: 50, noNaN: true });

  it("negates the RC when pre and post swap", () => {
    fc.assert(
      fc.property(score, score, sd, reliability, (pre, post, s, r) => {
        const forward = reliableChangeIndex(pre, post, { sd: s, reliability: r });
        const back = reliableChangeIndex(post, pre, { sd: s, reliability: r });
        expect(forward).toBeCloseTo(-back, 9);
      }),
    );
  });

  it("leaves the RC unchanged when scores and SD are rescaled, or scores shifted", () => {
    fc.assert(
      fc.property(
        score,
        score,
        sd,
        reliability,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        score,
        (pre, post, s, r, k, shift) => {
          const rc = reliableChangeIndex(pre, post, { sd: s, reliability: r });
          expect(reliableChangeIndex(k * pre, k * post, { sd: k * s, reliability: r })).toBeCloseTo(rc, 6);
          expect(reliableChangeIndex(pre + shift, post + shift, { sd: s, reliability: r })).toBeCloseTo(
            rc,
            6,
          );
        },
      ),
    );
  });

  it("agrees with the minimum change: a whole-point change is reliable exactly when it reaches `points`", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 80 }),
        sd,
        reliability,
        (pre, post, s, r) => {
          const params = { sd: s, reliability: r, scaleStep: 1 };
          const reliable = isReliable(reliableChangeIndex(pre, post, params));
          expect(reliable).toBe(Math.abs(post - pre) >= minimumReliableChange(params).points);
        },
      ),
    );
  });

  it("classifies a higher-is-better measure as the mirror image of a lower-is-better one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 27 }), (pre, post) => {
        const mirrored: ReliableChangeParameters = {
          ...phq9,
          direction: "higher_is_better",
          cutoff: { ...phq9.cutoff!, value: -phq9.cutoff!.value },
        };
        expect(classifyChange(-pre, -post, mirrored).status).toBe(classifyChange(pre, post, phq9).status);
      }),
    );
  });

  it("calls nobody recovered without a reliable improvement that crosses the cut-off", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 27 }), (pre, post) => {
        const c = classifyChange(pre, post, phq9);
        if (c.status === "recovered") {
          expect(c.reliable && c.crossedCutoff).toBe(true);
          expect(post).toBeLessThan(pre);
        }
      }),
    );
  });
});

describe("classifyChange", () => {
  it.each<[number, number, ChangeStatus, string]>([
    [20, 8, "recovered", "12 points better and below 10"],
    [15, 9, "recovered", "6 points (the threshold) better and below 10"],
    [10, 4, "recovered", "a baseline at the cut-off counts as a case"],
    [20, 12, "improved", "reliably better but still 10 or more"],
    [8, 2, "improved", "reliably better but was never a case"],
    [14, 9, "unchanged", "crossed the cut-off by 5 points, under the threshold"],
    [20, 15, "unchanged", "5 points better"],
    [12, 12, "unchanged", "no change"],
    [10, 15, "unchanged", "5 points worse"],
    [10, 16, "deteriorated", "6 points worse"],
    [4, 10, "deteriorated", "6 points worse into caseness"],
  ])("PHQ-9 %i → %i is %s (%s)", (baseline, latest, status) => {
    expect(classifyChange(baseline, latest, phq9).status).toBe(status);
  });

  it.each<[number, number, ChangeStatus]>([
    [32, 64, "recovered"],
    [20, 48, "improved"],
    [56, 88, "improved"],
    [40, 60, "unchanged"],
    [64, 36, "deteriorated"],
    [88, 56, "deteriorated"],
  ])("WHO-5 (higher is better) %i%% → %i%% is %s", (baseline, latest, status) => {
    expect(classifyChange(baseline, latest, who5()).status).toBe(status);
  });

  it("improves but never recovers without a cut-off", () => {
    const c = classifyChange(20, 2, { ...phq9, cutoff: null });
    expect(c.status).toBe("improved");
    expect(c.crossedCutoff).toBeNull();
  });

  it("keeps the parameters and the numbers it used, so the result can be recomputed", () => {
    const c = classifyChange(20, 8, phq9);
    expect(c.parameters).toEqual(phq9);
    expect(c.change).toBe(-12);
    expect(c.rci).toBeCloseTo(-12 / Math.sqrt(8), 10);
    expect(c.minimum.points).toBe(6);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe("defaults and program settings", () => {
  it("sources every default in the clinical reference and marks none verified (all rest on UNVERIFIED or SECONDARY values)", () => {
    for (const [key, entry] of Object.entries(RELIABLE_CHANGE_DEFAULTS)) {
      if (entry.status === "not_applicable") {
        expect(entry.reason, key).not.toBe("");
        continue;
      }
      const p = entry.parameters;
      expect(p.instrumentKey).toBe(key);
      for (const text of [p.reliabilitySource, p.sdSource, p.cutoff?.source ?? ""])
        expect(text, key).toContain("clinical.md");
      expect([p.reliabilityVerified, p.sdVerified, p.cutoff?.verified], key).toEqual([false, false, false]);
    }
  });

  it("agrees with each registered instrument on which direction is better", () => {
    for (const instrument of INSTRUMENTS) {
      const entry = RELIABLE_CHANGE_DEFAULTS[instrument.key];
      const direction = entry?.status === "available" ? entry.parameters.direction : entry?.known.direction;
      if (direction) expect(direction, instrument.key).toBe(instrument.direction);
    }
  });

  it.each(["audit", "dast10", "bam", "asq", "audit_c", "phqa", "crafft"])(
    "has no reliable-change parameters for %s",
    (key) => {
      expect(resolveParameters(key).status).toBe("not_applicable");
    },
  );

  it("names what is missing for WHO-5 until the program enters a reliability and an SD", () => {
    const resolved = resolveParameters("who5");
    expect(resolved.status).toBe("not_applicable");
    if (resolved.status === "not_applicable")
      expect(resolved.missing).toEqual(
        expect.arrayContaining(["reliability", "reliabilityKind", "reliabilitySource", "sd", "sdSource"]),
      );
    const completed = who5();
    expect(completed.direction).toBe("higher_is_better");
    expect(completed.cutoff?.value).toBe(50);
    expect(completed.scaleStep).toBe(4);
    expect(completed.subscale).toBe("percentage");
  });

  it("uses the program's SD from its own baselines over the default", () => {
    const resolved = resolveParameters("phq9", {
      phq9: { sd: 6.2, sdSource: "Program baselines 2026 (n = 140)", sdVerified: true },
    });
    expect(resolved.status).toBe("available");
    if (resolved.status === "available") {
      expect(resolved.parameters.sd).toBe(6.2);
      expect(resolved.parameters.sdVerified).toBe(true);
      expect(resolved.parameters.reliability).toBe(0.84);
    }
  });

  it("does not compute with a program value out of range, and says which", () => {
    const resolved = resolveParameters("phq9", {
      phq9: { sd: -1, sdSource: "typo", sdVerified: false },
    });
    expect(resolved).toMatchObject({ status: "not_applicable", missing: ["sd"] });
  });

  it("refuses a program value without its source and verified mark", () => {
    const result = reliableChangeOverrideSchema.safeParse({ sd: 6.2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["sdSource", "sdVerified"]);
    expect(reliableChangeOverrideSchema.safeParse({ reliability: 1 }).success).toBe(false);
  });
});

describe("offTrack", () => {
  const series = (...scores: number[]) =>
    scores.map((score, i) => ({ on: `2026-03-${String(1 + 7 * i).padStart(2, "0")}`, score }));

  it("flags a reliable deterioration from baseline at once", () => {
    const result = offTrack(series(10, 16), phq9);
    expect(result).toMatchObject({ flagged: true, reason: "reliable_deterioration", administrations: 2 });
  });

  it("flags no reliable improvement only once the configured number of administrations is reached", () => {
    expect(offTrack(series(18, 17, 15), phq9).flagged).toBe(false);
    expect(offTrack(series(18, 17, 15, 14), phq9)).toMatchObject({
      flagged: true,
      reason: "no_reliable_improvement",
    });
    expect(offTrack(series(18, 17, 15, 14), phq9, { noImprovementAfter: 6 }).flagged).toBe(false);
  });

  it("does not flag a participant who has reliably improved or recovered", () => {
    expect(offTrack(series(18, 17, 15, 12), phq9).reason).toBeNull();
    expect(offTrack(series(18, 17, 15, 6), phq9).classification?.status).toBe("recovered");
  });

  it("takes the earliest administration as baseline whatever the order given", () => {
    const result = offTrack(
      [
        { on: "2026-03-15", score: 16 },
        { on: "2026-03-01", score: 10 },
      ],
      phq9,
    );
    expect(result.baseline).toEqual({ on: "2026-03-01", score: 10 });
    expect(result.reason).toBe("reliable_deterioration");
  });

  it("does not flag a single administration, and states the parameters and settings it used", () => {
    const result = offTrack(series(22), phq9);
    expect(result).toMatchObject({ flagged: false, reason: null, classification: null, latest: null });
    expect(result.parameters).toEqual(phq9);
    expect(result.settings).toEqual({ noImprovementAfter: 4 });
  });

  it("reads WHO-5 the right way up: a fall is a deterioration", () => {
    expect(offTrack(series(64, 36), who5()).reason).toBe("reliable_deterioration");
    expect(offTrack(series(36, 64), who5()).flagged).toBe(false);
  });
});
