import type { TFunction } from "i18next";
import type { Direction } from "../../../core/assessments/instrument";
import {
  type CutoffMethod,
  type MinimumReliableChange,
  minimumReliableChange,
  type ReliabilityKind,
  type ReliableChangeOverride,
  reliableChangeOverrideSchema,
} from "../../../core/assessments/reliable-change";
import {
  parametersFor,
  type ReliableChangeInstrumentSettings,
  type ReliableChangeSettings,
  type ReliableChangeSettingsView,
  reliableChangeSettingsSchema,
} from "../../../core/assessments/reliable-change-settings.schema";
import { ApiError } from "../../app/api-client";

/**
 * The reliable-change settings form: one draft per questionnaire (the program's values, empty where
 * the default applies), validated with the server's schema and previewed with the same resolution
 * the server uses when a score is submitted.
 */

/** The form's fields, in the order shown. */
export const DRAFT_FIELDS = [
  "reliability",
  "reliabilityKind",
  "reliabilitySource",
  "reliabilityVerified",
  "sd",
  "sdSource",
  "sdVerified",
  "cutoff",
  "cutoffMethod",
  "cutoffSource",
  "cutoffVerified",
  "direction",
  "subscale",
  "scaleStep",
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** One questionnaire's program values as typed. Numbers are "" while empty. */
export interface InstrumentDraft {
  reliability: number | string;
  reliabilityKind: ReliabilityKind;
  reliabilitySource: string;
  reliabilityVerified: boolean;
  sd: number | string;
  sdSource: string;
  sdVerified: boolean;
  cutoff: number | string;
  cutoffMethod: CutoffMethod;
  cutoffSource: string;
  cutoffVerified: boolean;
  /** The program uses no cut-off: nobody counts as recovered, only improved. */
  cutoffNone: boolean;
  direction: Direction | "";
  /** "" compares the total. */
  subscale: string;
  scaleStep: number | string;
  /** Saved values this form does not show (the scale of an instrument whose default fixes it): sent back as they were. */
  kept: ReliableChangeOverride;
}

export interface ReliableChangeDraft {
  instruments: Record<string, InstrumentDraft>;
  noImprovementAfter: number | string;
}

/** Field problems per questionnaire, and the off-track field's. */
export interface DraftErrors {
  instruments: Record<string, Partial<Record<DraftField, string>>>;
  offTrack?: string;
}

export const NO_ERRORS: DraftErrors = { instruments: {} };

/** Whether the form asks for the direction, the score compared and its step: the default does not fix them. */
export function needsScale(instrument: Pick<ReliableChangeInstrumentSettings, "default">): boolean {
  const d = instrument.default;
  return (
    d.status === "not_applicable" &&
    (d.known.direction === undefined || d.known.subscale === undefined || d.known.scaleStep === undefined)
  );
}

export function emptyInstrumentDraft(): InstrumentDraft {
  return {
    reliability: "",
    reliabilityKind: "test_retest",
    reliabilitySource: "",
    reliabilityVerified: false,
    sd: "",
    sdSource: "",
    sdVerified: false,
    cutoff: "",
    cutoffMethod: "caseness",
    cutoffSource: "",
    cutoffVerified: false,
    cutoffNone: false,
    direction: "",
    subscale: "",
    scaleStep: "",
    kept: {},
  };
}

export function toInstrumentDraft(instrument: ReliableChangeInstrumentSettings): InstrumentDraft {
  const o = instrument.override ?? {};
  const scale = needsScale(instrument);
  const kept: ReliableChangeOverride = {};
  if (!scale) {
    if (o.direction !== undefined) kept.direction = o.direction;
    if (o.subscale !== undefined) kept.subscale = o.subscale;
    if (o.scaleStep !== undefined) kept.scaleStep = o.scaleStep;
  }
  return {
    reliability: o.reliability ?? "",
    reliabilityKind: o.reliabilityKind ?? "test_retest",
    reliabilitySource: o.reliabilitySource ?? "",
    reliabilityVerified: o.reliabilityVerified ?? false,
    sd: o.sd ?? "",
    sdSource: o.sdSource ?? "",
    sdVerified: o.sdVerified ?? false,
    cutoff: o.cutoff?.value ?? "",
    cutoffMethod: o.cutoff?.method ?? "caseness",
    cutoffSource: o.cutoff?.source ?? "",
    cutoffVerified: o.cutoff?.verified ?? false,
    cutoffNone: o.cutoff === null,
    direction: scale ? (o.direction ?? "") : "",
    subscale: scale ? (o.subscale ?? "") : "",
    scaleStep: scale ? (o.scaleStep ?? "") : "",
    kept,
  };
}

export function toDraft(view: ReliableChangeSettingsView): ReliableChangeDraft {
  return {
    instruments: Object.fromEntries(view.instruments.map((i) => [i.key, toInstrumentDraft(i)])),
    noImprovementAfter: view.offTrack.noImprovementAfter,
  };
}

const number = (value: number | string) => (value === "" ? Number.NaN : Number(value));
const typed = (value: number | string, source: string) => value !== "" || source.trim() !== "";

/**
 * The override a draft stands for. A value with its source is sent together, so a source typed
 * without its value is refused on the value rather than silently dropped.
 */
export function toOverride(d: InstrumentDraft): ReliableChangeOverride {
  const o: ReliableChangeOverride = { ...d.kept };
  if (typed(d.reliability, d.reliabilitySource)) {
    o.reliability = number(d.reliability);
    o.reliabilityKind = d.reliabilityKind;
    o.reliabilitySource = d.reliabilitySource;
    o.reliabilityVerified = d.reliabilityVerified;
  }
  if (typed(d.sd, d.sdSource)) {
    o.sd = number(d.sd);
    o.sdSource = d.sdSource;
    o.sdVerified = d.sdVerified;
  }
  if (d.cutoffNone) o.cutoff = null;
  else if (typed(d.cutoff, d.cutoffSource)) {
    o.cutoff = {
      value: number(d.cutoff),
      method: d.cutoffMethod,
      source: d.cutoffSource,
      verified: d.cutoffVerified,
    };
  }
  if (d.direction !== "") o.direction = d.direction;
  if (d.scaleStep !== "") o.scaleStep = number(d.scaleStep);
  if (d.subscale.trim() !== "") o.subscale = d.subscale;
  // The total is compared unless a subscale is named, once the program sets the scale at all.
  else if (d.direction !== "" || d.scaleStep !== "") o.subscale = null;
  return o;
}

const isEmpty = (o: ReliableChangeOverride) => Object.values(o).every((v) => v === undefined);

/** The request body: the questionnaires with program values, and the off-track rule. */
export function toSettings(draft: ReliableChangeDraft): ReliableChangeSettings {
  const overrides: ReliableChangeSettings["overrides"] = {};
  for (const [key, d] of Object.entries(draft.instruments)) {
    const o = toOverride(d);
    if (!isEmpty(o)) overrides[key] = o;
  }
  return { overrides, offTrack: { noImprovementAfter: number(draft.noImprovementAfter) } };
}

/** The form field a schema path (after `overrides.<key>`) belongs to. */
function fieldOf(path: readonly PropertyKey[]): DraftField | null {
  const [first, second] = path.map(String);
  if (first === "cutoff")
    return second === "source" ? "cutoffSource" : second === "method" ? "cutoffMethod" : "cutoff";
  return (DRAFT_FIELDS as readonly string[]).includes(first ?? "") ? (first as DraftField) : null;
}

const MESSAGE_KEYS: Record<DraftField, string> = {
  reliability: "reliableChange.errors.reliability",
  reliabilityKind: "reliableChange.errors.choose",
  reliabilitySource: "reliableChange.errors.source",
  reliabilityVerified: "reliableChange.errors.choose",
  sd: "reliableChange.errors.sd",
  sdSource: "reliableChange.errors.source",
  sdVerified: "reliableChange.errors.choose",
  cutoff: "reliableChange.errors.cutoff",
  cutoffMethod: "reliableChange.errors.choose",
  cutoffSource: "reliableChange.errors.source",
  cutoffVerified: "reliableChange.errors.choose",
  direction: "reliableChange.errors.choose",
  subscale: "reliableChange.errors.subscale",
  scaleStep: "reliableChange.errors.scaleStep",
};

/** The server's schema's checks, each problem in the reader's language on its field. Empty when it can be saved. */
export function validateDraft(draft: ReliableChangeDraft, t: TFunction): DraftErrors {
  const errors: DraftErrors = { instruments: {} };
  const parsed = reliableChangeSettingsSchema.safeParse(toSettings(draft));
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const [first, key, ...rest] = issue.path;
    if (first === "offTrack") errors.offTrack = t("reliableChange.errors.offTrack");
    else if (first === "overrides" && typeof key === "string") {
      const field = fieldOf(rest);
      if (!field) continue;
      errors.instruments[key] ??= {};
      errors.instruments[key][field] ??= t(MESSAGE_KEYS[field]);
    }
  }
  return errors;
}

export const hasErrors = (errors: DraftErrors) =>
  errors.offTrack !== undefined || Object.keys(errors.instruments).length > 0;

/** The server's field errors (`overrides.phq9.sdSource`, `offTrack.noImprovementAfter`) on the form's fields, as sent. */
export function serverErrors(error: unknown): DraftErrors | null {
  if (!(error instanceof ApiError) || error.fields.length === 0) return null;
  const errors: DraftErrors = { instruments: {} };
  for (const f of error.fields) {
    const [first, key, ...rest] = f.path.split(".");
    if (first === "offTrack") errors.offTrack ??= f.message;
    else if (first === "overrides" && key !== undefined) {
      const field = fieldOf(rest);
      if (!field) continue;
      errors.instruments[key] ??= {};
      errors.instruments[key][field] ??= f.message;
    }
  }
  return hasErrors(errors) ? errors : null;
}

/** The id of a form field, for labels and for moving focus to the first error. */
export const fieldId = (formId: string, key: string, field: DraftField | "offTrack") =>
  field === "offTrack" ? `${formId}-off-track` : `${formId}-${key}-${field}`;

/** The first field with an error, in the order shown: questionnaires in order, then the off-track field. */
export function firstErrorId(formId: string, keys: readonly string[], errors: DraftErrors): string | null {
  for (const key of keys) {
    const field = DRAFT_FIELDS.find((f) => errors.instruments[key]?.[f]);
    if (field) return fieldId(formId, key, field);
  }
  return errors.offTrack ? fieldId(formId, "", "offTrack") : null;
}

/** The groups of values a resolution can lack, in the order shown. */
export const MISSING_GROUPS = ["reliability", "sd", "cutoff", "direction", "subscale", "scaleStep"] as const;
export type MissingGroup = (typeof MISSING_GROUPS)[number];

function groupOf(path: string): MissingGroup | null {
  if (path.startsWith("reliability")) return "reliability";
  if (path.startsWith("sd")) return "sd";
  if (path.startsWith("cutoff")) return "cutoff";
  return (MISSING_GROUPS as readonly string[]).includes(path) ? (path as MissingGroup) : null;
}

/** The values still missing, one group each (a reliability lacks its kind and source with it). */
export function missingGroups(paths: readonly string[]): MissingGroup[] {
  const groups = new Set(paths.map(groupOf));
  return MISSING_GROUPS.filter((g) => groups.has(g));
}

export type Preview =
  | { status: "available"; minimum: MinimumReliableChange }
  | { status: "missing"; missing: MissingGroup[] }
  | { status: "invalid" };

/** What the draft's values give for one questionnaire, as the server will compute it when a score is submitted. */
export function previewOf(key: string, d: InstrumentDraft): Preview {
  const override = reliableChangeOverrideSchema.safeParse(toOverride(d));
  if (!override.success) return { status: "invalid" };
  const resolved = parametersFor({ overrides: { [key]: override.data } }, key);
  return resolved.status === "available"
    ? { status: "available", minimum: minimumReliableChange(resolved.parameters) }
    : { status: "missing", missing: missingGroups(resolved.missing) };
}
