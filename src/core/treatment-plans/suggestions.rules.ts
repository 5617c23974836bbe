import type { AsamEdition } from "../admissions/level-of-care";
import { PCL5_PROVISIONAL_CUTOFF_DEFAULT } from "../assessments/instruments/pcl5";
import { shortNameOf } from "../assessments/short-names";
import type { PlanLanguage, ProblemSource } from "./plan.schema";
import type { PlanSuggestion } from "./plan-api.schema";

/**
 * Problems suggested from the record: an assessment result at or above a published cut-off, a
 * diagnosis in an ICD-10-CM category, or an ASAM dimension rated at or above moderate risk. Each
 * rule names its template and cites where its threshold comes from (the clinical reference,
 * ../shared/reference/clinical.md, by section). A suggestion only proposes a template: the
 * clinician decides whether the problem goes into the plan.
 */

export interface SuggestionScore {
  instrumentKey: string;
  responseId: string;
  total: number;
  band: string | null;
  completedOn: string;
}

export interface SuggestionDiagnosis {
  code: string;
  title: string;
}

export interface SuggestionAsam {
  edition: AsamEdition;
  /** The six dimension ratings, 0–4, of the latest screening, dimension 1 first. */
  ratings: readonly number[];
}

export interface SuggestionInput {
  /** The latest scored response per instrument. */
  scores: readonly SuggestionScore[];
  /** The current episode's diagnoses. */
  diagnoses: readonly SuggestionDiagnosis[];
  asam: SuggestionAsam | null;
}

interface ScoreRule {
  kind: "score";
  templateKey: string;
  instrumentKeys: readonly string[];
  /** Suggest at a total at or above this. */
  atLeast: number;
  /**
   * When set and the stored band is one of these codes (or another band of the instrument), the band
   * decides instead of `atLeast`: a program may move the instrument's cut-off (PCL-5).
   */
  bandDecides?: { positive: readonly string[] };
  source: string;
}

interface DiagnosisRule {
  kind: "diagnosis";
  templateKey: string;
  /** ICD-10-CM categories or subcategories, matched as prefixes with or without the dot. */
  codes: readonly string[];
  source: string;
}

interface AsamRule {
  kind: "asam";
  templateKey: string;
  edition: AsamEdition;
  dimension: number;
  /** How the dimension reads on a plan, in a few words, in each language. */
  dimensionLabel: Readonly<Record<PlanLanguage, string>>;
  atLeast: number;
  source: string;
}

export type SuggestionRule = ScoreRule | DiagnosisRule | AsamRule;

/**
 * ASAM risk ratings run 0–4 in the 3rd edition (clinical.md §1.3, VERIFIED). "2 or more" (moderate
 * risk or higher) as the point where the dimension needs its own problem is Bridgeway's choice,
 * not ASAM text — UNVERIFIED as a published rule.
 */
const ASAM_MODERATE = 2;

/** Every suggestion rule, in the order suggestions are listed. */
export const SUGGESTION_RULES: readonly SuggestionRule[] = [
  {
    kind: "score",
    templateKey: "alcohol-use",
    instrumentKeys: ["audit"],
    atLeast: 8,
    // clinical.md §2.1 AUDIT: "≥ 8 hazardous/harmful" (WHO zones 0–7 / 8–15 / 16–19 / 20–40). The
    // 8 cut-off is VERIFIED there; the higher zone cut-offs 16/20 are UNVERIFIED (Babor et al., WHO 2001).
    source: "clinical.md §2.1 AUDIT: a total of 8 or more is hazardous or harmful drinking (WHO zones II–IV)",
  },
  // Diagnosis rules: clinical.md §7.1 names ICD-10-CM F10–F19 for substance use diagnoses; the
  // meaning of each category below is from the ICD-10-CM tabular list, which clinical.md does not
  // quote (UNVERIFIED there).
  {
    kind: "diagnosis",
    templateKey: "alcohol-use",
    codes: ["F10"],
    source: "ICD-10-CM F10: alcohol related disorders",
  },
  {
    kind: "diagnosis",
    templateKey: "opioid-use-moud",
    codes: ["F11"],
    source: "ICD-10-CM F11: opioid related disorders",
  },
  {
    kind: "diagnosis",
    templateKey: "stimulant-use",
    codes: ["F14", "F15"],
    source: "ICD-10-CM F14 cocaine and F15 other stimulant related disorders",
  },
  {
    kind: "score",
    templateKey: "co-occurring-depression",
    instrumentKeys: ["phq9", "phqa"],
    atLeast: 10,
    source:
      "clinical.md §2.1 PHQ-9: 10 or more is moderate depression or worse (sensitivity and specificity 88% for major depression); PHQ-A uses the same bands",
  },
  {
    kind: "diagnosis",
    templateKey: "co-occurring-depression",
    codes: ["F32", "F33"],
    source: "ICD-10-CM F32 major depressive disorder, single episode; F33 recurrent",
  },
  {
    kind: "score",
    templateKey: "co-occurring-anxiety",
    instrumentKeys: ["gad7"],
    atLeast: 10,
    source:
      "clinical.md §2.1 GAD-7: 10 or more is moderate anxiety or worse (sensitivity 89%, specificity 82%)",
  },
  {
    kind: "diagnosis",
    templateKey: "co-occurring-anxiety",
    codes: ["F41"],
    source: "ICD-10-CM F41: other anxiety disorders",
  },
  {
    kind: "score",
    templateKey: "trauma",
    instrumentKeys: ["pcl5"],
    // clinical.md §2.1 PCL-5: provisional PTSD at 31–33 (scoring VERIFIED). Bridgeway's scorer
    // defaults to 33 and a program may choose another value; the stored band follows the program's
    // choice, so it decides when present.
    atLeast: PCL5_PROVISIONAL_CUTOFF_DEFAULT,
    bandDecides: { positive: ["provisional_ptsd"] },
    source:
      "clinical.md §2.1 PCL-5: provisional PTSD at a total of 31–33 (the program's cut-off, 33 by default)",
  },
  {
    kind: "diagnosis",
    templateKey: "trauma",
    codes: ["F43.1"],
    source: "ICD-10-CM F43.1: post-traumatic stress disorder",
  },
  {
    kind: "asam",
    templateKey: "relapse-prevention",
    edition: 3,
    dimension: 5,
    dimensionLabel: { en: "relapse potential", es: "potencial de recaída" },
    atLeast: ASAM_MODERATE,
    source:
      "clinical.md §1.3: 3rd-edition dimension 5, relapse, continued use or continued problem potential",
  },
  {
    kind: "asam",
    templateKey: "relapse-prevention",
    edition: 4,
    dimension: 4,
    dimensionLabel: { en: "substance use-related risks", es: "riesgos relacionados con el consumo" },
    // clinical.md §1.4: 4th-edition dimensions and their ratings are SECONDARY (weak); confirm
    // against the book. Dimension 4 carries the risk of continued use in that edition.
    atLeast: ASAM_MODERATE,
    source: "clinical.md §1.4: 4th-edition dimension 4, substance use-related risks",
  },
  {
    kind: "asam",
    templateKey: "housing-recovery-environment",
    edition: 3,
    dimension: 6,
    dimensionLabel: { en: "recovery/living environment", es: "entorno de vida y recuperación" },
    atLeast: ASAM_MODERATE,
    source: "clinical.md §1.3: 3rd-edition dimension 6, recovery/living environment",
  },
  {
    kind: "asam",
    templateKey: "housing-recovery-environment",
    edition: 4,
    dimension: 5,
    dimensionLabel: {
      en: "recovery environment interactions",
      es: "interacciones con el entorno de recuperación",
    },
    // clinical.md §1.4 (SECONDARY, weak): the recovery environment is dimension 5 in the 4th edition.
    atLeast: ASAM_MODERATE,
    source: "clinical.md §1.4: 4th-edition dimension 5, recovery environment interactions",
  },
];

const normalizedCode = (code: string) => code.trim().toUpperCase().replace(/\./g, "");

export function matchesDiagnosisCode(code: string, categories: readonly string[]): boolean {
  const normalized = normalizedCode(code);
  return categories.some((c) => normalized.startsWith(normalizedCode(c)));
}

function scoreQualifies(rule: ScoreRule, score: SuggestionScore): boolean {
  if (rule.bandDecides && score.band !== null) return rule.bandDecides.positive.includes(score.band);
  return score.total >= rule.atLeast;
}

/** The bands these rules can meet, in words (the web's dictionaries hold the full list). */
const BAND_WORDS: Readonly<Record<PlanLanguage, Readonly<Record<string, string>>>> = {
  en: {
    moderately_severe: "moderately severe",
    low_risk: "low risk",
    possible_dependence: "possible dependence",
    provisional_ptsd: "provisional PTSD",
    below_cutoff: "below the cut-off",
  },
  es: {
    minimal: "mínima",
    mild: "leve",
    moderate: "moderada",
    moderately_severe: "moderadamente grave",
    severe: "grave",
    low_risk: "riesgo bajo",
    hazardous: "de riesgo",
    harmful: "perjudicial",
    possible_dependence: "posible dependencia",
    provisional_ptsd: "TEPT provisional",
    below_cutoff: "por debajo del punto de corte",
  },
};
const bandWords = (band: string, language: PlanLanguage) =>
  BAND_WORDS[language][band] ?? band.replace(/_/g, " ");

/** The words around a source, in each language. */
const WORDS = {
  en: {
    on: "on",
    atLeast: (n: number) => `at or above ${n}`,
    atCutoff: "at or above the program's cut-off",
    asam: (dimension: number, name: string, rating: number) =>
      `ASAM dimension ${dimension} (${name}) rated ${rating}`,
  },
  es: {
    on: "el",
    atLeast: (n: number) => `igual o superior a ${n}`,
    atCutoff: "igual o superior al punto de corte del programa",
    asam: (dimension: number, name: string, rating: number) =>
      `Dimensión ${dimension} de ASAM (${name}) con valoración ${rating}`,
  },
} as const;

interface Finding {
  source: ProblemSource;
  /** Why, in words: the source and the rule it met. */
  why: string;
}

function findingsOf(rule: SuggestionRule, input: SuggestionInput, language: PlanLanguage): Finding[] {
  const words = WORDS[language];
  switch (rule.kind) {
    case "score":
      return input.scores
        .filter((s) => rule.instrumentKeys.includes(s.instrumentKey) && scoreQualifies(rule, s))
        .map((s) => {
          const name = shortNameOf(s.instrumentKey);
          const band = s.band ? ` (${bandWords(s.band, language)})` : "";
          const label = `${name} ${s.total}${band} ${words.on} ${s.completedOn}`;
          const threshold =
            rule.bandDecides && s.band !== null ? words.atCutoff : words.atLeast(rule.atLeast);
          return {
            source: { kind: "assessment", ref: s.responseId, label },
            why: `${label} — ${threshold}`,
          };
        });
    case "diagnosis":
      return input.diagnoses
        .filter((d) => matchesDiagnosisCode(d.code, rule.codes))
        .map((d) => {
          const label = `${d.code.trim()} ${d.title.trim()}`.trim();
          return { source: { kind: "diagnosis", ref: d.code.trim(), label }, why: label };
        });
    case "asam": {
      if (!input.asam || input.asam.edition !== rule.edition) return [];
      const rating = input.asam.ratings[rule.dimension - 1];
      if (rating === undefined || rating < rule.atLeast) return [];
      const label = words.asam(rule.dimension, rule.dimensionLabel[language], rating);
      return [
        {
          source: { kind: "asam_dimension", ref: String(rule.dimension), label },
          why: `${label} — ${words.atLeast(rule.atLeast)}`,
        },
      ];
    }
  }
}

/**
 * The problems the record suggests: one per template, with every source that points to it, in the
 * order of the rule table. The suggestion's key is its template's key. Labels and reasons are in the
 * plan's language (a diagnosis keeps the title it was recorded with).
 */
export function suggestProblems(input: SuggestionInput, language: PlanLanguage = "en"): PlanSuggestion[] {
  const byTemplate = new Map<string, { sources: ProblemSource[]; reasons: string[]; seen: Set<string> }>();
  for (const rule of SUGGESTION_RULES) {
    for (const finding of findingsOf(rule, input, language)) {
      let entry = byTemplate.get(rule.templateKey);
      if (!entry) {
        entry = { sources: [], reasons: [], seen: new Set() };
        byTemplate.set(rule.templateKey, entry);
      }
      const key = `${finding.source.kind}\u0000${finding.source.ref}`;
      if (entry.seen.has(key)) continue;
      entry.seen.add(key);
      entry.sources.push(finding.source);
      entry.reasons.push(finding.why);
    }
  }
  return [...byTemplate].map(([templateKey, entry]) => ({
    key: templateKey,
    templateKey,
    reason: entry.reasons.join("; "),
    sources: entry.sources,
  }));
}
