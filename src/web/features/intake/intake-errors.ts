import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";

/** Show a field error: our dictionary keys (namespace "intake") translated, the server's messages as they come. */
export function useIntakeErrorText() {
  const { t, i18n } = useTranslation("intake");
  return (error: unknown): string | undefined => {
    if (typeof error !== "string" || error === "") return undefined;
    return i18n.exists(error, { ns: "intake" }) ? t(error) : error;
  };
}

/** Server error codes that have their own words in the reader's language. */
const CODE_KEYS: Record<string, string> = {
  ADMISSIONS_TRANSITION_NOT_ALLOWED: "errors.transitionNotAllowed",
  ADMISSIONS_STAGE_CLOSED: "errors.stageClosed",
  ADMISSIONS_ADMIT_THROUGH_ADMISSION: "errors.admitThroughAdmission",
  NOT_FOUND: "errors.notFound",
};

/** A form-level message for a failed request: a dictionary key, or the server's own message for other 4xx. */
export function intakeRequestError(error: unknown): { key: string } | { text: string } {
  if (error instanceof ApiError && CODE_KEYS[error.code]) return { key: CODE_KEYS[error.code] as string };
  if (error instanceof ApiError && error.status === 403) return { key: "errors.forbidden" };
  if (error instanceof ApiError && error.status === 0) return { key: "errors.network" };
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.message)
    return { text: error.message };
  return { key: "errors.generic" };
}

/** The text of `intakeRequestError` in the reader's language. */
export function useRequestErrorText() {
  const { t } = useTranslation("intake");
  return (error: unknown): string => {
    const found = intakeRequestError(error);
    return "key" in found ? t(found.key) : found.text;
  };
}
