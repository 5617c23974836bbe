import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../app/api-client";
import { PublicLayout } from "../../app/public-layout";
import { useAcceptInvitation } from "./api/accept-invitation";
import { useInvitation } from "./api/get-invitation";
import { focusFirstError, showServerFieldErrors, useErrorText, validateNewPassword } from "./form-errors";
import { useLinkToken } from "./link-token";
import { NewPasswordFields } from "./new-password-fields";

const FIELDS = ["password", "confirm"] as const;

function ExpiredInvitation() {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {t("invitation.expired")}
    </Alert>
  );
}

/** `/invitation#token=…`: see who the invitation is for, choose a password, then sign in. */
export function InvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const token = useLinkToken();
  const invitation = useInvitation(token ?? "", token !== null);
  const accept = useAcceptInvitation();
  const [formError, setFormError] = useState<"expired" | "other" | null>(null);
  const form = useForm({
    mode: "controlled",
    name: "invitation",
    initialValues: { password: "", confirm: "" },
    validate: ({ password, confirm }) => validateNewPassword(password, confirm),
  });
  const submit = form.onSubmit(
    ({ password }) => {
      if (!token || !invitation.data) return;
      setFormError(null);
      const email = invitation.data.email;
      accept.mutate(
        { token, password },
        {
          onSuccess: () => navigate("/sign-in?notice=account-ready", { replace: true, state: { email } }),
          onError: (error) => {
            if (error instanceof ApiError && error.code === "TOKEN_INVALID") setFormError("expired");
            else if (!showServerFieldErrors(form, error, FIELDS)) setFormError("other");
          },
        },
      );
    },
    (errors) => focusFirstError(form, FIELDS, errors),
  );

  const invalid =
    token === null ||
    (invitation.error instanceof ApiError && invitation.error.status === 400) ||
    formError === "expired";

  let body: ReactNode;
  if (invalid) body = <ExpiredInvitation />;
  else if (invitation.isPending)
    body = (
      <Group role="status" justify="center" p="lg">
        <Loader aria-hidden />
        <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
      </Group>
    );
  else if (invitation.isError)
    body = (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
        {t("common.somethingWrong")}
        <Button mt="sm" variant="default" display="block" onClick={() => void invitation.refetch()}>
          {t("common.retry")}
        </Button>
      </Alert>
    );
  else
    body = (
      <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
        <Stack>
          <Text>
            <Trans
              i18nKey="invitation.forPerson"
              values={{ name: invitation.data.displayName, email: invitation.data.email }}
              components={{ strong: <strong /> }}
            />
          </Text>
          <Text>{t("invitation.choosePassword")}</Text>
          <div aria-live="assertive">
            {formError === "other" && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
                {t("common.somethingWrong")}
              </Alert>
            )}
          </div>
          {/* Lets the browser's password manager save the new password under the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={invitation.data.email} />
          <NewPasswordFields
            password={{ ...form.getInputProps("password"), error: errorText(form.errors.password) }}
            confirm={{ ...form.getInputProps("confirm"), error: errorText(form.errors.confirm) }}
          />
          <Button type="submit" size="md" loading={accept.isPending}>
            {t("invitation.submit")}
          </Button>
        </Stack>
      </Card>
    );

  return (
    <PublicLayout title={t("invitation.title")}>
      {body}
      <Group justify="center">
        <Anchor component={Link} to="/sign-in">
          {t("forgotPassword.backToSignIn")}
        </Anchor>
      </Group>
    </PublicLayout>
  );
}
