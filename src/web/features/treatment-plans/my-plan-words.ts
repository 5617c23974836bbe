import type { TFunction } from "i18next";
import type { ObjectiveMeasure } from "../../../core/treatment-plans/plan.schema";

/** Instruments with an everyday name in the myPlan dictionary ("mood questionnaire (PHQ-9)"). */
const NAMED_INSTRUMENTS = new Set([
  "phq9",
  "phqa",
  "gad7",
  "pcl5",
  "bam",
  "audit",
  "audit_c",
  "dast10",
  "who5",
]);

/**
 * How an objective is measured, in everyday words for the participant (namespace "myPlan"):
 * "Your mood questionnaire (PHQ-9) score is below 10", "You come to at least 9 hours of program a week,
 * 4 weeks in a row". The clinician's own description is shown as written for an observed measure.
 */
export function describeMeasureSimply(measure: ObjectiveMeasure, t: TFunction<"myPlan">): string {
  switch (measure.kind) {
    case "instrument":
      return t("measure.instrument", {
        name: NAMED_INSTRUMENTS.has(measure.instrumentKey)
          ? t(`instruments.${measure.instrumentKey}`)
          : t("instruments.other", { key: measure.instrumentKey }),
        comparator: t(`measure.comparator.${measure.comparator}`),
        value: measure.value,
      });
    case "weekly_hours":
      return t("measure.weeklyHours", { hours: measure.minimumHours, count: measure.consecutiveWeeks });
    case "count":
      return t("measure.count", { target: measure.target, unit: measure.unit });
    case "observed":
      return measure.description;
  }
}

/** A calendar date (YYYY-MM-DD) in the reader's words, never moved by the device's zone: "November 26, 2026". */
export function formatLongDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** An instant in the reader's words and the device's zone: "November 23, 2026 at 9:05 PM". */
export function formatSignedAt(iso: string | Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short" }).format(
    typeof iso === "string" ? new Date(iso) : iso,
  );
}

/** The time of day of an instant, on this device: "2:05 PM". */
export function formatTimeOfDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: "short" }).format(new Date(iso));
}
