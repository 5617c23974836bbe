import type { TFunction } from "i18next";
import {
  type AttendanceSettings,
  attendanceSettingsSchema,
} from "../../../core/attendance/attendance-settings.schema";
import { AGE_GROUPS, type AgeGroup } from "../../../core/attendance/program-hours.schema";
import { ApiError } from "../../app/api-client";

/**
 * The attendance settings page's form state. Weekly and daily figures are stored in minutes and shown
 * in hours (7.5 hours is 450 minutes); a NumberInput gives "" while empty.
 */

type Value = number | string;

/** The figures shown in hours (stored in minutes). */
export const HOURS_FIELDS = ["weeklyMinimumMinutes", "weeklyMaximumMinutes", "dailyMinimumMinutes"] as const;
export const GROUP_FIELDS = [...HOURS_FIELDS, "daysRequired"] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];
export const ABSENCE_NUMBER_FIELDS = [
  "consecutiveUnexcused",
  "rateWindowDays",
  "minimumRatePercent",
  "minimumSessions",
] as const;
export type AbsenceNumberField = (typeof ABSENCE_NUMBER_FIELDS)[number];

export interface AttendanceDraft {
  programHours: Record<AgeGroup, Record<GroupField, Value>>;
  absences: Record<AbsenceNumberField, Value> & { excusedCountsAsMissed: boolean };
}

/** Errors by the server's field path (e.g. `programHours.adult.weeklyMinimumMinutes`). */
export type DraftErrors = Record<string, string>;

/** Shown in hours (stored in minutes). */
export const isHours = (field: GroupField) => (HOURS_FIELDS as readonly string[]).includes(field);

export function toDraft(settings: AttendanceSettings): AttendanceDraft {
  const programHours = {} as AttendanceDraft["programHours"];
  for (const group of AGE_GROUPS) {
    const hours = settings.programHours[group];
    programHours[group] = {
      weeklyMinimumMinutes: hours.weeklyMinimumMinutes / 60,
      weeklyMaximumMinutes: hours.weeklyMaximumMinutes / 60,
      dailyMinimumMinutes: hours.dailyMinimumMinutes / 60,
      daysRequired: hours.daysRequired,
    };
  }
  return { programHours, absences: { ...settings.absences } };
}

/** A field left empty reads as "not a number", so the schema names it like any other bad figure. */
const numberOf = (value: Value) => (value === "" ? Number.NaN : Number(value));

/** The request body: hours back to whole minutes. */
export function toSettings(draft: AttendanceDraft): AttendanceSettings {
  const programHours = {} as AttendanceSettings["programHours"];
  for (const group of AGE_GROUPS) {
    const d = draft.programHours[group];
    const minutes = (field: GroupField) => Math.round(numberOf(d[field]) * 60);
    programHours[group] = {
      weeklyMinimumMinutes: minutes("weeklyMinimumMinutes"),
      weeklyMaximumMinutes: minutes("weeklyMaximumMinutes"),
      dailyMinimumMinutes: minutes("dailyMinimumMinutes"),
      daysRequired: numberOf(d.daysRequired),
    };
  }
  const a = draft.absences;
  return {
    programHours,
    absences: {
      consecutiveUnexcused: numberOf(a.consecutiveUnexcused),
      rateWindowDays: numberOf(a.rateWindowDays),
      minimumRatePercent: numberOf(a.minimumRatePercent),
      minimumSessions: numberOf(a.minimumSessions),
      excusedCountsAsMissed: a.excusedCountsAsMissed,
    },
  };
}

/** The dictionary key (namespace "admin") for a problem with one field. */
function errorKey(field: string, custom: boolean): string {
  if (custom && field === "weeklyMaximumMinutes") return "attendanceSettings.errors.maximumOverMinimum";
  if (custom && field === "daysRequired") return "attendanceSettings.errors.payerUnderMaximum";
  return `attendanceSettings.errors.${field}`;
}

/** Check the draft with the server's schema; each field's first problem in the reader's language. */
export function validateDraft(draft: AttendanceDraft, t: TFunction): DraftErrors {
  const parsed = attendanceSettingsSchema.safeParse(toSettings(draft));
  if (parsed.success) return {};
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    if (errors[path]) continue;
    errors[path] = t(errorKey(String(issue.path.at(-1)), issue.code === "custom"), { ns: "admin" });
  }
  return errors;
}

/** The server's field errors by path, or null when the failure names no field. */
export function serverErrors(error: unknown): DraftErrors | null {
  if (!(error instanceof ApiError) || error.fields.length === 0) return null;
  const errors: DraftErrors = {};
  for (const f of error.fields) errors[f.path] ??= f.message;
  return errors;
}

export const hasErrors = (errors: DraftErrors) => Object.keys(errors).length > 0;
