import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReviewDetail } from "../../../core/treatment-plans/plan-api.schema";
import { ApiError } from "../../app/api-client";
import { useSignReview } from "./api/review-sign";

type Method = "password" | "code";

/** Sign a review as the clinician or the supervisor: the password again, or a 6-digit authenticator code. */
export function ReviewSignModal({
  participantId,
  review,
  role,
  onClose,
}: {
  participantId: string;
  review: ReviewDetail;
  role: "clinician" | "supervisor";
  onClose: () => void;
}) {
  const { t } = useTranslation("myPlan");
  const sign = useSignReview();
  const [method, setMethod] = useState<Method>("password");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Method | "form", string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (method === "password" && password === "") return setErrors({ password: t("staff.passwordRequired") });
    if (method === "code" && !/^\d{6}$/.test(code)) return setErrors({ code: t("staff.codeFormat") });
    setErrors({});
    sign.mutate(
      {
        participantId,
        planId: review.planId,
        reviewId: review.id,
        signature: { role, revision: review.revision, ...(method === "password" ? { password } : { code }) },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("staff.signed") });
          onClose();
        },
        onError: (error) => {
          const field = error instanceof ApiError ? error.fields.find((f) => f.path === method) : undefined;
          if (field) setErrors({ [method]: field.message });
          else
            setErrors({
              form: error instanceof ApiError && error.message ? error.message : t("staff.failed"),
            });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`${t("staff.signTitle")} — ${t(`staff.signRoles.${role}`)}`}>
      <form onSubmit={submit} noValidate aria-label={t("staff.signTitle")}>
        <Stack>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <SegmentedControl
            aria-label={t("staff.method")}
            value={method}
            onChange={(value) => {
              setMethod(value as Method);
              setErrors({});
            }}
            data={[
              { value: "password", label: t("staff.password") },
              { value: "code", label: t("staff.code") },
            ]}
          />
          {method === "password" ? (
            <PasswordInput
              label={t("staff.password")}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              required
              data-autofocus
            />
          ) : (
            <TextInput
              label={t("staff.codeLabel")}
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
              {t("staff.cancel")}
            </Button>
            <Button type="submit" loading={sign.isPending}>
              {t("staff.signSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
