import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";

/** What a clinician re-enters to sign: the password, or a current code from the authenticator app. */
export type NoteSignProof = { password: string } | { code: string };
type Method = "password" | "code";

export interface CosignerChoice {
  /** The signer's account needs a supervisor's co-signature: one must be chosen. */
  required: boolean;
  options: { value: string; label: string }[];
  initial: string | null;
}

/** The words for a failed request that is not about one field. */
export function useNoteRequestErrorText() {
  const { t } = useTranslation("sessionNotes");
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 0) return t("errors.network");
    if (error instanceof ApiError && error.message) return error.message;
    return t("errors.generic");
  };
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
  const [method, setMethod] = useState<Method>("password");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [cosignerUserId, setCosignerUserId] = useState<string | null>(cosigner?.initial ?? null);
  const [needCosigner, setNeedCosigner] = useState(cosigner?.required ?? false);
  const [errors, setErrors] = useState<Partial<Record<Method | "cosignerUserId" | "form", string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (method === "password" && password === "") found.password = t("sign.passwordRequired");
    if (method === "code" && !/^\d{6}$/.test(code)) found.code = t("sign.codeFormat");
    if (needCosigner && cosignerUserId === null) found.cosignerUserId = t("sign.cosignerRequired");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await sign(method === "password" ? { password } : { code }, cosignerUserId);
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
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <Stack>
          <Text size="sm">{intro}</Text>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
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
          <div>
            <Text size="sm" fw={500} id="note-sign-method-label" mb={4}>
              {t("sign.method")}
            </Text>
            <SegmentedControl
              aria-labelledby="note-sign-method-label"
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
