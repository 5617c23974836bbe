import { useTranslation } from "react-i18next";
import type { ObjectiveMeasure, SignatureRole } from "../../../core/treatment-plans/plan.schema";
import { useInstruments } from "../assessments/api/get-instruments";
import { instrumentTitle } from "../assessments/measure-card";

/** An objective's measure in words, e.g. "PHQ-9 below 10" or "At least 9 hours a week for 4 weeks in a row". */
export function useMeasureText() {
  const { t, i18n } = useTranslation("treatmentPlans");
  const instruments = useInstruments();
  return (measure: ObjectiveMeasure | null): string => {
    if (measure === null) return t("measure.none");
    switch (measure.kind) {
      case "instrument":
        return t("measure.instrument", {
          instrument: instrumentTitle(
            instruments.data?.find((i) => i.key === measure.instrumentKey),
            measure.instrumentKey,
            i18n.language,
          ),
          comparator: t(`comparators.${measure.comparator}`),
          value: measure.value,
        });
      case "weekly_hours":
        return t("measure.weekly_hours", { hours: measure.minimumHours, weeks: measure.consecutiveWeeks });
      case "count":
        return t("measure.count", { target: measure.target, unit: measure.unit });
      case "observed":
        return measure.description;
    }
  };
}

/** The roles in words, joined in the reader's language ("Participant and Supervisor"). */
export function useRolesText() {
  const { t, i18n } = useTranslation("treatmentPlans");
  return (roles: readonly SignatureRole[]) =>
    new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(roles.map((r) => t(`roles.${r}`)));
}

/** A time of day in the reader's language, e.g. "2:05 PM". */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: "short" }).format(new Date(iso));
}

/** The day an instant fell on, on this device, e.g. "Nov 23, 2026". */
export function formatInstantDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(new Date(iso));
}
