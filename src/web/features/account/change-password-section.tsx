import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { passwordChangeSchema } from "../../../core/identity/accounts.schema";
import {
  focusFirstError,
  showServerFieldErrors,
  useErrorText,
  validateNewPassword,
} from "../identity/form-errors";
import { NewPasswordFields } from "../identity/new-password-fields";
import { useChangePassword } from "./api/change-password";

type Values = { currentPassword: string; newPassword: string; confirm: string };
const FIELDS = ["currentPassword", "newPassword", "confirm"] as const;

export function validatePasswordChange(values: Values): Partial<Record<keyof Values, string>> {
  const errors: Partial<Record<keyof Values, string>> = {};
  const parsed = passwordChangeSchema.shape.currentPassword.safeParse(values.currentPassword);
  if (!parsed.success) errors.currentPassword = "account.currentRequired";
  const fresh = validateNewPassword(values.newPassword, values.confirm);
  if (fresh.password) errors.newPassword = fresh.password;
  if (fresh.confirm) errors.confirm = fresh.confirm;
  return errors;
}

/** Change my password (current + new). The server ends my other sessions. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const change = useChangePassword();
  const [result, setResult] = useState<"changed" | "error" | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    name: "change-password",
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: validatePasswordChange,
  });
  const submit = form.onSubmit(
    ({ currentPassword, newPassword }) => {
      setResult(null);
      change.mutate(
        { currentPassword, newPassword },
        {
          onSuccess: () => {
            form.reset();
            setResult("changed");
          },
          onError: (error) => {
            const placed = showServerFieldErrors(form, error, FIELDS, {
              known: { IDENTITY_WRONG_PASSWORD: "account.currentWrong" },
            });
            if (!placed) setResult("error");
          },
        },
      );
    },
    (errors) => focusFirstError(form, FIELDS, errors),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="password-title">
            {t("account.passwordTitle")}
          </Title>
          <Text>{t("account.passwordNote")}</Text>
          <div aria-live="polite">
            {result === "changed" && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
                {t("account.passwordChanged")}
              </Alert>
            )}
            {result === "error" && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {t("common.somethingWrong")}
              </Alert>
            )}
          </div>
          <PasswordInput
            label={t("account.currentPassword")}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ "aria-label": t("signIn.showPassword") }}
            {...form.getInputProps("currentPassword")}
            error={errorText(form.errors.currentPassword)}
          />
          <NewPasswordFields
            password={{ ...form.getInputProps("newPassword"), error: errorText(form.errors.newPassword) }}
            confirm={{ ...form.getInputProps("confirm"), error: errorText(form.errors.confirm) }}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: "flex-start" }}>
            {t("account.passwordSubmit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
