import { Alert, Anchor, Button, Card, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../app/api-client";
import { PublicLayout } from "../../app/public-layout";
import { useCompletePasswordReset } from "./api/complete-password-reset";
import { focusFirstError, showServerFieldErrors, useErrorText, validateNewPassword } from "./form-errors";
import { useLinkToken } from "./link-token";
import { NewPasswordFields } from "./new-password-fields";

const FIELDS = ["password", "confirm"] as const;

/** `/reset-password#token=…`: choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const token = useLinkToken();
  const complete = useCompletePasswordReset();
  const [formError, setFormError] = useState<"expired" | "other" | null>(token ? null : "expired");
  const form = useForm({
    mode: "controlled",
    name: "reset-password",
    initialValues: { password: "", confirm: "" },
    validate: ({ password, confirm }) => validateNewPassword(password, confirm),
  });
  const submit = form.onSubmit(
    ({ password }) => {
      if (!token) return;
      setFormError(null);
      complete.mutate(
        { token, password },
        {
          onSuccess: () => navigate("/sign-in?notice=password-reset", { replace: true }),
          onError: (error) => {
            if (error instanceof ApiError && error.code === "TOKEN_INVALID") setFormError("expired");
            else if (!showServerFieldErrors(form, error, FIELDS)) setFormError("other");
          },
        },
      );
    },
    (errors) => focusFirstError(form, FIELDS, errors),
  );

  return (
    <PublicLayout title={t("resetPassword.title")}>
      <div aria-live="assertive">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError === "other"
              ? t("common.somethingWrong")
              : t(token ? "resetPassword.expiredLink" : "resetPassword.incompleteLink")}
            {formError === "expired" && (
              <>
                {" "}
                <Anchor component={Link} to="/forgot-password" inherit>
                  {t("resetPassword.requestNew")}
                </Anchor>
              </>
            )}
          </Alert>
        )}
      </div>
      {token && formError !== "expired" && (
        <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
          <Stack>
            <NewPasswordFields
              password={{ ...form.getInputProps("password"), error: errorText(form.errors.password) }}
              confirm={{ ...form.getInputProps("confirm"), error: errorText(form.errors.confirm) }}
            />
            <Button type="submit" size="md" loading={complete.isPending}>
              {t("resetPassword.submit")}
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
