import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { mfaDisableSchema } from "../../../core/identity/accounts.schema";
import { ApiError } from "../../app/api-client";
import { focusFirstError, showServerFieldErrors, useErrorText } from "../identity/form-errors";
import { RecoveryCodes } from "../identity/mfa-enrolment";
import { useDisableMfa } from "./api/disable-mfa";
import { useMfaStatus } from "./api/get-mfa-status";
import { useRegenerateRecoveryCodes } from "./api/regenerate-recovery-codes";

function TurnOffForm({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const disable = useDisableMfa();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    name: "mfa-off",
    initialValues: { password: "" },
    validate: (values) =>
      mfaDisableSchema.safeParse(values).success ? {} : { password: "signIn.passwordRequired" },
  });
  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      disable.mutate(values, {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.code === "MFA_REQUIRED")
            return setFormError("account.mfaRequired");
          const known = { IDENTITY_WRONG_PASSWORD: "account.currentWrong" };
          if (showServerFieldErrors(form, error, ["password"], { known })) return;
          if (error instanceof ApiError && error.code === "IDENTITY_WRONG_PASSWORD") {
            form.setFieldError("password", known.IDENTITY_WRONG_PASSWORD);
            form.getInputNode("password")?.focus();
            return;
          }
          setFormError("common.somethingWrong");
        },
      });
    },
    (errors) => focusFirstError(form, ["password"], errors),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t("account.mfaTurnOffIntro")}</Text>
        <div aria-live="assertive">
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {t(formError)}
            </Alert>
          )}
        </div>
        <PasswordInput
          label={t("signIn.password")}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ "aria-label": t("signIn.showPassword") }}
          {...form.getInputProps("password")}
          error={errorText(form.errors.password)}
        />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            {t("account.mfaTurnOffConfirm")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("account.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Replace the recovery codes (the old ones stop working), after a confirmation; show the new ones once. */
function NewRecoveryCodes({ email }: { email: string }) {
  const { t } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  const [confirming, setConfirming] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} email={email} onDone={() => setCodes(null)} />;
  if (!confirming)
    return (
      <Button variant="default" onClick={() => setConfirming(true)} style={{ alignSelf: "flex-start" }}>
        {t("account.newCodes")}
      </Button>
    );
  return (
    <Stack>
      <Text>{t("account.newCodesWarning")}</Text>
      {regenerate.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
          {t("common.somethingWrong")}
        </Alert>
      )}
      <Group>
        <Button
          loading={regenerate.isPending}
          onClick={() =>
            regenerate.mutate(undefined, {
              onSuccess: ({ recoveryCodes }) => {
                setConfirming(false);
                setCodes(recoveryCodes);
              },
            })
          }
        >
          {t("account.newCodesConfirm")}
        </Button>
        <Button variant="default" onClick={() => setConfirming(false)}>
          {t("account.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Two-step verification: status, set up, or turn off (password again) unless the program requires it. */
export function TwoStepSection({ accountPath, email }: { accountPath: string; email: string }) {
  const { t } = useTranslation();
  const status = useMfaStatus();
  const [turningOff, setTurningOff] = useState(false);
  const [turnedOff, setTurnedOff] = useState(false);
  const data = status.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mfa-title">
      <Stack>
        <Group gap="sm">
          <Title order={2} size="h3" id="mfa-title">
            {t("account.mfaTitle")}
          </Title>
          {data && (
            <Badge color={data.enabled ? "teal" : "gray"} variant="light">
              {t(data.enabled ? "account.mfaOn" : "account.mfaOff")}
            </Badge>
          )}
        </Group>
        {status.isPending && <Skeleton h={48} />}
        {status.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t("account.loadError")}
            <Button mt="sm" display="block" variant="default" onClick={() => void status.refetch()}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        <div aria-live="polite">
          {turnedOff && data && !data.enabled && (
            <Alert color="teal" variant="light" role="status">
              {t("account.mfaTurnedOff")}
            </Alert>
          )}
        </div>
        {data && !data.enabled && (
          <>
            <Text>{t("account.mfaOffBody")}</Text>
            <Button
              component={Link}
              to={`/mfa-setup?next=${encodeURIComponent(accountPath)}`}
              style={{ alignSelf: "flex-start" }}
            >
              {t("account.mfaSetUp")}
            </Button>
          </>
        )}
        {data?.enabled && (
          <>
            <Text>
              {t("account.mfaOnBody")} {t("account.recoveryLeft", { count: data.recoveryCodesLeft })}
            </Text>
            <NewRecoveryCodes email={email} />
            {data.required ? (
              <Text>{t("account.mfaRequired")}</Text>
            ) : turningOff ? (
              <TurnOffForm
                onCancel={() => setTurningOff(false)}
                onDone={() => {
                  setTurningOff(false);
                  setTurnedOff(true);
                }}
              />
            ) : (
              <Button
                variant="default"
                onClick={() => setTurningOff(true)}
                style={{ alignSelf: "flex-start" }}
              >
                {t("account.mfaTurnOff")}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
