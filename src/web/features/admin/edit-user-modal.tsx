import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AdminUser, staffUpdateSchema } from "../../../core/identity/accounts.schema";
import type { StaffRole } from "../../../core/identity/identity.schema";
import { useUpdateUser } from "./api/update-user";
import { applyServerFieldErrors, requestErrorKey, schemaErrors, useFieldErrorText } from "./form-errors";
import { StaffAccessFields } from "./staff-access-fields";

interface Values {
  displayName: string;
  roles: StaffRole[];
  siteIds: string[];
  requiresCosign: boolean;
}
const FIELDS = ["displayName", "roles", "siteIds", "requiresCosign"];

export function validateStaffUpdate(values: Values) {
  return schemaErrors(staffUpdateSchema, values, (field) => {
    if (field === "displayName") return "errors.nameRequired";
    if (field === "roles") return "errors.rolesRequired";
    if (field === "siteIds") return "errors.sitesRequired";
    return "errors.invalid";
  });
}

/** Change a staff member's name, roles, sites and co-signature requirement. */
export function EditUserModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      displayName: user.displayName,
      roles: user.roles,
      siteIds: user.siteIds,
      requiresCosign: user.requiresCosign,
    },
    validate: validateStaffUpdate,
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      { id: user.id, update: values },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "green", message: t("users.edit.saved", { name: saved.displayName }) });
          onClose();
        },
        onError: (error) => {
          if (!applyServerFieldErrors(error, FIELDS, form.setFieldError))
            setFormError(requestErrorKey(error));
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t("users.edit.title", { name: user.displayName })} size="lg">
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
            {...form.getInputProps("displayName")}
            error={errorText(form.errors.displayName)}
          />
          <StaffAccessFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
