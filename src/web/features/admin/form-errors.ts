import { useTranslation } from "react-i18next";
import type { ZodType } from "zod";
import { ApiError } from "../../app/api-client";

type Errors = Record<string, string>;

/**
 * Validate with the server's own schema; each field's first problem becomes a dictionary key (namespace
 * "admin") from `keyFor`, so the message shows in the reader's language.
 */
export function schemaErrors<V>(
  schema: ZodType,
  values: V,
  keyFor: (field: string, values: V) => string,
): Errors {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field === "" || errors[field]) continue;
    errors[field] = keyFor(field, values);
  }
  return errors;
}

/** The dictionary key for an email field's problem: empty, or not an address. */
export const emailErrorKey = (email: string) =>
  email.trim() === "" ? "errors.emailRequired" : "errors.emailInvalid";

/** Put the server's field errors on the fields the form has; true when at least one landed. */
export function applyServerFieldErrors(
  error: unknown,
  fields: readonly string[],
  setFieldError: (path: string, message: string) => void,
): boolean {
  if (!(error instanceof ApiError)) return false;
  let placed = false;
  for (const f of error.fields) {
    const field = f.path.split(".")[0] ?? "";
    if (fields.includes(field)) {
      setFieldError(field, f.message);
      placed = true;
    }
  }
  return placed;
}

/** Show a field error: our dictionary keys translated, the server's messages as they come. */
export function useFieldErrorText() {
  const { t, i18n } = useTranslation("admin");
  return (error: unknown): string | undefined => {
    if (typeof error !== "string" || error === "") return undefined;
    return i18n.exists(error, { ns: "admin" }) ? t(error) : error;
  };
}

/** Server error codes that have their own words in the reader's language. */
const CODE_KEYS: Record<string, string> = {
  IDENTITY_SELF_CHANGE: "errors.selfChange",
  IDENTITY_NOT_STAFF: "errors.notStaff",
  IDENTITY_ALREADY_ACTIVE: "errors.alreadyActive",
  IDENTITY_EMAIL_TAKEN: "errors.emailTaken",
  SITE_NAME_TAKEN: "errors.siteNameTaken",
  NOT_FOUND: "errors.notFound",
};

/** A form-level message for a failed request, as a dictionary key. */
export function requestErrorKey(error: unknown): string {
  if (error instanceof ApiError && CODE_KEYS[error.code]) return CODE_KEYS[error.code] as string;
  if (error instanceof ApiError && error.status === 403) return "errors.forbidden";
  if (error instanceof ApiError && error.status === 0) return "errors.network";
  return "errors.generic";
}
