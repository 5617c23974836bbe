import { z } from "zod";
import { absenceSettingsSchema, DEFAULT_ABSENCE_SETTINGS } from "./absence-settings.schema";
import { DEFAULT_PROGRAM_HOURS, programHoursSchema } from "./program-hours.schema";

/**
 * The program's attendance settings, as one page edits them: the weekly hours per age group (the
 * level-of-care minimum and maximum, the payer's daily rule) and when absences raise an alert. Each
 * part keeps its own schema and the sources of its defaults (program-hours.schema.ts,
 * absence-settings.schema.ts).
 */
export const attendanceSettingsSchema = z.object({
  programHours: programHoursSchema,
  absences: absenceSettingsSchema,
});
export type AttendanceSettings = z.infer<typeof attendanceSettingsSchema>;

export const DEFAULT_ATTENDANCE_SETTINGS: AttendanceSettings = {
  programHours: DEFAULT_PROGRAM_HOURS,
  absences: DEFAULT_ABSENCE_SETTINGS,
};
