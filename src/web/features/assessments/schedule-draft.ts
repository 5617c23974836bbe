import type { TFunction } from "i18next";
import {
  GRACE_DAYS_MAX,
  type MeasurementScheduleSettings,
  measurementScheduleSettingsSchema,
} from "../../../core/assessments/measurement-schedule.schema";
import {
  SCHEDULE_DAYS_MAX,
  SCHEDULE_DAYS_MIN,
  type ScheduleAudience,
  type ScheduleEntry,
  type ScheduleTiming,
  validateSchedule,
} from "../../../core/assessments/schedule.rules";
import { ApiError } from "../../app/api-client";

/** One row of the editor. `days` is the repeat interval or the follow-up delay ("" while empty). */
export interface DraftEntry {
  id: number;
  instrumentKey: string;
  at: ScheduleTiming;
  days: number | string;
  audience: ScheduleAudience;
}

export interface ScheduleDraft {
  entries: DraftEntry[];
  graceDays: number | string;
}

/** A row's field problems (the timing carries a duplicate), and the grace days'. */
export type RowErrors = Partial<Record<"instrumentKey" | "at" | "days", string>>;
export interface DraftErrors {
  rows: Record<number, RowErrors>;
  graceDays?: string;
}

/** The days a new repeat or follow-up starts with. */
export const DEFAULT_DAYS: Record<"every_n_days" | "follow_up", number> = { every_n_days: 14, follow_up: 30 };

let nextId = 1;
export const newDraftEntry = (): DraftEntry => ({
  id: nextId++,
  instrumentKey: "",
  at: "intake",
  days: "",
  audience: "any",
});

export function toDraft(settings: MeasurementScheduleSettings): ScheduleDraft {
  return {
    entries: settings.entries.map((e) => ({
      id: nextId++,
      instrumentKey: e.instrumentKey,
      at: e.at,
      days: e.at === "every_n_days" ? e.n : e.at === "follow_up" ? e.days : "",
      audience: e.audience,
    })),
    graceDays: settings.graceDays,
  };
}

const number = (value: number | string) => (value === "" ? Number.NaN : Number(value));

function toEntry(d: DraftEntry): ScheduleEntry {
  const base = { instrumentKey: d.instrumentKey, audience: d.audience };
  switch (d.at) {
    case "every_n_days":
      return { ...base, at: d.at, n: number(d.days) };
    case "follow_up":
      return { ...base, at: d.at, days: number(d.days) };
    default:
      return { ...base, at: d.at };
  }
}

/** The request body. */
export const toSettings = (draft: ScheduleDraft): MeasurementScheduleSettings => ({
  entries: draft.entries.map(toEntry),
  graceDays: number(draft.graceDays),
});

const isDays = (value: number) =>
  Number.isInteger(value) && value >= SCHEDULE_DAYS_MIN && value <= SCHEDULE_DAYS_MAX;

/**
 * The same checks as the server (the settings schema and `validateSchedule`), each problem in the
 * reader's language on the field it concerns. Empty when the draft can be saved.
 */
export function validateDraft(draft: ScheduleDraft, knownKeys: readonly string[], t: TFunction): DraftErrors {
  const settings = toSettings(draft);
  const errors: DraftErrors = { rows: {} };
  const put = (index: number, field: keyof RowErrors, message: string) => {
    errors.rows[index] ??= {};
    errors.rows[index][field] ??= message;
  };
  const daysMessage = t("schedule.errors.days", { min: SCHEDULE_DAYS_MIN, max: SCHEDULE_DAYS_MAX });
  const parsed = measurementScheduleSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index, field] = issue.path;
      if (first === "graceDays") errors.graceDays = t("schedule.errors.graceDays", { max: GRACE_DAYS_MAX });
      else if (typeof index === "number")
        put(
          index,
          field === "instrumentKey" ? "instrumentKey" : "days",
          field === "instrumentKey" ? t("schedule.errors.instrument") : daysMessage,
        );
    }
  }
  for (const problem of validateSchedule(settings.entries, knownKeys)) {
    const [index, field] = problem.path.split(".");
    const i = Number(index);
    const entry = settings.entries[i];
    if (field === "instrumentKey") put(i, "instrumentKey", t("schedule.errors.instrument"));
    else if (field === "n" || field === "days") {
      const value =
        entry?.at === "every_n_days" ? entry.n : entry?.at === "follow_up" ? entry.days : Number.NaN;
      put(i, "days", isDays(value) ? t("schedule.errors.oneInterval") : daysMessage);
    } else put(i, "at", t("schedule.errors.duplicate"));
  }
  return errors;
}

export const hasErrors = (errors: DraftErrors) =>
  errors.graceDays !== undefined || Object.keys(errors.rows).length > 0;

/** The server's field errors (`entries.3.n`, `graceDays`) on the editor's fields, as sent. */
export function serverErrors(error: unknown): DraftErrors | null {
  if (!(error instanceof ApiError) || error.fields.length === 0) return null;
  const errors: DraftErrors = { rows: {} };
  for (const f of error.fields) {
    const [first, index, field] = f.path.split(".");
    if (first === "graceDays") errors.graceDays ??= f.message;
    else if (first === "entries" && index !== undefined) {
      const i = Number(index);
      errors.rows[i] ??= {};
      const row = errors.rows[i];
      const key =
        field === "instrumentKey" ? "instrumentKey" : field === "n" || field === "days" ? "days" : "at";
      row[key] ??= f.message;
    }
  }
  return hasErrors(errors) ? errors : null;
}
