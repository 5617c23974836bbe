import type { ZodType } from "zod";
import {
  type AdmissionSettings,
  admissionSettingsSchema,
  DEFAULT_ADMISSION_SETTINGS,
} from "../../core/admissions/admission-settings.schema";
import { readSettings, writeSetting } from "../access/access.sql";
import type { Queryable } from "../db/connection";

/** The program's admissions settings, one app_settings row per field (JSON), so each falls back alone. */
const NAMES: Record<keyof AdmissionSettings, string> = {
  offeredLevels: "admissions_offered_levels",
  inquiryResponseHours: "admissions_inquiry_response_hours",
};

function storedOr<T>(raw: string | undefined, schema: ZodType<T>, fallback: T): T {
  if (raw === undefined) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** The stored settings; a field never saved (or no longer valid) reads as its default. */
export async function readAdmissionSettings(q: Queryable): Promise<AdmissionSettings> {
  const stored = await readSettings(q, Object.values(NAMES));
  const { shape } = admissionSettingsSchema;
  return {
    offeredLevels: storedOr(
      stored.get(NAMES.offeredLevels),
      shape.offeredLevels,
      DEFAULT_ADMISSION_SETTINGS.offeredLevels,
    ),
    inquiryResponseHours: storedOr(
      stored.get(NAMES.inquiryResponseHours),
      shape.inquiryResponseHours,
      DEFAULT_ADMISSION_SETTINGS.inquiryResponseHours,
    ),
  };
}

export async function writeAdmissionSettings(
  q: Queryable,
  settings: AdmissionSettings,
  at: Date,
): Promise<void> {
  await writeSetting(q, NAMES.offeredLevels, JSON.stringify(settings.offeredLevels), at);
  await writeSetting(q, NAMES.inquiryResponseHours, JSON.stringify(settings.inquiryResponseHours), at);
}
