import { Alert, Anchor, Button, Card, Checkbox, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { recoveryCodeSchema, totpCodeSchema } from "../../../core/identity/accounts.schema";
import { ApiError } from "../../app/api-client";
import { currentSessionQuery } from "./api/get-current-session";
import { useSignOut } from "./api/sign-out";
import { useVerifyMfa } from "./api/verify-mfa";
import { focusFirstError, showServerFieldErrors, useErrorText } from "./form-errors";

type Mode = "app" | "recovery";
type Values = { code: string; recoveryCode: string; rememberDevice: boolean };

/** Check the field of the current mode with the server's schema; errors are dictionary keys. */
export function validateMfa(mode: Mode, values: Values): Partial<Record<keyof Values, string>> {
  if (mode === "app") {
    const code = values.code.replace(/\s/g, "");
    if (code === "") return { code: "mfa.codeRequired" };
    return totpCodeSchema.safeParse(code).success ? {} : { code: "mfa.codeFormat" };
  }
  if (values.recoveryCode.trim() === "") return { recoveryCode: "mfa.recoveryRequired" };
  return recoveryCodeSchema.safeParse(values.recoveryCode).success
    ? {}
    : { recoveryCode: "mfa.recoveryFormat" };
}

const KNOWN_CODES = {
  MFA_CODE_INVALID: "mfa.codeWrong",
  MFA_CODE_REUSED: "mfa.codeReused",
  MFA_RECOVERY_CODE_INVALID: "mfa.recoveryWrong",
};

/** The second step of sign-in: a 6-digit code from the authenticator app, or a recovery code. */
export function MfaStep() {
  const { t } = useTranslation();
  const verify = useVerifyMfa();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>("app");
  const [formError, setFormError] = useState<string | null>(null);
  const field = mode === "app" ? "code" : "recoveryCode";
  const form = useForm<Values>({
    mode: "controlled",
    name: "mfa",
    initialValues: { code: "", recoveryCode: "", rememberDevice: false },
    validate: (values) => validateMfa(mode, values),
  });
  // The step replaced the password form (or the mode changed): put the cursor in its field.
  const focusOnMount = useCallback((node: HTMLInputElement | null) => node?.focus(), []);

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      const input =
        mode === "app"
          ? { code: values.code.replace(/\s/g, ""), rememberDevice: values.rememberDevice }
          : { recoveryCode: values.recoveryCode, rememberDevice: values.rememberDevice };
      verify.mutate(input, {
        onError: (error) => {
          if (error instanceof ApiError && error.code === "AUTH_LOCKED") {
            // Too many wrong codes: the server ended this sign-in. Start again from the password.
            queryClient.setQueryData(currentSessionQuery.queryKey, null);
            void navigate("/sign-in?reason=locked", { replace: true });
            return;
          }
          const placed = showServerFieldErrors(form, error, [field], {
            rename: { code: field, recoveryCode: field },
            known: KNOWN_CODES,
          });
          if (placed) return;
          if (error instanceof ApiError && error.code in KNOWN_CODES) {
            form.setFieldError(field, KNOWN_CODES[error.code as keyof typeof KNOWN_CODES]);
            form.getInputNode(field)?.focus();
          } else if (error instanceof ApiError && error.status === 429) setFormError("signIn.rateLimited");
          else setFormError("common.somethingWrong");
        },
      });
    },
    (errors) => focusFirstError(form, [field], errors),
  );

  const switchMode = () => {
    form.clearErrors();
    setFormError(null);
    setMode(mode === "app" ? "recovery" : "app");
  };

  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Text>{t(mode === "app" ? "mfa.intro" : "mfa.recoveryIntro")}</Text>
        <div aria-live="assertive">
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {t(formError)}
            </Alert>
          )}
        </div>
        {mode === "app" ? (
          <TextInput
            key="code"
            ref={focusOnMount}
            label={t("mfa.code")}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
            spellCheck={false}
            required
            size="md"
            {...form.getInputProps("code")}
            error={errorText(form.errors.code)}
          />
        ) : (
          <TextInput
            key="recoveryCode"
            ref={focusOnMount}
            label={t("mfa.recoveryCode")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            size="md"
            {...form.getInputProps("recoveryCode")}
            error={errorText(form.errors.recoveryCode)}
          />
        )}
        <Checkbox
          label={t("mfa.rememberDevice")}
          description={t("mfa.rememberDeviceHint")}
          {...form.getInputProps("rememberDevice", { type: "checkbox" })}
        />
        <Button type="submit" size="md" loading={verify.isPending}>
          {t("mfa.verify")}
        </Button>
        <Stack gap="xs" align="center">
          <Anchor component="button" type="button" onClick={switchMode}>
            {t(mode === "app" ? "mfa.markRecoveryCodeUsed" : "mfa.useAppCode")}
          </Anchor>
          <Anchor component="button" type="button" onClick={() => signOut.mutate()}>
            {t("mfa.cancel")}
          </Anchor>
        </Stack>
      </Stack>
    </Card>
  );
}
