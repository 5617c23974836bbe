import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { addendumInputSchema } from "../../../core/notes/note.schema";
import { ApiError } from "../../app/api-client";
import { type NoteSignProof, useNoteRequestErrorText } from "./session-note-sign-modal";

type Field = "reason" | "body" | "password" | "code" | "form";

/**
 * Add to a signed note: why (a correction, later information) and what, signed on writing with the
 * password or an authenticator code. The signed note itself never changes. Used for session notes
 * and counseling notes.
 */
export function NoteAddendumModal({
  pending,
  add,
  onClose,
}: {
  pending: boolean;
  add: (input: { reason: string; body: string } & NoteSignProof) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation("sessionNotes");
  const errorText = useNoteRequestErrorText();
  const [reason, setReason] = useState("");
  const [body, setBody] = useState("");
  const [method, setMethod] = useState<"password" | "code">("password");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const parsed = addendumInputSchema.safeParse({ reason, body });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0]) as Field;
        found[path] ??= path === "reason" ? t("addendum.reasonRequired") : t("addendum.bodyRequired");
      }
    }
    if (method === "password" && password === "") found.password = t("sign.passwordRequired");
    if (method === "code" && !/^\d{6}$/.test(code)) found.code = t("sign.codeFormat");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await add({
        reason: reason.trim(),
        body: body.trim(),
        ...(method === "password" ? { password } : { code }),
      });
      notifications.show({ color: "green", message: t("addendum.added") });
      onClose();
    } catch (error) {
      const next: Partial<Record<Field, string>> = {};
      for (const f of error instanceof ApiError ? error.fields : []) {
        const path = f.path as Field;
        if (["reason", "body", "password", "code"].includes(path)) next[path] ??= f.message;
      }
      if (Object.keys(next).length === 0) next.form = errorText(error);
      setErrors(next);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("addendum.title")} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("addendum.title")}>
        <Stack>
          <Text size="sm">{t("addendum.intro")}</Text>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextInput
            label={t("addendum.reason")}
            description={t("addendum.reasonHint")}
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
            data-autofocus
          />
          <Textarea
            label={t("addendum.body")}
            autosize
            minRows={4}
            maxLength={6000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            required
          />
          <div>
            <Text size="sm" fw={500} id="addendum-method-label" mb={4}>
              {t("sign.method")}
            </Text>
            <SegmentedControl
              aria-labelledby="addendum-method-label"
              value={method}
              onChange={(value) => setMethod(value as "password" | "code")}
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
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("addendum.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
