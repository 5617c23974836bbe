import { Alert, Anchor, Button, Card, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconMailCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { passwordResetRequestSchema } from "../../../core/identity/accounts.schema";
import { ApiError } from "../../app/api-client";
import { PublicLayout } from "../../app/public-layout";
import { useRequestPasswordReset } from "./api/request-password-reset";
import { focusFirstError, showServerFieldErrors, useErrorText } from "./form-errors";

/** `/forgot-password`: ask for a reset link. The answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const request = useRequestPasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    name: "forgot-password",
    initialValues: { email: "" },
    validate: ({ email }) =>
      passwordResetRequestSchema.safeParse({ email }).success
        ? {}
        : { email: email.trim() === "" ? "signIn.emailRequired" : "signIn.emailInvalid" },
  });
  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      request.mutate(values, {
        onError: (error) => {
          if (showServerFieldErrors(form, error, ["email"])) return;
          setFormError(
            error instanceof ApiError && error.status === 429
              ? "signIn.rateLimited"
              : "common.somethingWrong",
          );
        },
      });
    },
    (errors) => focusFirstError(form, ["email"], errors),
  );

  return (
    <PublicLayout
      title={t("forgotPassword.title")}
      intro={request.isSuccess ? undefined : t("forgotPassword.intro")}
    >
      <div aria-live="polite">
        {request.isSuccess && (
          <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden />} role="status">
            {t("forgotPassword.sent")}
          </Alert>
        )}
      </div>
      {!request.isSuccess && (
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
            <Button type="submit" size="md" loading={request.isPending}>
              {t("forgotPassword.submit")}
            </Button>
          </Stack>
        </Card>
      )}
      <Group justify="center">
        <Anchor component={Link} to="/sign-in">
          {t("forgotPassword.backToSignIn")}
        </Anchor>
      </Group>
    </PublicLayout>
  );
}
