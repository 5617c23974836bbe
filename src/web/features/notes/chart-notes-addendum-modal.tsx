import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Radio,
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
import { type AddendumSignInput, useAddAddendum } from "./api/chart-notes-add-addendum";

type Method = "password" | "code";
type FieldName = "reason" | "body" | "entryParticipantId" | Method | "form";
type Concerns = "entry" | "shared";

/**
 * Add a signed addendum to a note: why, what, and (on a group note) whether it concerns this
 * participant's entry or the session as a whole; confirmed with the password or an authenticator
 * code. Problems show on their field; anything else above the form.
 */
export function ChartNoteAddendumModal({
  participantId,
  noteId,
  groupNote,
  onClose,
}: {
  participantId: string;
  noteId: string;
  groupNote: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("chartNotes");
  const add = useAddAddendum(participantId);
  const [concerns, setConcerns] = useState<Concerns>("entry");
  const [reason, setReason] = useState("");
  const [body, setBody] = useState("");
  const [method, setMethod] = useState<Method>("password");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});

  const clientErrors = (): Partial<Record<FieldName, string>> => {
    const found: Partial<Record<FieldName, string>> = {};
    const parsed = addendumInputSchema.safeParse({ reason, body });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "reason") found.reason = t("addendum.reasonRequired");
        if (issue.path[0] === "body") found.body = t("addendum.bodyRequired");
      }
    if (method === "password" && password === "") found.password = t("addendum.passwordRequired");
    if (method === "code" && !/^\d{6}$/.test(code)) found.code = t("addendum.codeFormat");
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = clientErrors();
    if (Object.keys(found).length > 0) return setErrors(found);
    setErrors({});
    const input: AddendumSignInput = {
      reason: reason.trim(),
      body: body.trim(),
      ...(groupNote && concerns === "entry" ? { entryParticipantId: participantId } : {}),
      ...(method === "password" ? { password } : { code }),
    };
    add.mutate(
      { noteId, input },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("addendum.done") });
          onClose();
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setErrors({ form: t("addendum.generic") });
          if (error.status === 0) return setErrors({ form: t("addendum.network") });
          const onFields: Partial<Record<FieldName, string>> = {};
          const known: readonly FieldName[] = ["reason", "body", "entryParticipantId", "password", "code"];
          for (const field of error.fields) {
            const name = known.find((k) => k === field.path);
            if (name && name !== "entryParticipantId") onFields[name] = field.message;
            else onFields.form = field.message;
          }
          if (Object.keys(onFields).length === 0) onFields.form = error.message || t("addendum.generic");
          setErrors(onFields);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("addendum.title")} size="lg">
      <form onSubmit={submit} noValidate aria-label={t("addendum.title")}>
        <Stack>
          <Text size="sm">{t("addendum.intro")}</Text>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          {groupNote && (
            <Radio.Group
              label={t("addendum.concerns")}
              value={concerns}
              onChange={(value) => setConcerns(value as Concerns)}
            >
              <Stack gap={6} mt={4}>
                <Radio value="entry" label={t("addendum.concernsEntry")} />
                <Radio value="shared" label={t("addendum.concernsShared")} />
              </Stack>
            </Radio.Group>
          )}
          <TextInput
            label={t("addendum.reason")}
            description={t("addendum.reasonHint")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            maxLength={300}
            required
            data-autofocus
          />
          <Textarea
            label={t("addendum.body")}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            autosize
            minRows={4}
            maxLength={6000}
            required
          />
          <div>
            <Text size="sm" fw={500} id="addendum-method-label" mb={4}>
              {t("addendum.method")}
            </Text>
            <SegmentedControl
              aria-labelledby="addendum-method-label"
              value={method}
              onChange={(value) => {
                setMethod(value as Method);
                setErrors(({ password: _p, code: _c, ...rest }) => rest);
              }}
              data={[
                { value: "password", label: t("addendum.usePassword") },
                { value: "code", label: t("addendum.useCode") },
              ]}
            />
          </div>
          {method === "password" ? (
            <PasswordInput
              label={t("addendum.password")}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              required
            />
          ) : (
            <TextInput
              label={t("addendum.code")}
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
              {t("addendum.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("addendum.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
