import { Alert, Anchor, Button, Card, Group, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useSearchParams } from "react-router";
import { signInInputSchema } from "../../../core/identity/identity.schema";
import { ApiError } from "../../app/api-client";
import { PublicLayout } from "../../app/public-layout";
import { useCurrentSession } from "./api/get-current-session";
import { useSignIn } from "./api/sign-in";
import { DemoAccounts } from "./demo-accounts";
import { focusFirstError, showServerFieldErrors, useErrorText } from "./form-errors";
import { homePathFor, pendingStepPath } from "./home-path";
import { MfaStep } from "./mfa-step";
import { safeNextPath } from "./safe-next-path";

type Values = { email: string; password: string };
const FIELDS: readonly string[] = ["email", "password"] satisfies (keyof Values)[];

/** Validate with the server's own schema; each error is a dictionary key, shown in the reader's language. */
export function validateSignIn(values: Values): Partial<Record<keyof Values, string>> {
  const parsed = signInInputSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: Partial<Record<keyof Values, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === "email")
      errors.email = values.email.trim() === "" ? "signIn.emailRequired" : "signIn.emailInvalid";
    if (field === "password") errors.password = "signIn.passwordRequired";
  }
  return errors;
}

/** The form-level message for a failed sign-in, as a dictionary key; null when field errors say it all. */
export function signInErrorKey(error: unknown): string | null {
  if (!(error instanceof ApiError)) return "common.somethingWrong";
  if (error.code === "AUTH_INVALID_CREDENTIALS") return "signIn.invalidCredentials";
  if (error.code === "AUTH_LOCKED") return "signIn.locked";
  if (error.status === 429 || error.code === "RATE_LIMITED") return "signIn.rateLimited";
  if (error.fields.some((f) => FIELDS.includes(f.path))) return null;
  return "common.somethingWrong";
}

/** Why the person is here: signed out for inactivity, session ended, password just set. */
function useNotice(): string | null {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reason = params.get("reason") ?? params.get("notice");
  if (reason === "idle") {
    const minutes = Number(params.get("minutes"));
    return Number.isInteger(minutes) && minutes > 0 && minutes <= 24 * 60
      ? t("notice.idle", { count: minutes })
      : t("notice.idleGeneric");
  }
  if (reason === "expired") return t("notice.expired");
  if (reason === "locked") return t("signIn.locked");
  if (reason === "password-reset") return t("notice.passwordReset");
  if (reason === "account-ready") return t("notice.accountReady");
  return null;
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const session = useCurrentSession();
  const signIn = useSignIn();
  const errorText = useErrorText();
  const notice = useNotice();
  const [formError, setFormError] = useState<string | null>(null);
  const prefilledEmail = (location.state as { email?: unknown } | null)?.email;
  const form = useForm<Values>({
    mode: "controlled",
    name: "sign-in",
    initialValues: { email: typeof prefilledEmail === "string" ? prefilledEmail : "", password: "" },
    validate: validateSignIn,
  });
  const next = safeNextPath(params.get("next"));

  if (session.data) {
    const home = next ?? homePathFor(session.data.user.kind);
    if (session.data.stage === "mfa_required")
      return (
        <PublicLayout title={t("mfa.title")}>
          <MfaStep />
        </PublicLayout>
      );
    return <Navigate to={pendingStepPath(session.data, home) ?? home} replace />;
  }

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      signIn.mutate(values, {
        onError: (error) => {
          setFormError(signInErrorKey(error));
          showServerFieldErrors(form, error, FIELDS);
        },
      });
    },
    (errors) => focusFirstError(form, FIELDS, errors),
  );

  return (
    <PublicLayout title={t("signIn.title")} intro={t("product.tagline")}>
      {notice && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          {notice}
        </Alert>
      )}
      <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
        <Stack>
          <div aria-live="assertive">
            {formError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {t(formError)}
              </Alert>
            )}
          </div>
          <TextInput
            label={t("signIn.email")}
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            {...form.getInputProps("email")}
            error={errorText(form.errors.email)}
          />
          <PasswordInput
            label={t("signIn.password")}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ "aria-label": t("signIn.showPassword") }}
            {...form.getInputProps("password")}
            error={errorText(form.errors.password)}
          />
          <Button type="submit" size="md" loading={signIn.isPending}>
            {t("signIn.submit")}
          </Button>
          <Group justify="center">
            <Anchor component={Link} to="/forgot-password">
              {t("signIn.forgotPassword")}
            </Anchor>
          </Group>
        </Stack>
      </Card>
      <Group justify="center">
        <Anchor component={Link} to="/get-help" size="sm">
          {t("getHelp.lookingForHelp")}
        </Anchor>
      </Group>
      <DemoAccounts
        onUse={(email, password) => {
          form.setValues({ email, password });
          form.clearErrors();
          setFormError(null);
        }}
      />
    </PublicLayout>
  );
}
