import type { TFunction } from "i18next";
import type { DueMeasureView } from "../../../core/assessments/measurement-schedule.schema";
import { formatDate } from "../admin/format";

/** Why a measure is due, in the reader's language (namespace "assessments"), from the server's reason. */
export function dueReasonText(reason: DueMeasureView["reason"], t: TFunction, language: string): string {
  switch (reason.at) {
    case "intake":
      return t("due.reasons.intake");
    case "every_n_days":
      return reason.since === "admission"
        ? t("due.reasons.everyNDaysSinceAdmission", { n: reason.n })
        : t("due.reasons.everyNDaysSinceLast", { n: reason.n, date: formatDate(reason.sinceOn, language) });
    case "discharge":
      return t("due.reasons.discharge");
    case "follow_up":
      return t("due.reasons.followUp", { days: reason.days });
  }
}

/** The questionnaire's title in the reader's language. */
export const instrumentTitle = (m: { title: string; titleEs: string }, language: string) =>
  language.startsWith("es") ? m.titleEs : m.title;
