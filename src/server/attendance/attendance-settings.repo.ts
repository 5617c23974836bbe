import { absenceSettingsSchema } from "../../core/attendance/absence-settings.schema";
import {
  type AttendanceSettings,
  DEFAULT_ATTENDANCE_SETTINGS,
} from "../../core/attendance/attendance-settings.schema";
import {
  AGE_GROUPS,
  type AgeGroupHours,
  ageGroupHoursSchema,
  type ProgramHours,
} from "../../core/attendance/program-hours.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/**
 * The program's attendance settings, one app_settings row per field (e.g.
 * `attendance_adult_weekly_minimum_minutes`), so a field never saved — or saved by an older version
 * and no longer valid — reads as its default alone. An age group whose figures, each valid, no
 * longer fit together (a minimum at or over the maximum) falls back to its defaults as a whole.
 */

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const HOURS_FIELDS = Object.keys(ageGroupHoursSchema.shape) as (keyof AgeGroupHours)[];
const ABSENCE_FIELDS = Object.keys(absenceSettingsSchema.shape) as (keyof AttendanceSettings["absences"])[];

const hoursName = (group: string, field: string) => `attendance_${group}_${snake(field)}`;
const absenceName = (field: string) => `attendance_absences_${snake(field)}`;

const ALL_NAMES = [
  ...AGE_GROUPS.flatMap((group) => HOURS_FIELDS.map((field) => hoursName(group, field))),
  ...ABSENCE_FIELDS.map(absenceName),
];

function parsed(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The stored value when it passes the field's own schema, else the default. */
function fieldOr<T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  raw: string | undefined,
  fallback: T,
): T {
  const result = schema.safeParse(parsed(raw));
  return result.success ? (result.data as T) : fallback;
}

export async function readAttendanceSettings(q: Queryable): Promise<AttendanceSettings> {
  const stored = await readSettings(q, ALL_NAMES);
  const programHours = {} as ProgramHours;
  for (const group of AGE_GROUPS) {
    const defaults = DEFAULT_ATTENDANCE_SETTINGS.programHours[group];
    const hours = {} as AgeGroupHours;
    for (const field of HOURS_FIELDS) {
      hours[field] = fieldOr(
        ageGroupHoursSchema.shape[field],
        stored.get(hoursName(group, field)),
        defaults[field],
      );
    }
    programHours[group] = ageGroupHoursSchema.safeParse(hours).success ? hours : defaults;
  }
  const absences = {} as Record<string, unknown>;
  for (const field of ABSENCE_FIELDS) {
    absences[field] = fieldOr<unknown>(
      absenceSettingsSchema.shape[field],
      stored.get(absenceName(field)),
      DEFAULT_ATTENDANCE_SETTINGS.absences[field],
    );
  }
  return { programHours, absences: absences as AttendanceSettings["absences"] };
}

export async function writeAttendanceSettings(
  q: Queryable,
  settings: AttendanceSettings,
  at: Date,
): Promise<void> {
  for (const group of AGE_GROUPS) {
    for (const field of HOURS_FIELDS) {
      await writeSetting(q, hoursName(group, field), JSON.stringify(settings.programHours[group][field]), at);
    }
  }
  for (const field of ABSENCE_FIELDS) {
    await writeSetting(q, absenceName(field), JSON.stringify(settings.absences[field]), at);
  }
}
