import { describe, expect, it } from "vitest";
import { daysBetween } from "../platform/dates";
import { DEMO_TRACKS, planDemoParticipants, SCALE_SPECS } from "./demo-plan";

const TODAY = "2026-11-23";

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

  it("discharges mostly as completed, then left against advice, transferred, administrative", () => {
    const reasons = plan.flatMap((p) => p.episodes.map((e) => e.dischargeReason).filter(Boolean));
    const share = (r: string) => reasons.filter((x) => x === r).length / reasons.length;
    expect(share("completed")).toBeGreaterThan(0.4);
    expect(share("left_against_advice")).toBeGreaterThan(0.15);
    expect(share("transferred")).toBeGreaterThan(0.03);
    expect(share("administrative")).toBeGreaterThan(0);
    for (const p of plan) {
      for (const e of p.episodes.filter((x) => x.dischargeReason === "completed")) {
        const weeks = daysBetween(e.admittedOn, e.dischargedOn!) / 7;
        expect(weeks >= 4 && weeks <= 16).toBe(true);
      }
    }
  });

  it("re-admits some people, current and past, after an earlier episode ended", () => {
    const twice = plan.filter((p) => p.episodes.length === 2);
    expect(twice.some((p) => p.episodes[1]!.dischargedOn === null)).toBe(true);
    expect(twice.some((p) => p.episodes[1]!.dischargedOn !== null)).toBe(true);
    for (const p of twice) expect(p.episodes[0]!.dischargedOn! < p.episodes[1]!.admittedOn).toBe(true);
    expect(new Set(plan.flatMap((p) => p.episodes.map((e) => e.trajectory))).size).toBe(5);
  });

  it("admits adolescents (14–17 throughout) only to the adolescent track, adults 19–68", () => {
    for (const p of plan) {
      const adolescent = DEMO_TRACKS[p.episodes[0]!.track]!.audience === "adolescent";
      for (const e of p.episodes) {
        const atAdmission = daysBetween(p.bornOn, e.admittedOn) / 365.25;
        const atEnd = daysBetween(p.bornOn, e.dischargedOn ?? TODAY) / 365.25;
        if (adolescent) expect(atAdmission >= 14 && atEnd < 18).toBe(true);
        else expect(atAdmission >= 19 && atAdmission < 69).toBe(true);
      }
    }
  });

  it("mixes English and Spanish speakers", () => {
    const spanish = plan.filter((p) => p.preferredLanguage === "es").length / plan.length;
    expect(spanish).toBeGreaterThan(0.08);
    expect(spanish).toBeLessThan(0.35);
  });

  it("is large enough for benchmarks at the large scale", () => {
    expect(SCALE_SPECS.large.current + SCALE_SPECS.large.past).toBeGreaterThanOrEqual(20_000);
  });
});
