/**
 * The contract every standard instrument meets. An instrument is data (a FHIR R4 Questionnaire in
 * `content/instruments/<key>.json`) plus a pure scorer here, keyed by the questionnaire's canonical
 * URL and version. Scores are stored with that version, so a later revision never rescores history.
 *
 * Answers reach a scorer as plain values by item `linkId`: the ordinal value of a coded answer
 * (e.g. PHQ-9 "several days" = 1), `true`/`false` for yes/no items, an integer for counts and
 * rulers. Turning a QuestionnaireResponse into these values is `answersFrom…` in the server/web
 * layers; a scorer never sees FHIR.
 */

export type AnswerValue = number | boolean;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export const CRITICAL_SEVERITIES = ["urgent", "emergency"] as const;
export type CriticalSeverity = (typeof CRITICAL_SEVERITIES)[number];

/** An answer that must raise an alert in the same transaction as the response that holds it. */
export interface CriticalFinding {
  /** Stable rule name, e.g. `phq9.item9`, `asq.acute_positive`. */
  rule: string;
  severity: CriticalSeverity;
  /** The item(s) whose answer triggered the rule. */
  linkIds: readonly string[];
}

/** A severity band of a total or subscale: `min`–`max` inclusive; the label is i18n `bands.<key>.<code>`. */
export interface ScoreBand {
  code: string;
  min: number;
  max: number;
}

export interface Scored {
  ok: true;
  /** The instrument's total, or null where it has none (BAM: subscales only). */
  total: number | null;
  /** The band of the total, or of the instrument's main result (e.g. ASQ `positive`), or null. */
  band: string | null;
  /** Named subscales (BAM use/risk/protective, PCL-5 clusters B–E). */
  subscales: Readonly<Record<string, number>>;
  /** Named boolean results beyond the band (e.g. `pcl5.provisional_ptsd`, `bam.use_flag`). */
  flags: readonly string[];
  critical: readonly CriticalFinding[];
}

export interface NotScored {
  ok: false;
  /** The items that must be answered before the published rule allows a score. */
  missing: readonly string[];
  /** Which items are missing, in words (English; the web names them from the questionnaire). */
  message: string;
}

export type ScoreOutcome = Scored | NotScored;

/** Which way is better on a measure, for progress and reliable-change status. */
export type Direction = "lower_is_better" | "higher_is_better";

export interface InstrumentDefinition {
  /** Short stable key, also the content file name: `phq9`, `gad7`, `audit`, … */
  key: string;
  /** The Questionnaire's canonical URL and version (the pair identifies the scorer). */
  url: string;
  version: string;
  /** LOINC panel and total codes where they exist (§2.1 and §2.3 of the clinical reference). */
  loinc: { panel: string | null; total: string | null };
  /** Audience the instrument is validated for. */
  audience: "adult" | "adolescent" | "any";
  /** Every item linkId the scorer reads, in order, with its allowed values. */
  items: readonly InstrumentItem[];
  /** Bands of the total (empty when there is no banded total). */
  bands: readonly ScoreBand[];
  /** Range of the total, when there is one. */
  totalRange: { min: number; max: number } | null;
  direction: Direction | null;
  /**
   * Whether the item text may ship (§2.1 licences). `program_supplied`: scoring ships, the program
   * supplies the wording (CRAFFT); `credit`: ships with a credit line and can be switched off (DAST-10).
   */
  licence: "free" | "credit" | "program_supplied";
  /** Attribution to show with the instrument, when its terms ask for one. */
  credit: string | null;
  score(answers: Answers): ScoreOutcome;
  /**
   * The critical findings in these answers, evaluated on every submission, scored or not: a critical
   * answer (PHQ-9 item 9 above 0) raises its alert even when another item is missing and the total
   * is refused, and a refusal cannot carry findings. When `score` succeeds, its `critical` equals
   * this. Absent for instruments without critical items.
   */
  critical?(answers: Answers): readonly CriticalFinding[];
}

export type InstrumentItem =
  | { linkId: string; kind: "ordinal"; values: readonly number[]; required: boolean }
  | { linkId: string; kind: "boolean"; required: boolean }
  | { linkId: string; kind: "integer"; min: number; max: number; required: boolean };

/** The band whose range holds `value`, or null. */
export function bandOf(bands: readonly ScoreBand[], value: number): string | null {
  return bands.find((b) => value >= b.min && value <= b.max)?.code ?? null;
}

/**
 * The critical findings of a submission, whether or not it can be scored: the instrument's own
 * `critical` rule when it has one, else those of a successful score.
 */
export function deriveCriticalFindings(
  definition: Pick<InstrumentDefinition, "score" | "critical">,
  answers: Answers,
): readonly CriticalFinding[] {
  if (definition.critical) return definition.critical(answers);
  const outcome = definition.score(answers);
  return outcome.ok ? outcome.critical : [];
}

/** A refusal naming the missing items. */
export function notScored(missing: readonly string[]): NotScored {
  return {
    ok: false,
    missing,
    message: `Answer ${missing.length === 1 ? "item" : "items"} ${missing.join(", ")} before this can be scored.`,
  };
}

/**
 * Problems with the answers themselves (unknown item, value outside the item's options), by linkId.
 * Missing answers are not problems here: each scorer applies its instrument's rule for those.
 */
export function checkAnswers(
  definition: Pick<InstrumentDefinition, "items">,
  answers: Answers,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const byId = new Map(definition.items.map((i) => [i.linkId, i]));
  for (const [linkId, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const item = byId.get(linkId);
    if (!item) {
      problems.push({ path: linkId, message: `There is no item “${linkId}” in this questionnaire.` });
      continue;
    }
    if (item.kind === "boolean" && typeof value !== "boolean")
      problems.push({ path: linkId, message: "Answer yes or no." });
    if (item.kind === "ordinal" && (typeof value !== "number" || !item.values.includes(value)))
      problems.push({ path: linkId, message: `Choose one of the options (${item.values.join(", ")}).` });
    if (
      item.kind === "integer" &&
      (typeof value !== "number" || !Number.isInteger(value) || value < item.min || value > item.max)
    )
      problems.push({ path: linkId, message: `Enter a whole number from ${item.min} to ${item.max}.` });
  }
  return problems;
}
