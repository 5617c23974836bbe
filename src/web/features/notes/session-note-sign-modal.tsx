import { Select } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { useRequestErrorText } from "../treatment-plans/sign-modal";
import {
  SignDialog,
  type SignMethod,
  type SignProof,
  useSignProof,
} from "../treatment-plans/sign-proof-fields";

/** What a clinician re-enters to sign: the password, or a current code from the authenticator app. */
export type NoteSignProof = SignProof;

export interface CosignerChoice {
  /** The signer's account needs a supervisor's co-signature: one must be chosen. */
  required: boolean;
  options: { value: string; label: string }[];
  initial: string | null;
}

/** The words for a failed request that is not about one field. */
export function useNoteRequestErrorText() {
  return useRequestErrorText("sessionNotes");
}

/**
 * The re-authentication dialog a note (or an addendum) is signed with: the password again or a
 * 6-digit code, and, for a supervisee, the supervisor who will co-sign. `sign` sends it; a refusal
 * that the page shows elsewhere (a note still incomplete) is handed to `onRefused`, which answers
 * true when it took care of it; a wrong password or code lands on its field.
 */
export function NoteSignModal({
  title,
  intro,
  cosigner,
  pending,
  sign,
  onRefused,
  onClose,
}: {
  title: string;
  intro: string;
  cosigner: CosignerChoice | null;
  pending: boolean;
  sign: (proof: NoteSignProof, cosignerUserId: string | null) => Promise<unknown>;
  onRefused?: (error: unknown) => boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("sessionNotes");
  const errorText = useNoteRequestErrorText();
  const proof = useSignProof();
  const [cosignerUserId, setCosignerUserId] = useState<string | null>(cosigner?.initial ?? null);
  const [needCosigner, setNeedCosigner] = useState(cosigner?.required ?? false);
  const [errors, setErrors] = useState<Partial<Record<SignMethod | "cosignerUserId" | "form", string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const problem = proof.problem();
    if (problem === "password") found.password = t("sign.passwordRequired");
    if (problem === "code") found.code = t("sign.codeFormat");
    if (needCosigner && cosignerUserId === null) found.cosignerUserId = t("sign.cosignerRequired");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const method = proof.method;
    try {
      await sign(proof.proof(), cosignerUserId);
      onClose();
    } catch (error) {
      if (onRefused?.(error)) return;
      if (error instanceof ApiError && error.code === "NOTE_COSIGNER_REQUIRED") {
        setNeedCosigner(true);
        setErrors({ cosignerUserId: error.fields[0]?.message ?? error.message });
        return;
      }
      const fields = error instanceof ApiError ? error.fields : [];
      const onMethod = fields.find((f) => f.path === method);
      const onCosigner = fields.find((f) => f.path === "cosignerUserId");
      if (onMethod) setErrors({ [method]: onMethod.message });
      else if (onCosigner) setErrors({ cosignerUserId: onCosigner.message });
      else setErrors({ form: errorText(error) });
    }
  };

  return (
    <SignDialog
      title={title}
      formLabel={title}
      intro={intro}
      formError={errors.form}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      proof={proof}
      proofWords={{ ns: "sessionNotes", prefix: "sign" }}
      labelId="note-sign-method-label"
      errors={errors}
      onMethodChange={() => setErrors({})}
      autoFocus
      cancelLabel={t("actions.cancel")}
      submitLabel={t("sign.submit")}
      pending={pending}
    >
      {cosigner && (needCosigner || cosigner.options.length > 0) && (
        <Select
          label={t("sign.cosigner")}
          description={needCosigner ? t("sign.cosignerSupervised") : t("sign.cosignerOptional")}
          placeholder={t("sign.cosignerNone")}
          data={cosigner.options}
          value={cosignerUserId}
          onChange={(value) => {
            setCosignerUserId(value);
            setErrors({ ...errors, cosignerUserId: undefined });
          }}
          clearable={!needCosigner}
          required={needCosigner}
          error={errors.cosignerUserId}
          nothingFoundMessage={t("sign.noSupervisors")}
        />
      )}
    </SignDialog>
  );
}
