import { useTranslation } from "react-i18next";
import type { SigningIssue } from "../../../core/notes/note.rules";

/** "Thu, Nov 26, 2026, 10:00 – 10:50 AM" in the reader's language (in the session's zone when known). */
export function formatSessionWhen(
  startsAt: string,
  endsAt: string,
  language: string,
  timeZone?: string,
): string {
  const format = new Intl.DateTimeFormat(language, {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** An instant with date and time ("Nov 26, 2026, 11:05 AM"). */
export function formatInstant(at: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
}

/** A signing problem found on this page, in the reader's language. */
export function useSigningIssueText() {
  const { t } = useTranslation("sessionNotes");
  return (issue: Pick<SigningIssue, "code" | "field" | "message">): string => {
    switch (issue.code) {
      case "SECTION_REQUIRED":
        return t("issues.SECTION_REQUIRED", { section: t(`sections.${issue.field.split(".")[1]}`) });
      case "SESSION_NOT_ENDED":
      case "OBJECTIVE_PROGRESS_REQUIRED":
      case "OBJECTIVE_NOT_IN_PLAN":
      case "NEXT_SESSION_REQUIRED":
        return t(`issues.${issue.code}`);
      default:
        return issue.message;
    }
  };
}
