import { withinEdits } from "../platform/edit-distance";

/**
 * A local list of ICD-10-CM codes for an IOP: the common substance-use codes (F10–F19 abuse,
 * dependence and use, uncomplicated and in remission, and the withdrawal codes most used at intake)
 * and the common co-occurring conditions (depression, anxiety, PTSD, bipolar). ICD-10-CM is a US
 * government classification in the public domain. This is a curated subset written for Bridgeway and
 * not yet checked line by line against the CMS release files; the diagnoses issue adds an import of the
 * full annual CMS file. Codes are stored with their title at the time of recording.
 */

export interface IcdCode {
  code: string;
  title: string;
  /** Substance-use disorder (F10–F19) or co-occurring. */
  group: "substance_use" | "co_occurring";
}

const SUBSTANCES: { chapter: string; name: string }[] = [
  { chapter: "F10", name: "Alcohol" },
  { chapter: "F11", name: "Opioid" },
  { chapter: "F12", name: "Cannabis" },
  { chapter: "F13", name: "Sedative, hypnotic or anxiolytic" },
  { chapter: "F14", name: "Cocaine" },
  { chapter: "F15", name: "Other stimulant" },
  { chapter: "F16", name: "Hallucinogen" },
  { chapter: "F18", name: "Inhalant" },
  { chapter: "F19", name: "Other psychoactive substance" },
];

const substanceCodes: IcdCode[] = SUBSTANCES.flatMap(({ chapter, name }) => [
  { code: `${chapter}.10`, title: `${name} abuse, uncomplicated`, group: "substance_use" as const },
  { code: `${chapter}.11`, title: `${name} abuse, in remission`, group: "substance_use" as const },
  { code: `${chapter}.20`, title: `${name} dependence, uncomplicated`, group: "substance_use" as const },
  { code: `${chapter}.21`, title: `${name} dependence, in remission`, group: "substance_use" as const },
  {
    code: `${chapter}.90`,
    title: `${name} use, unspecified, uncomplicated`,
    group: "substance_use" as const,
  },
]);

const withdrawalAndNicotine: IcdCode[] = [
  { code: "F10.230", title: "Alcohol dependence with withdrawal, uncomplicated", group: "substance_use" },
  { code: "F10.231", title: "Alcohol dependence with withdrawal delirium", group: "substance_use" },
  { code: "F10.239", title: "Alcohol dependence with withdrawal, unspecified", group: "substance_use" },
  { code: "F11.23", title: "Opioid dependence with withdrawal", group: "substance_use" },
  {
    code: "F13.230",
    title: "Sedative, hypnotic or anxiolytic dependence with withdrawal, uncomplicated",
    group: "substance_use",
  },
  { code: "F14.23", title: "Cocaine dependence with withdrawal", group: "substance_use" },
  { code: "F15.23", title: "Other stimulant dependence with withdrawal", group: "substance_use" },
  { code: "F17.200", title: "Nicotine dependence, unspecified, uncomplicated", group: "substance_use" },
  { code: "F17.210", title: "Nicotine dependence, cigarettes, uncomplicated", group: "substance_use" },
];

const coOccurring: IcdCode[] = [
  { code: "F32.0", title: "Major depressive disorder, single episode, mild", group: "co_occurring" },
  { code: "F32.1", title: "Major depressive disorder, single episode, moderate", group: "co_occurring" },
  {
    code: "F32.2",
    title: "Major depressive disorder, single episode, severe without psychotic features",
    group: "co_occurring",
  },
  { code: "F32.9", title: "Major depressive disorder, single episode, unspecified", group: "co_occurring" },
  { code: "F33.0", title: "Major depressive disorder, recurrent, mild", group: "co_occurring" },
  { code: "F33.1", title: "Major depressive disorder, recurrent, moderate", group: "co_occurring" },
  {
    code: "F33.2",
    title: "Major depressive disorder, recurrent severe without psychotic features",
    group: "co_occurring",
  },
  { code: "F33.9", title: "Major depressive disorder, recurrent, unspecified", group: "co_occurring" },
  { code: "F34.1", title: "Dysthymic disorder", group: "co_occurring" },
  { code: "F41.0", title: "Panic disorder [episodic paroxysmal anxiety]", group: "co_occurring" },
  { code: "F41.1", title: "Generalized anxiety disorder", group: "co_occurring" },
  { code: "F41.9", title: "Anxiety disorder, unspecified", group: "co_occurring" },
  { code: "F43.10", title: "Post-traumatic stress disorder, unspecified", group: "co_occurring" },
  { code: "F43.11", title: "Post-traumatic stress disorder, acute", group: "co_occurring" },
  { code: "F43.12", title: "Post-traumatic stress disorder, chronic", group: "co_occurring" },
  { code: "F31.81", title: "Bipolar II disorder", group: "co_occurring" },
  { code: "F31.9", title: "Bipolar disorder, unspecified", group: "co_occurring" },
];

export const ICD10CM_CODES: readonly IcdCode[] = [
  ...substanceCodes,
  ...withdrawalAndNicotine,
  ...coOccurring,
].sort((a, b) => (a.code < b.code ? -1 : 1));

const byCode = new Map(ICD10CM_CODES.map((c) => [c.code, c]));

export function findIcdCode(code: string): IcdCode | undefined {
  return byCode.get(code.trim().toUpperCase());
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9.\s]/g, " ");

/** Abbreviations clinicians type, expanded before searching. */
const ABBREVIATIONS: Record<string, string> = {
  ptsd: "post-traumatic stress disorder",
  gad: "generalized anxiety disorder",
  mdd: "major depressive disorder",
  aud: "alcohol",
  oud: "opioid",
  cud: "cannabis",
};

/**
 * Free-text search over code and title: a code prefix ("F11", "f10.2") or words ("opioid dep",
 * "alchohol" with a typo). Every query word must match a title word by prefix or, for words of 5
 * letters or more, within one or two edits.
 */
export function searchIcdCodes(query: string, limit = 20): IcdCode[] {
  const q = normalise(query).trim();
  if (!q) return [];
  const compact = q.replace(/\s+/g, "");
  if (/^f\d/.test(compact)) {
    return ICD10CM_CODES.filter((c) => c.code.toLowerCase().startsWith(compact)).slice(0, limit);
  }
  const words = normalise(
    q
      .split(/\s+/)
      .map((w) => ABBREVIATIONS[w] ?? w)
      .join(" "),
  )
    .split(/\s+/)
    .filter(Boolean);
  const scored: { code: IcdCode; score: number }[] = [];
  for (const code of ICD10CM_CODES) {
    const titleWords = normalise(code.title).split(/\s+/).filter(Boolean);
    let score = 0;
    let all = true;
    for (const word of words) {
      if (titleWords.some((t) => t.startsWith(word))) score += 2;
      else if (
        word.length >= 5 &&
        titleWords.some((t) => withinEdits(word, t.slice(0, word.length + 1), word.length >= 8 ? 2 : 1))
      )
        score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ code, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || (a.code.code < b.code.code ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.code);
}
