import { describe, expect, it } from "vitest";
import { findInstrument } from "../assessments/registry";
import { computeDue, DEFAULT_SCHEDULE, type MeasurementSchedule } from "../assessments/schedule.rules";
import { addDays, daysBetween } from "../platform/dates";
import {
  type AssessmentEpisodeInput,
  deriveLevels,
  outlineEpisode,
  planResponse,
  type ScoreCourse,
  scheduleAdministrations,
} from "./assessment-trajectories";
import { createRandom } from "./random";

const TODAY = "2026-11-23";

/** A demo episode with sensible defaults: an adult admitted 70 days ago, still in care. */
function episode(overrides: Partial<AssessmentEpisodeInput> = {}): AssessmentEpisodeInput {
  return {
    key: "1/0",
    admittedOn: addDays(TODAY, -70),
    dischargedOn: null,
    dischargeReason: null,
    audience: "adult",
    trajectory: "improving",
    substance: "alcohol",
    lapseDay: -1,
    silentDays: 0,
    followUps: true,
    selfReport: false,
    ...overrides,
  };
}

const dates = (list: { instrumentKey: string; on: string }[], key: string) =>
  list.filter((a) => a.instrumentKey === key).map((a) => a.on);

describe("scheduleAdministrations", () => {
  it("gives the intake measures in the first days and each repeat no sooner than its interval, up to today", () => {
    for (let seed = 0; seed < 30; seed++) {
      const input = episode({ key: `e${seed}` });
      const given = scheduleAdministrations(seed, input, DEFAULT_SCHEDULE, TODAY);
      for (const key of ["phq9", "gad7", "audit_c", "dast10", "pcl5", "who5", "asq"]) {
        const first = dates(given, key)[0]!;
        expect(daysBetween(input.admittedOn, first)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(input.admittedOn, first)).toBeLessThanOrEqual(2);
      }
      for (const [key, n] of [
        ["phq9", 14],
        ["gad7", 14],
        ["bam", 7],
        ["pcl5", 30],
        ["who5", 14],
      ] as const) {
        // The BAM has no intake measure: its first repeat counts from admission.
        const on = key === "bam" ? [input.admittedOn, ...dates(given, key)] : dates(given, key);
        for (let i = 1; i < on.length; i++) expect(daysBetween(on[i - 1]!, on[i]!)).toBeGreaterThanOrEqual(n);
      }
      expect(dates(given, "audit_c")).toHaveLength(1);
      expect(given.every((a) => a.on >= input.admittedOn && a.on <= TODAY)).toBe(true);
      expect(given.map((a) => a.on)).toEqual(given.map((a) => a.on).sort());
    }
  });

  it("now and then gives a measure late, so a few current participants are overdue on the due list", () => {
    let overdue = 0;
    let late = 0;
    const episodes = 200;
    for (let seed = 0; seed < episodes; seed++) {
      const input = episode({ key: `e${seed}`, admittedOn: addDays(TODAY, -(20 + (seed % 60))) });
      const given = scheduleAdministrations(seed, input, DEFAULT_SCHEDULE, TODAY);
      const bam = [input.admittedOn, ...dates(given, "bam")];
      if (bam.some((on, i) => i > 0 && daysBetween(bam[i - 1]!, on) > 7 + 3)) late++;
      const due = computeDue(DEFAULT_SCHEDULE, { ...input, audience: "adult" }, given, TODAY);
      if (due.some((m) => m.status === "overdue")) overdue++;
    }
    expect(late).toBeGreaterThan(episodes * 0.1);
    expect(overdue).toBeGreaterThan(episodes * 0.03);
    expect(overdue).toBeLessThan(episodes * 0.4);
  });

  it("stops repeats at discharge, gives discharge measures mostly to those who complete, follow-ups after the last episode only", () => {
    let completedMeasured = 0;
    let leftMeasured = 0;
    let followUps = 0;
    for (let seed = 0; seed < 60; seed++) {
      const admittedOn = addDays(TODAY, -200);
      const dischargedOn = addDays(admittedOn, 84);
      const completed = episode({ key: `c${seed}`, admittedOn, dischargedOn, dischargeReason: "completed" });
      const given = scheduleAdministrations(seed, completed, DEFAULT_SCHEDULE, TODAY);
      expect(given.filter((a) => a.timing !== "follow_up").every((a) => a.on <= dischargedOn)).toBe(true);
      if (given.some((a) => a.instrumentKey === "phq9" && a.on >= addDays(dischargedOn, -3)))
        completedMeasured++;
      const after = given.filter((a) => a.timing === "follow_up");
      followUps += after.length;
      expect(after.every((a) => a.instrumentKey === "bam" && a.on > dischargedOn)).toBe(true);
      const notLast = scheduleAdministrations(
        seed,
        { ...completed, followUps: false },
        DEFAULT_SCHEDULE,
        TODAY,
      );
      expect(notLast.some((a) => a.timing === "follow_up")).toBe(false);

      const left = { ...completed, key: `l${seed}`, dischargeReason: "left_against_advice" as const };
      if (scheduleAdministrations(seed, left, DEFAULT_SCHEDULE, TODAY).some((a) => a.timing === "discharge"))
        leftMeasured++;
    }
    expect(completedMeasured).toBeGreaterThan(45);
    expect(leftMeasured).toBeLessThan(15);
    expect(followUps).toBeGreaterThan(20);
  });

  it("gives nothing while a participant who drifts away has stopped coming", () => {
    for (let seed = 0; seed < 20; seed++) {
      const input = episode({ key: `f${seed}`, trajectory: "fading", silentDays: 12 });
      const given = scheduleAdministrations(seed, input, DEFAULT_SCHEDULE, TODAY);
      expect(given.every((a) => a.on <= addDays(TODAY, -12))).toBe(true);
    }
  });

  it("follows the schedule's audiences: adolescents get the PHQ-A and CRAFFT where the schedule says so", () => {
    const schedule: MeasurementSchedule = [
      { instrumentKey: "phq9", at: "intake", audience: "adult" },
      { instrumentKey: "phqa", at: "intake", audience: "adolescent" },
      { instrumentKey: "phqa", at: "every_n_days", n: 14, audience: "adolescent" },
      { instrumentKey: "crafft", at: "intake", audience: "adolescent" },
      { instrumentKey: "who5", at: "intake", audience: "any" },
    ];
    const teen = scheduleAdministrations(1, episode({ audience: "adolescent" }), schedule, TODAY);
    expect(new Set(teen.map((a) => a.instrumentKey))).toEqual(new Set(["phqa", "crafft", "who5"]));
    expect(dates(teen, "phqa").length).toBeGreaterThan(3);
    const adult = scheduleAdministrations(1, episode(), schedule, TODAY);
    expect(new Set(adult.map((a) => a.instrumentKey))).toEqual(new Set(["phq9", "who5"]));
  });

  it("always gives the intake measures, even to someone admitted today", () => {
    const given = scheduleAdministrations(3, episode({ admittedOn: TODAY }), DEFAULT_SCHEDULE, TODAY);
    expect(dates(given, "phq9")).toEqual([TODAY]);
  });
});

describe("outlineEpisode and deriveLevels", () => {
  const courses = (trajectory: AssessmentEpisodeInput["trajectory"]) =>
    Array.from({ length: 200 }, (_, i) => outlineEpisode(1, episode({ key: `k${i}`, trajectory })).course);
  const share = (list: ScoreCourse[], course: ScoreCourse) =>
    list.filter((c) => c === course).length / list.length;

  it("mostly improves for people whose days improve, and sometimes worsens for people who struggle", () => {
    expect(share(courses("improving"), "improving")).toBeGreaterThan(0.85);
    expect(share(courses("improving"), "deteriorating")).toBe(0);
    const struggling = courses("struggling");
    expect(share(struggling, "deteriorating")).toBeGreaterThan(0.1);
    expect(share(struggling, "flat")).toBeGreaterThan(share(struggling, "deteriorating"));
  });

  it("moves depression down on an improving course and up on a deteriorating one", () => {
    for (let i = 0; i < 100; i++) {
      const outline = outlineEpisode(
        2,
        episode({ key: `k${i}`, trajectory: i % 2 ? "improving" : "struggling" }),
      );
      const [start, end] = [deriveLevels(outline, 0).depression, deriveLevels(outline, 84).depression];
      if (outline.course === "improving") expect(end).toBeLessThan(start);
      if (outline.course === "deteriorating") expect(end).toBeGreaterThan(start + 0.15);
    }
  });

  it("shows use after a lapse in the BAM's 30-day window, and less use as the days before admission fall out of it", () => {
    const outline = { ...outlineEpisode(3, episode({ lapseDay: 40 })), course: "improving" as const };
    expect(deriveLevels(outline, 35).use).toBeLessThan(deriveLevels(outline, 7).use);
    expect(deriveLevels(outline, 45).use).toBeGreaterThan(deriveLevels(outline, 35).use);
  });
});

describe("planResponse", () => {
  it("stores the registry's score and critical findings of exactly the answers given", () => {
    const outline = outlineEpisode(4, episode());
    const noise = createRandom(4);
    for (const administration of scheduleAdministrations(4, outline.input, DEFAULT_SCHEDULE, TODAY)) {
      const response = planResponse(
        4,
        outline,
        administration,
        new Date(`${administration.on}T15:00:00Z`),
        "none",
        noise,
      );
      const definition = findInstrument(response.url, response.version)!;
      expect(definition.key).toBe(administration.instrumentKey);
      expect(response.outcome).toEqual(definition.score(response.answers));
      expect(response.findings).toEqual([]);
      expect(response.mode).toBe("staff");
    }
  });

  it("lets the demo participant account complete the repeats themselves", () => {
    const outline = outlineEpisode(4, episode({ selfReport: true }));
    const noise = createRandom(4);
    const modes = scheduleAdministrations(4, outline.input, DEFAULT_SCHEDULE, TODAY).map(
      (a) => [a.timing, planResponse(4, outline, a, new Date(), "none", noise).mode] as const,
    );
    expect(modes.filter(([timing]) => timing === "intake").every(([, mode]) => mode === "staff")).toBe(true);
    expect(modes.filter(([timing]) => timing === "repeat").every(([, mode]) => mode === "self")).toBe(true);
  });
});
