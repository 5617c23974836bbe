import { withinEdits } from "../platform/edit-distance";

/**
 * A local list of ICD-10-CM codes for an IOP. ICD-10-CM is a US government classification in the
 * public domain; titles are the official long titles, stored with a diagnosis as recorded.
 *
 * Substance use (F10–F19): for each substance (F10–F16, F18, F19) abuse, dependence and unspecified
 * use, each uncomplicated and in remission; the dependence-with-withdrawal codes seen at intake after
 * detox; nicotine dependence (F17.2-, which has no abuse or use codes) by product, uncomplicated and in
 * remission. Not here: the intoxication and substance-induced disorder codes (mood, psychotic,
 * sleep…), which the diagnoses issue brings with an import of the full annual CMS file.
 *
 * Co-occurring: depression (major depressive disorder single and recurrent, dysthymia, depression
 * unspecified), anxiety (generalized, panic, social, agoraphobia with panic, other and unspecified),
 * PTSD, and bipolar disorder (current episode hypomanic, manic, depressed, mixed, in remission;
 * bipolar II; cyclothymia).
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
  {
    code: `${chapter}.91`,
    title: `${name} use, unspecified, in remission`,
    group: "substance_use" as const,
  },
]);

/** The 6th character of F13.23- and F19.23- (dependence with withdrawal) and how its title reads. */
const WITHDRAWAL_KINDS = [
  { digit: 0, wording: ", uncomplicated" },
  { digit: 1, wording: " delirium" },
  { digit: 2, wording: " with perceptual disturbance" },
  { digit: 9, wording: ", unspecified" },
] as const;

/** F17.2-: nicotine dependence has no abuse or use codes (tobacco use is Z72.0, outside this list). */
const NICOTINE_PRODUCTS = [
  { digit: 0, product: "unspecified" },
  { digit: 1, product: "cigarettes" },
  { digit: 2, product: "chewing tobacco" },
  { digit: 9, product: "other tobacco product" },
] as const;

const withdrawalAndNicotine: IcdCode[] = [
  { code: "F10.230", title: "Alcohol dependence with withdrawal, uncomplicated", group: "substance_use" },
  { code: "F10.231", title: "Alcohol dependence with withdrawal delirium", group: "substance_use" },
  {
    code: "F10.232",
    title: "Alcohol dependence with withdrawal with perceptual disturbance",
    group: "substance_use",
  },
  { code: "F10.239", title: "Alcohol dependence with withdrawal, unspecified", group: "substance_use" },
  { code: "F11.23", title: "Opioid dependence with withdrawal", group: "substance_use" },
  { code: "F11.93", title: "Opioid use, unspecified with withdrawal", group: "substance_use" },
  { code: "F12.23", title: "Cannabis dependence with withdrawal", group: "substance_use" },
  ...WITHDRAWAL_KINDS.flatMap(({ digit, wording }) =>
    [
      { chapter: "F13", name: "Sedative, hypnotic or anxiolytic" },
      { chapter: "F19", name: "Other psychoactive substance" },
    ].map(({ chapter, name }) => ({
      code: `${chapter}.23${digit}`,
      title: `${name} dependence with withdrawal${wording}`,
      group: "substance_use" as const,
    })),
  ),
  { code: "F14.23", title: "Cocaine dependence with withdrawal", group: "substance_use" },
  { code: "F15.23", title: "Other stimulant dependence with withdrawal", group: "substance_use" },
  ...NICOTINE_PRODUCTS.flatMap(({ digit, product }) => [
    {
      code: `F17.2${digit}0`,
      title: `Nicotine dependence, ${product}, uncomplicated`,
      group: "substance_use" as const,
    },
    {
      code: `F17.2${digit}1`,
      title: `Nicotine dependence, ${product}, in remission`,
      group: "substance_use" as const,
    },
  ]),
];

const coOccurring: IcdCode[] = [
  { code: "F32.0", title: "Major depressive disorder, single episode, mild", group: "co_occurring" },
  { code: "F32.1", title: "Major depressive disorder, single episode, moderate", group: "co_occurring" },
  {
    code: "F32.2",
    title: "Major depressive disorder, single episode, severe without psychotic features",
    group: "co_occurring",
  },
  {
    code: "F32.3",
    title: "Major depressive disorder, single episode, severe with psychotic features",
    group: "co_occurring",
  },
  {
    code: "F32.4",
    title: "Major depressive disorder, single episode, in partial remission",
    group: "co_occurring",
  },
  {
    code: "F32.5",
    title: "Major depressive disorder, single episode, in full remission",
    group: "co_occurring",
  },
  { code: "F32.9", title: "Major depressive disorder, single episode, unspecified", group: "co_occurring" },
  { code: "F32.A", title: "Depression, unspecified", group: "co_occurring" },
  { code: "F33.0", title: "Major depressive disorder, recurrent, mild", group: "co_occurring" },
  { code: "F33.1", title: "Major depressive disorder, recurrent, moderate", group: "co_occurring" },
  {
    code: "F33.2",
    title: "Major depressive disorder, recurrent severe without psychotic features",
    group: "co_occurring",
  },
  {
    code: "F33.3",
    title: "Major depressive disorder, recurrent, severe with psychotic symptoms",
    group: "co_occurring",
  },
  {
    code: "F33.40",
    title: "Major depressive disorder, recurrent, in remission, unspecified",
    group: "co_occurring",
  },
  {
    code: "F33.41",
    title: "Major depressive disorder, recurrent, in partial remission",
    group: "co_occurring",
  },
  { code: "F33.42", title: "Major depressive disorder, recurrent, in full remission", group: "co_occurring" },
  { code: "F33.9", title: "Major depressive disorder, recurrent, unspecified", group: "co_occurring" },
  { code: "F34.0", title: "Cyclothymic disorder", group: "co_occurring" },
  { code: "F34.1", title: "Dysthymic disorder", group: "co_occurring" },
  { code: "F40.01", title: "Agoraphobia with panic disorder", group: "co_occurring" },
  { code: "F40.10", title: "Social phobia, unspecified", group: "co_occurring" },
  { code: "F41.0", title: "Panic disorder [episodic paroxysmal anxiety]", group: "co_occurring" },
  { code: "F41.1", title: "Generalized anxiety disorder", group: "co_occurring" },
  { code: "F41.8", title: "Other specified anxiety disorders", group: "co_occurring" },
  { code: "F41.9", title: "Anxiety disorder, unspecified", group: "co_occurring" },
  { code: "F43.10", title: "Post-traumatic stress disorder, unspecified", group: "co_occurring" },
  { code: "F43.11", title: "Post-traumatic stress disorder, acute", group: "co_occurring" },
  { code: "F43.12", title: "Post-traumatic stress disorder, chronic", group: "co_occurring" },
  { code: "F31.0", title: "Bipolar disorder, current episode hypomanic", group: "co_occurring" },
  {
    code: "F31.10",
    title: "Bipolar disorder, current episode manic without psychotic features, unspecified",
    group: "co_occurring",
  },
  {
    code: "F31.2",
    title: "Bipolar disorder, current episode manic severe with psychotic features",
    group: "co_occurring",
  },
  {
    code: "F31.30",
    title: "Bipolar disorder, current episode depressed, mild or moderate severity, unspecified",
    group: "co_occurring",
  },
  { code: "F31.31", title: "Bipolar disorder, current episode depressed, mild", group: "co_occurring" },
  { code: "F31.32", title: "Bipolar disorder, current episode depressed, moderate", group: "co_occurring" },
  {
    code: "F31.4",
    title: "Bipolar disorder, current episode depressed, severe, without psychotic features",
    group: "co_occurring",
  },
  {
    code: "F31.5",
    title: "Bipolar disorder, current episode depressed, severe, with psychotic features",
    group: "co_occurring",
  },
  { code: "F31.60", title: "Bipolar disorder, current episode mixed, unspecified", group: "co_occurring" },
  {
    code: "F31.70",
    title: "Bipolar disorder, currently in remission, most recent episode unspecified",
    group: "co_occurring",
  },
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
