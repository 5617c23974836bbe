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
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

export type SignMethod = "password" | "code";

/** What a staff member re-enters to sign: their password, or a current code from their authenticator app. */
export type SignProof = { password: string } | { code: string };

/**
 * The password-or-code part of every staff signature (plans, reviews, notes, addenda): which one
 * is chosen, what was typed, the proof to send and the problem with it before it is sent.
 */
export function useSignProof() {
  const [method, setMethod] = useState<SignMethod>("password");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  return {
    method,
    setMethod,
    password,
    setPassword,
    code,
    setCode,
    proof: (): SignProof => (method === "password" ? { password } : { code }),
    /** The field that cannot be sent as it is (an empty password, a code that is not 6 digits), if any. */
    problem: (): SignMethod | null => {
      if (method === "password" && password === "") return "password";
      if (method === "code" && !/^\d{6}$/.test(code)) return "code";
      return null;
    },
  };
}

export type SignProofState = ReturnType<typeof useSignProof>;

/**
 * Where the labels live: a dictionary namespace and the group of keys in it holding method,
 * usePassword, useCode, password and code.
 */
export interface SignProofWords {
  ns: string;
  prefix: string;
}

/** The choice between password and code, and the one input that goes with it. */
export function SignProofFields({
  state,
  words,
  labelId,
  errors,
  onMethodChange,
  autoFocus = false,
}: {
  state: SignProofState;
  words: SignProofWords;
  /** The id of the choice's label: unique on the page. */
  labelId: string;
  errors: { password?: string; code?: string };
  onMethodChange?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation(words.ns, { keyPrefix: words.prefix });
  return (
    <>
      <div>
        <Text size="sm" fw={500} id={labelId} mb={4}>
          {t("method")}
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          value={state.method}
          onChange={(value) => {
            state.setMethod(value as SignMethod);
            onMethodChange?.();
          }}
          data={[
            { value: "password", label: t("usePassword") },
            { value: "code", label: t("useCode") },
          ]}
        />
      </div>
      {state.method === "password" ? (
        <PasswordInput
          label={t("password")}
          autoComplete="current-password"
          value={state.password}
          onChange={(e) => state.setPassword(e.currentTarget.value)}
          error={errors.password}
          required
          data-autofocus={autoFocus || undefined}
        />
      ) : (
        <TextInput
          label={t("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          value={state.code}
          onChange={(e) => state.setCode(e.currentTarget.value.replace(/\D/g, ""))}
          error={errors.code}
          required
          data-autofocus={autoFocus || undefined}
        />
      )}
    </>
  );
}

/**
 * The dialog every staff signature is given in: a title, an intro, a failure that is not about one
 * field, the form's own fields (`children`), the password-or-code choice, then cancel and submit.
 */
export function SignDialog({
  title,
  formLabel,
  size,
  intro,
  formError,
  onSubmit,
  onClose,
  proof,
  proofWords,
  labelId,
  errors,
  onMethodChange,
  autoFocus,
  cancelLabel,
  submitLabel,
  pending,
  children,
}: {
  title: string;
  /** The form's accessible name. */
  formLabel: string;
  size?: string;
  intro: string | null;
  formError: string | undefined;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  proof: SignProofState;
  proofWords: SignProofWords;
  labelId: string;
  errors: { password?: string; code?: string };
  onMethodChange?: () => void;
  /** Focus the password or code on opening (the dialog's own fields may take it instead). */
  autoFocus?: boolean;
  cancelLabel: string;
  submitLabel: string;
  pending: boolean;
  children?: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate aria-label={formLabel}>
        <Stack>
          {intro && <Text size="sm">{intro}</Text>}
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {children}
          <SignProofFields
            state={proof}
            words={proofWords}
            labelId={labelId}
            errors={errors}
            onMethodChange={onMethodChange}
            autoFocus={autoFocus}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
