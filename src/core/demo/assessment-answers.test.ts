import { describe, expect, it } from "vitest";
import { checkAnswers, deriveCriticalFindings } from "../assessments/instrument";
import { INSTRUMENTS } from "../assessments/registry";
import {
  ANSWER_DOMAINS,
  answerQuestionnaire,
  createItemDraws,
  type DemoSubstance,
  type DomainLevels,
  type PlannedCritical,
  substanceOfDiagnosis,
} from "./assessment-answers";
import { createRandom, type Random } from "./random";

const LEVELS = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1];
const SUBSTANCES: DemoSubstance[] = ["alcohol", "opioids", "cannabis"];

const at = (level: number): DomainLevels =>
  Object.fromEntries(ANSWER_DOMAINS.map((d) => [d, level])) as Record<
    (typeof ANSWER_DOMAINS)[number],
    number
  >;

function answer(
  key: string,
  level: number,
  seed: number,
  critical: PlannedCritical = "none",
  substance: DemoSubstance = "alcohol",
) {
  const noise = createRandom(seed);
  return answerQuestionnaire(
    key,
    { levels: at(level), substance, critical },
    createItemDraws(seed * 7919, noise),
    noise,
  );
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("answerQuestionnaire", () => {
  it.each(INSTRUMENTS.map((i) => [i.key, i] as const))(
    "%s: only the options each item offers, scorable by the registry, never critical unless planned",
    (_key, definition) => {
      for (const level of LEVELS) {
        for (let seed = 0; seed < 15; seed++) {
          const answers = answer(definition.key, level, seed, "none", SUBSTANCES[seed % 3]!);
          expect(checkAnswers(definition, answers)).toEqual([]);
          expect(definition.score(answers).ok).toBe(true);
          expect(deriveCriticalFindings(definition, answers)).toEqual([]);
        }
      }
    },
  );

  it.each(INSTRUMENTS.filter((i) => i.totalRange && i.direction).map((i) => [i.key, i] as const))(
    "%s: totals follow how the person is doing (worse levels, worse scores)",
    (_key, definition) => {
      const totalAt = (level: number) =>
        mean(
          Array.from({ length: 30 }, (_, seed) => {
            const outcome = definition.score(answer(definition.key, level, seed));
            return outcome.ok ? (outcome.total ?? 0) : Number.NaN;
          }),
        );
      const [better, worse] = [totalAt(0.15), totalAt(0.85)];
      if (definition.direction === "lower_is_better") expect(worse).toBeGreaterThan(better);
      else expect(worse).toBeLessThan(better);
    },
  );

  it("puts a planned thought of death on PHQ-9 and PHQ-A item 9, and a planned positive ASQ without acute risk", () => {
    const byKey = (key: string) => INSTRUMENTS.find((i) => i.key === key)!;
    for (let seed = 0; seed < 20; seed++) {
      for (const key of ["phq9", "phqa"]) {
        const answers = answer(key, 0.3, seed, "thoughts_of_death");
        expect([1, 2]).toContain(answers["9"]);
        expect(deriveCriticalFindings(byKey(key), answers).map((f) => f.rule)).toEqual([`${key}.item9`]);
      }
      const asq = answer("asq", 0.3, seed, "asq_positive");
      expect(byKey("asq").score(asq)).toMatchObject({ ok: true, band: "positive" });
      expect(deriveCriticalFindings(byKey("asq"), asq).map((f) => f.severity)).toEqual(["urgent"]);
    }
  });

  it("asks follow-up items only where the questionnaire asks them", () => {
    for (let seed = 0; seed < 40; seed++) {
      const calm = answer("phq9", 0, seed);
      const anyProblem = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].some((id) => Number(calm[id]) > 0);
      expect("difficulty" in calm).toBe(anyProblem);

      const bam = answer("bam", seed % 2 === 0 ? 0 : 0.6, seed, "none", SUBSTANCES[seed % 3]!);
      expect("5" in bam).toBe(bam["4"] !== 0);
      expect(["7a", "7b", "7c", "7d", "7e", "7f", "7g"].every((id) => id in bam)).toBe(bam["6"] !== 0);
      if ("5" in bam) expect(Number(bam["5"])).toBeLessThanOrEqual(Number(bam["4"]));

      const crafft = answer("crafft", seed % 2 === 0 ? 0 : 0.6, seed);
      const used = [crafft.a1, crafft.a2, crafft.a3].some((days) => Number(days) > 0);
      expect("relax" in crafft).toBe(used);
    }
  });

  it("reports no days of use at level 0 and the person's own drug class when they use", () => {
    for (let seed = 0; seed < 20; seed++) {
      const none = answer("bam", 0, seed, "none", "opioids");
      expect([none["4"], none["6"]]).toEqual([0, 0]);
      const opioids = { ...at(0.2), use: 0.7 };
      const noise = createRandom(seed);
      const bam = answerQuestionnaire(
        "bam",
        { levels: opioids, substance: "opioids", critical: "none" },
        createItemDraws(seed, noise),
        noise,
      );
      expect(bam["7e"]).toBe(bam["6"]);
      expect(Number(bam["6"])).toBeGreaterThan(0);
    }
  });

  it("keeps a person's lean on an item whatever was asked before it, and people lean differently", () => {
    const still: Random = {
      next: () => 0.5,
      int: (min) => min,
      chance: () => false,
      pick: (items) => items[0]!,
      around: (centre) => centre,
      fork: () => still,
    };
    const likert = [0, 1, 2, 3, 4];
    const afterOthers = createItemDraws(99, still);
    afterOthers.ordinal("4", likert, 0.5);
    afterOthers.ordinal("5", likert, 0.5);
    expect(afterOthers.ordinal("8", likert, 0.5)).toBe(createItemDraws(99, still).ordinal("8", likert, 0.5));
    const people = Array.from({ length: 50 }, (_, person) =>
      createItemDraws(person, still).ordinal("8", likert, 0.5),
    );
    expect(new Set(people).size).toBeGreaterThan(1);
  });

  it("refuses a questionnaire it has no answers for", () => {
    expect(() => answer("no_such", 0.5, 1)).toThrow(/no answers/);
  });

  it("maps the demo's primary diagnoses to their substance", () => {
    expect(["F10.20", "F11.20", "F12.20", "F13.20", "F14.20", "F15.20"].map(substanceOfDiagnosis)).toEqual([
      "alcohol",
      "opioids",
      "cannabis",
      "sedatives",
      "cocaine",
      "stimulants",
    ]);
  });
});
