import { PasswordInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";

type FieldProps = GetInputPropsReturnType & { error?: string };

/** New password and its confirmation, with the length hint and the browser's password manager in mind. */
export function NewPasswordFields({ password, confirm }: { password: FieldProps; confirm: FieldProps }) {
  const { t } = useTranslation();
  const toggle = { "aria-label": t("signIn.showPassword") };
  return (
    <>
      <PasswordInput
        label={t("passwordForm.newPassword")}
        description={t("passwordForm.hint")}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...password}
      />
      <PasswordInput
        label={t("passwordForm.confirmPassword")}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...confirm}
      />
    </>
  );
}
