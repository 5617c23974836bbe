import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { participantInvitationSchema } from "../../../core/identity/accounts.schema";
import { LOCALES, type Locale } from "../../../core/identity/identity.schema";
import { ApiError } from "../../app/api-client";
import { useInviteUser } from "../admin/api/invite-user";
import {
  applyServerFieldErrors,
  emailErrorKey,
  requestErrorKey,
  schemaErrors,
  useFieldErrorText,
} from "../admin/form-errors";

interface Values {
  email: string;
  locale: Locale;
}

/** Invite a participant to the participant portal with their email address. */
export function InviteParticipantModal({
  participantId,
  name,
  locale,
  onClose,
}: {
  participantId: string;
  name: string;
  locale: Locale;
  onClose: () => void;
}) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const invite = useInviteUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { email: "", locale },
    validate: (values) =>
      schemaErrors(participantInvitationSchema, { ...values, kind: "participant", participantId }, () =>
        emailErrorKey(values.email),
      ),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    invite.mutate(
      { kind: "participant", participantId, email: values.email, locale: values.locale },
      {
        onSuccess: (created) => {
          notifications.show({
            color: created.emailQueued ? "green" : "yellow",
            message: created.emailQueued
              ? t("users.invite.sent", { email: values.email.trim() })
              : t("users.invite.notEmailed", { email: values.email.trim() }),
          });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === "IDENTITY_EMAIL_TAKEN") {
            form.setFieldError("email", t("errors.emailTaken"));
            return;
          }
          if (!applyServerFieldErrors(error, ["email", "locale"], form.setFieldError))
            setFormError(requestErrorKey(error));
        },
      },
    );
  });
  return (
    <Modal opened onClose={onClose} title={t("record.invite.title", { name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t("record.invite.body")}</Text>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {t(formError)}
            </Alert>
          )}
          <TextInput
            label={t("users.fields.email")}
            type="email"
            required
            spellCheck={false}
            autoComplete="off"
            {...form.getInputProps("email")}
            error={errorText(form.errors.email)}
          />
          <NativeSelect
            label={t("users.fields.language")}
            data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            {...form.getInputProps("locale")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("record.invite.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
