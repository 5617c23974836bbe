import { z } from "zod";
import { DEFAULT_OFFERED_LEVELS, LEVELS_OF_CARE } from "./level-of-care";

/**
 * The program's admissions settings: the levels of care it offers (at admission and for changes
 * within an episode) and how soon it promises to answer a public inquiry.
 */

/**
 * Intensive outpatient (2.1 in both editions) is the level Bridgeway is built around: every program
 * offers it, and it is the level an admission starts from when no screening says otherwise.
 */
export const REQUIRED_OFFERED_LEVEL = "2.1";

/** Every level code of either edition, in order (1 before 1.0, 4 before 4.0), each once. */
export const ALL_LEVEL_CODES: readonly string[] = [
  ...new Set([...LEVELS_OF_CARE[3], ...LEVELS_OF_CARE[4]].map((l) => l.code)),
].sort((a, b) => Number(a) - Number(b) || a.length - b.length);

export const DEFAULT_INQUIRY_RESPONSE_HOURS = 24;

export const offeredLevelsSchema = z
  .array(z.string().trim(), { message: "Choose the levels of care this program offers." })
  .min(1, "Offer at least one level of care.")
  .max(ALL_LEVEL_CODES.length, `Offer at most ${ALL_LEVEL_CODES.length} levels of care.`)
  .superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((code, index) => {
      if (!ALL_LEVEL_CODES.includes(code)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `“${code}” is not a level of care in either edition.`,
        });
      } else if (seen.has(code)) {
        ctx.addIssue({ code: "custom", path: [index], message: `${code} is listed twice.` });
      }
      seen.add(code);
    });
    if (codes.length > 0 && !codes.includes(REQUIRED_OFFERED_LEVEL)) {
      ctx.addIssue({
        code: "custom",
        message: "Keep intensive outpatient (2.1) offered: it is the level this program is built around.",
      });
    }
  });

export const inquiryResponseHoursSchema = z
  .number({ message: "Enter a number of hours from 1 to 168." })
  .int("Use a whole number of hours.")
  .min(1, "Use at least 1 hour.")
  .max(168, "Use at most 168 hours (one week).");

export const admissionSettingsSchema = z.object({
  offeredLevels: offeredLevelsSchema,
  /** We promise to contact people who send an inquiry within this many business hours. */
  inquiryResponseHours: inquiryResponseHoursSchema,
});
export type AdmissionSettings = z.infer<typeof admissionSettingsSchema>;

export const DEFAULT_ADMISSION_SETTINGS: AdmissionSettings = {
  offeredLevels: [...DEFAULT_OFFERED_LEVELS],
  inquiryResponseHours: DEFAULT_INQUIRY_RESPONSE_HOURS,
};
