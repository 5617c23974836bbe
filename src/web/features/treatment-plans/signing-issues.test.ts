import { createInstance } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { validatePlanForSigning } from "../../../core/treatment-plans/plan.rules";
import type { PlanContent } from "../../../core/treatment-plans/plan.schema";
import { treatmentPlansEn } from "../../i18n/treatment-plans.en";
import { treatmentPlansEs } from "../../i18n/treatment-plans.es";
import { describeSigningIssue } from "./signing-issues";

const STARTS_ON = "2026-11-02";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A draft missing something at every level: an untitled problem, a target before the start, an empty barrier. */
const content: PlanContent = {
  problems: [
    {
      id: id(1),
      title: "Alcohol use",
      templateKey: null,
      sources: [],
      goal: { participantWords: "", clinical: "Sustain abstinence." },
      objectives: [
        {
          id: id(2),
          statement: "Name three triggers",
          measure: null,
          targetOn: "2026-10-01",
          status: "not_started",
        },
      ],
      interventions: [],
    },
    {
      id: id(3),
      title: "",
      templateKey: null,
      sources: [],
      goal: { participantWords: "I want to sleep.", clinical: "Improve sleep." },
      objectives: [],
      interventions: [
        { id: id(4), kind: "group", what: "Wellness group", frequency: "", responsible: "Facilitator" },
      ],
    },
  ],
  strengths: ["Supportive sister"],
  barriers: [" "],
  dischargeCriteria: [],
};

async function translator(language: "en" | "es") {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: { en: { treatmentPlans: treatmentPlansEn }, es: { treatmentPlans: treatmentPlansEs } },
    interpolation: { escapeValue: false },
  });
  return i18n.getFixedT(language, "treatmentPlans");
}

describe("describeSigningIssue", () => {
  const issues = validatePlanForSigning(content, STARTS_ON);
  let en: Awaited<ReturnType<typeof translator>>;
  let es: Awaited<ReturnType<typeof translator>>;
  beforeAll(async () => {
    en = await translator("en");
    es = await translator("es");
  });

  it("says every missing piece again in Spanish, naming the problem by its title or its position", () => {
    expect(issues.map((issue) => describeSigningIssue(issue, content, STARTS_ON, es))).toEqual([
      "Problema «Alcohol use»: escriba la meta con las palabras de la persona.",
      "Problema «Alcohol use», objetivo 1: elija cómo se medirá.",
      "Problema «Alcohol use», objetivo 1: la fecha meta es anterior al inicio del plan (2026-11-02).",
      "Problema «Alcohol use»: añada al menos una intervención (qué, con qué frecuencia, quién).",
      "Problema 2 necesita un título.",
      "Problema 2: añada al menos un objetivo medible.",
      "Problema 2, intervención 1: diga con qué frecuencia se hace.",
      "La barrera 1 está vacía: escríbala o quítela.",
      "Añada al menos un criterio de alta acordado con la persona.",
    ]);
  });

  it("says them in English too, one message per issue the core found", () => {
    const english = issues.map((issue) => describeSigningIssue(issue, content, STARTS_ON, en));
    expect(english).toHaveLength(issues.length);
    expect(english[2]).toBe(
      "Problem “Alcohol use”, objective 1: the target date is before the plan starts (2026-11-02).",
    );
    expect(english.every((text) => !text.includes("{{"))).toBe(true);
  });

  it("keeps the core's message for a path it does not know", () => {
    expect(describeSigningIssue({ path: "startsOn", message: "Original." }, content, STARTS_ON, es)).toBe(
      "Original.",
    );
  });
});
