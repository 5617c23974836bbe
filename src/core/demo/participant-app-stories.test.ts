import { describe, expect, it } from "vitest";
import {
  RECOVERY_PLAN_SECTIONS,
  recoveryPlanContentSchema,
  safetyPlanContentSchema,
} from "../personal-plans/personal-plan.schema";
import { OWN_WORDS_TRIGGERS, THREAD_SCRIPTS } from "./participant-app-phrases";
import {
  checkInSubstance,
  detailCheckIn,
  type PersonalPlanContext,
  planRecoveryPlan,
  planRecoveryTriggers,
  planSafetyPlan,
  planThreads,
} from "./participant-app-stories";
import { createRandom } from "./random";

const NOW = Date.parse("2026-11-23T15:00:00Z");
const DAY = 86_400_000;

describe("check-in details", () => {
  const context = {
    language: "en" as const,
    substance: "opioids" as const,
    planTriggers: ["Payday", "Stress at work"],
    trajectory: "struggling" as const,
  };
  const days = (mood: number, craving: number, anyUse: boolean) =>
    Array.from({ length: 400 }, (_, i) =>
      detailCheckIn(createRandom(i).fork("d"), context, {
        on: "2026-11-01",
        mood,
        craving,
        sleepHours: 7,
        anyUse,
      }),
    );

  it.each([
    ["a day with use", 4, 6, true],
    ["a hard day without use", 2, 8, false],
    ["a good day", 8, 1, false],
  ])(
    "%s: substances only with use, mostly the primary one; triggers from the plan or own words",
    (_, mood, craving, use) => {
      for (const d of days(mood, craving, use)) {
        if (use) expect(d.substances).toContain("opioids");
        else expect(d.substances).toEqual([]);
        if (!use) expect(d.useDetail).toBe("");
        for (const t of d.triggers) expect([...context.planTriggers, ...OWN_WORDS_TRIGGERS.en]).toContain(t);
        expect(d.minuteOfDay).toBeGreaterThanOrEqual(7 * 60);
        expect(d.minuteOfDay).toBeLessThan(23 * 60);
        expect(d.queuedOffline).toBe(d.delayMinutes > 0);
      }
    },
  );

  it("asks to talk and names triggers on hard days far more than on good days; self-harm thoughts only on the worst days", () => {
    const share = (list: ReturnType<typeof days>, pick: (d: ReturnType<typeof days>[number]) => boolean) =>
      list.filter(pick).length / list.length;
    const hard = days(2, 8, false);
    const good = days(8, 1, false);
    expect(share(hard, (d) => d.wantsToTalk)).toBeGreaterThan(0.1);
    expect(share(good, (d) => d.wantsToTalk)).toBe(0);
    expect(share(hard, (d) => d.triggers.length > 0)).toBeGreaterThan(
      share(good, (d) => d.triggers.length > 0) + 0.4,
    );
    expect(share(good, (d) => d.wentWell !== "")).toBeGreaterThan(share(hard, (d) => d.wentWell !== ""));
    expect(share(hard, (d) => d.selfHarmThoughts)).toBe(0);
    expect(share(days(1, 8, false), (d) => d.selfHarmThoughts)).toBeGreaterThan(0);
    expect(share(good, (d) => d.sleepQuality === "good")).toBeGreaterThan(
      share(hard, (d) => d.sleepQuality === "good"),
    );
  });

  it("names benzodiazepines for sedatives and keeps the other substances", () => {
    expect(checkInSubstance("sedatives")).toBe("benzodiazepines");
    expect(checkInSubstance("alcohol")).toBe("alcohol");
  });
});

describe("personal plans", () => {
  const context: PersonalPlanContext = {
    seed: 3,
    participantKey: 12,
    language: "es",
    trajectory: "lapse_and_return",
    fromMs: NOW - 40 * DAY,
    nowMs: NOW,
    counselor: "Rafael Ortega",
    onCallPhone: "(555) 010-4410",
  };

  it("writes valid content in versions edited in turns, each naming the sections it changed", () => {
    for (let seed = 0; seed < 30; seed++) {
      const plan = planRecoveryPlan(createRandom(seed), context);
      expect(plan.versions.length).toBeGreaterThanOrEqual(1);
      expect(plan.versions.length).toBeLessThanOrEqual(4);
      expect(plan.versions[0]!.changedSections).toEqual(RECOVERY_PLAN_SECTIONS);
      expect(plan.versions[0]!.content.triggers).toEqual(planRecoveryTriggers(3, 12, "es"));
      plan.versions.forEach((v, i) => {
        expect(recoveryPlanContentSchema.parse(v.content)).toEqual(v.content);
        expect(v.editor).toBe(i % 2 === 0 ? "staff" : "participant");
        if (i > 0) {
          expect(v.changedSections.length).toBeGreaterThan(0);
          expect(v.at).toBeGreaterThanOrEqual(plan.versions[i - 1]!.at);
        }
        expect(v.at).toBeLessThanOrEqual(NOW);
      });
      const seen = [plan.participantSeenVersion, plan.staffSeenVersion];
      expect(Math.max(...seen)).toBe(plan.versions.length);
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(plan.versions.length - 1);
      const safety = planSafetyPlan(createRandom(seed), context);
      for (const v of safety.versions) expect(safetyPlanContentSchema.parse(v.content)).toEqual(v.content);
      expect(safety.versions[0]!.content.professionals.map((p) => p.phone)).toContain("988");
    }
  });
});

describe("message threads", () => {
  it("keeps messages in order, never after now, in the participant's language; the 'rough days' thread only for people who struggle", () => {
    for (let seed = 0; seed < 40; seed++) {
      for (const trajectory of ["improving", "struggling"] as const) {
        const threads = planThreads(createRandom(seed), "es", trajectory, NOW - 30 * DAY, NOW);
        expect(threads.length).toBeGreaterThanOrEqual(1);
        for (const t of threads) {
          expect(THREAD_SCRIPTS.es.map((s) => s.subject)).toContain(t.subject);
          if (trajectory === "improving") expect(t.key).not.toBe("low");
          const times = t.messages.map((m) => m.at);
          expect(times).toEqual([...times].sort((a, b) => a - b));
          expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
          for (const readAt of [t.participantReadAt, t.staffReadAt])
            if (readAt !== null) expect(readAt).toBeLessThanOrEqual(NOW);
        }
      }
    }
  });
});
