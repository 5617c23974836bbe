import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffInvitationSchema } from "../../../core/identity/accounts.schema";
import { LOCALES, type Locale, type StaffRole } from "../../../core/identity/identity.schema";
import { ApiError } from "../../app/api-client";
import { useInviteUser } from "./api/invite-user";
import {
  applyServerFieldErrors,
  emailErrorKey,
  requestErrorKey,
  schemaErrors,
  useFieldErrorText,
} from "./form-errors";
import { StaffAccessFields } from "./staff-access-fields";

export interface StaffInviteValues {
  displayName: string;
  email: string;
  roles: StaffRole[];
  siteIds: string[];
  requiresCosign: boolean;
  locale: Locale;
}
const FIELDS = ["displayName", "email", "roles", "siteIds", "requiresCosign", "locale"];

/** Validate with the server's invitation schema; errors are dictionary keys. */
export function validateStaffInvite(values: StaffInviteValues) {
  return schemaErrors(staffInvitationSchema, { ...values, kind: "staff" }, (field) => {
    if (field === "email") return emailErrorKey(values.email);
    if (field === "displayName")
      return values.displayName.trim() === "" ? "errors.nameRequired" : "errors.nameTooLong";
    if (field === "roles") return "errors.rolesRequired";
    if (field === "siteIds") return "errors.sitesRequired";
    return "errors.invalid";
  });
}

const INITIAL: StaffInviteValues = {
  displayName: "",
  email: "",
  roles: [],
  siteIds: [],
  requiresCosign: false,
  locale: "en",
};

/** Invite a staff member: name, email, roles, sites, co-signature, language. */
export function InviteStaffModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const invite = useInviteUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<StaffInviteValues>({
    mode: "controlled",
    initialValues: INITIAL,
    validate: validateStaffInvite,
  });

  const close = () => {
    form.reset();
    invite.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    invite.mutate(
      { ...values, kind: "staff" },
      {
        onSuccess: (created) => {
          notifications.show({
            color: created.emailQueued ? "green" : "yellow",
            message: created.emailQueued
              ? t("users.invite.sent", { email: values.email.trim() })
              : t("users.invite.notEmailed", { email: values.email.trim() }),
          });
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === "IDENTITY_EMAIL_TAKEN") {
            form.setFieldError("email", t("errors.emailTaken"));
            return;
          }
          if (!applyServerFieldErrors(error, FIELDS, form.setFieldError))
            setFormError(requestErrorKey(error));
        },
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title={t("users.invite.title")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {t(formError)}
            </Alert>
          )}
          <TextInput
            label={t("users.fields.name")}
            required
            autoComplete="off"
            {...form.getInputProps("displayName")}
            error={errorText(form.errors.displayName)}
          />
          <TextInput
            label={t("users.fields.email")}
            type="email"
            required
            spellCheck={false}
            autoComplete="off"
            {...form.getInputProps("email")}
            error={errorText(form.errors.email)}
          />
          <StaffAccessFields form={form} />
          <NativeSelect
            label={t("users.fields.language")}
            data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            {...form.getInputProps("locale")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("users.invite.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
