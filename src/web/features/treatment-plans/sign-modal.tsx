import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import { ApiError } from "../../app/api-client";
import { useSignVersion } from "./api/sign-version";
import { SignDialog, type SignMethod, type SignProof, useSignProof } from "./sign-proof-fields";

export type { SignProof } from "./sign-proof-fields";

export type StaffSignRole = "clinician" | "supervisor";

/**
 * The form-level words for a failed request (field errors go on their field), from the
 * `errors.network` and `errors.generic` keys of a dictionary namespace (plans by default).
 */
export function useRequestErrorText(ns = "treatmentPlans") {
  const { t } = useTranslation(ns);
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 0) return t("errors.network");
    if (error instanceof ApiError && error.message) return error.message;
    return t("errors.generic");
  };
}

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
  const proof = useSignProof();
  const [errors, setErrors] = useState<Partial<Record<SignMethod | "form", string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = proof.problem();
    if (problem === "password") return setErrors({ password: t("sign.passwordRequired") });
    if (problem === "code") return setErrors({ code: t("sign.codeFormat") });
    setErrors({});
    const method = proof.method;
    sign(proof.proof(), {
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
    <SignDialog
      title={title}
      formLabel={t("sign.submit")}
      intro={intro}
      formError={errors.form}
      onSubmit={submit}
      onClose={onClose}
      proof={proof}
      proofWords={{ ns: "treatmentPlans", prefix: "sign" }}
      labelId="sign-method-label"
      errors={errors}
      onMethodChange={() => setErrors({})}
      autoFocus
      cancelLabel={t("actions.cancel")}
      submitLabel={t("sign.submit")}
      pending={pending}
    />
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
