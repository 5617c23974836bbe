import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import { ApiError } from "../../app/api-client";
import { useSignVersion } from "./api/sign-version";

export type StaffSignRole = "clinician" | "supervisor";
type Method = "password" | "code";

/** The form-level words for a failed request (field errors go on their field). */
export function useRequestErrorText() {
  const { t } = useTranslation("treatmentPlans");
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 0) return t("errors.network");
    if (error instanceof ApiError && error.message) return error.message;
    return t("errors.generic");
  };
}

/** What a staff member re-enters to sign: their password, or a current code from their authenticator app. */
export type SignProof = { password: string } | { code: string };

/**
 * The re-authentication form a plan version and a review are both signed with: the password again,
 * or a 6-digit code (the server checks it and counts failures toward the account lockout). `sign`
 * sends it; a refusal on the password or code lands on that field, anything else above the form.
 */
export function StaffSignModal({
  title,
  intro,
  successMessage,
  pending,
  sign,
  onClose,
}: {
  title: string;
  intro: string | null;
  successMessage: string;
  pending: boolean;
  sign: (proof: SignProof, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const requestErrorText = useRequestErrorText();
  const [method, setMethod] = useState<Method>("password");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Method | "form", string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (method === "password" && password === "") return setErrors({ password: t("sign.passwordRequired") });
    if (method === "code" && !/^\d{6}$/.test(code)) return setErrors({ code: t("sign.codeFormat") });
    setErrors({});
    sign(method === "password" ? { password } : { code }, {
      onSuccess: () => {
        notifications.show({ color: "green", message: successMessage });
        onClose();
      },
      onError: (error) => {
        const onField = error instanceof ApiError ? error.fields.find((f) => f.path === method) : undefined;
        const onOther = error instanceof ApiError ? error.fields.find((f) => f.path !== method) : undefined;
        if (onField) setErrors({ [method]: onField.message });
        else if (onOther) setErrors({ form: onOther.message });
        else setErrors({ form: requestErrorText(error) });
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate aria-label={t("sign.submit")}>
        <Stack>
          {intro && <Text size="sm">{intro}</Text>}
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500} id="sign-method-label" mb={4}>
              {t("sign.method")}
            </Text>
            <SegmentedControl
              aria-labelledby="sign-method-label"
              value={method}
              onChange={(value) => {
                setMethod(value as Method);
                setErrors({});
              }}
              data={[
                { value: "password", label: t("sign.usePassword") },
                { value: "code", label: t("sign.useCode") },
              ]}
            />
          </div>
          {method === "password" ? (
            <PasswordInput
              label={t("sign.password")}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              required
              data-autofocus
            />
          ) : (
            <TextInput
              label={t("sign.code")}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ""))}
              error={errors.code}
              required
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("sign.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Sign a plan version as the clinician or the supervisor. */
export function SignModal({
  participantId,
  version,
  role,
  onClose,
}: {
  participantId: string;
  version: VersionDetail;
  role: StaffSignRole;
  onClose: () => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const sign = useSignVersion();
  return (
    <StaffSignModal
      title={t("sign.title", { number: version.number, role: t(`roles.${role}`) })}
      intro={t("sign.intro")}
      successMessage={t("sign.signed")}
      pending={sign.isPending}
      sign={(proof, callbacks) =>
        sign.mutate(
          {
            participantId,
            planId: version.planId,
            versionId: version.id,
            signature: { role, revision: version.revision, ...proof },
          },
          callbacks,
        )
      }
      onClose={onClose}
    />
  );
}
