import { describe, expect, it } from "vitest";
import { planCheckIns } from "./check-in-trajectories";
import { daysBetween } from "./dates";
import { planDemoParticipants, SCALE_SPECS } from "./demo-plan";
import { createRandom } from "./random";

const TODAY = "2026-11-23";

describe("createRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("forks independent generators that do not shift each other", () => {
    const root = createRandom(7);
    expect(root.fork("x").next()).toBe(createRandom(7).fork("x").next());
    expect(root.fork("x").next()).not.toBe(root.fork("y").next());
  });
});

describe("planDemoParticipants", () => {
  const plan = planDemoParticipants(1, "clinic", TODAY);

  it("is deterministic from the seed", () => {
    expect(planDemoParticipants(1, "clinic", TODAY)).toEqual(plan);
    expect(planDemoParticipants(2, "clinic", TODAY)).not.toEqual(plan);
  });

  it("has about 60 current and 200 past participants across the last 12 months", () => {
    const current = plan.filter((p) => p.episodes.at(-1)!.dischargedOn === null);
    expect(current).toHaveLength(SCALE_SPECS.clinic.current);
    expect(plan.length - current.length).toBe(SCALE_SPECS.clinic.past);
    for (const p of plan) {
      for (const e of p.episodes) {
        expect(daysBetween(e.admittedOn, TODAY)).toBeLessThanOrEqual(365 + 150);
        if (e.dischargedOn) {
          expect(daysBetween(e.admittedOn, e.dischargedOn)).toBeGreaterThan(0);
          expect(daysBetween(e.dischargedOn, TODAY)).toBeGreaterThan(0);
          expect(e.dischargeReason).not.toBeNull();
        }
      }
    }
  });

  it("varies outcomes: most complete, some leave early, some come back", () => {
    const reasons = plan.flatMap((p) => p.episodes.map((e) => e.dischargeReason).filter(Boolean));
    const share = (r: string) => reasons.filter((x) => x === r).length / reasons.length;
    expect(share("completed")).toBeGreaterThan(0.4);
    expect(share("left_against_advice")).toBeGreaterThan(0.15);
    expect(plan.some((p) => p.episodes.length === 2)).toBe(true);
    expect(new Set(plan.flatMap((p) => p.episodes.map((e) => e.trajectory))).size).toBe(5);
  });

  it("puts adolescents (14–17) only in the adolescent track", () => {
    for (const p of plan.filter((x) => x.episodes[0]!.track === 2)) {
      const age = daysBetween(p.bornOn, TODAY) / 365.25;
      expect(age).toBeGreaterThanOrEqual(14);
      expect(age).toBeLessThan(18);
    }
  });
});

describe("planCheckIns", () => {
  it("stays within the window, within 0–10, and never in the future", () => {
    const checkIns = planCheckIns(createRandom(3), "improving", "2026-09-01", TODAY);
    expect(checkIns.length).toBeGreaterThan(40);
    for (const c of checkIns) {
      expect(c.on >= "2026-09-01" && c.on <= TODAY).toBe(true);
      expect(c.mood).toBeGreaterThanOrEqual(0);
      expect(c.craving).toBeLessThanOrEqual(10);
    }
  });

  it("shows improvement as falling craving and a lapse as reported use", () => {
    const improving = planCheckIns(createRandom(5), "improving", "2026-06-01", "2026-09-30");
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const third = Math.floor(improving.length / 3);
    expect(mean(improving.slice(-third).map((c) => c.craving))).toBeLessThan(
      mean(improving.slice(0, third).map((c) => c.craving)),
    );
    const lapse = planCheckIns(createRandom(5), "lapse_and_return", "2026-06-01", "2026-09-30");
    expect(lapse.some((c) => c.anyUse)).toBe(true);
  });
});
