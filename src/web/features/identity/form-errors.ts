import { useTranslation } from "react-i18next";
import { newPasswordSchema } from "../../../core/identity/identity.schema";
import { ApiError } from "../../app/api-client";

/** Our own checks hold dictionary keys; the server's field messages are shown as they come. */
export function useErrorText(): (error: unknown) => string | undefined {
  const { t, i18n } = useTranslation();
  return (error) => (typeof error === "string" ? (i18n.exists(error) ? t(error) : error) : undefined);
}

interface FormLike {
  getInputNode: (path: string) => HTMLElement | null;
  setFieldError: (path: string, error: string) => void;
}

/** Move focus to the first field, in the order shown, that has an error (WCAG 3.3.1). */
export function focusFirstError(
  form: FormLike,
  order: readonly string[],
  errors: Record<string, unknown>,
): void {
  const first = order.find((path) => errors[path]);
  if (first) form.getInputNode(first)?.focus();
}

/**
 * Put the server's field errors on the form's fields (`rename` maps a server path to a form field;
 * `known` replaces the server's English message with a dictionary key for a known error code), focus
 * the first, and say whether any was placed.
 */
export function showServerFieldErrors(
  form: FormLike,
  error: unknown,
  order: readonly string[],
  options: { rename?: Record<string, string>; known?: Record<string, string> } = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const errors: Record<string, string> = {};
  for (const field of error.fields) {
    const path = options.rename?.[field.path] ?? field.path;
    if (order.includes(path) && !errors[path]) errors[path] = options.known?.[error.code] ?? field.message;
  }
  for (const [path, message] of Object.entries(errors)) form.setFieldError(path, message);
  focusFirstError(form, order, errors);
  return Object.keys(errors).length > 0;
}

/** A new password and its confirmation: the server's length rule, then the two must match. */
export function validateNewPassword(
  password: string,
  confirm: string,
): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success)
    errors.password =
      parsed.error.issues[0]?.code === "too_big" ? "passwordForm.tooLong" : "passwordForm.tooShort";
  if (confirm === "") errors.confirm = "passwordForm.confirmRequired";
  else if (confirm !== password) errors.confirm = "passwordForm.mismatch";
  return errors;
}
