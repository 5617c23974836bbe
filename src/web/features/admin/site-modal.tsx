import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { siteInputSchema } from "../../../core/identity/accounts.schema";
import { ApiError } from "../../app/api-client";
import { useCreateSite } from "./api/create-site";
import type { Site } from "./api/get-sites";
import { useUpdateSite } from "./api/update-site";
import { applyServerFieldErrors, requestErrorKey, schemaErrors, useFieldErrorText } from "./form-errors";

interface Values {
  name: string;
  timeZone: string;
  onCallPhone: string;
}

export function validateSite(values: Values) {
  return schemaErrors(siteInputSchema, values, (field) => {
    if (field === "name") return values.name.trim() === "" ? "errors.siteNameRequired" : "errors.nameTooLong";
    if (field === "onCallPhone") return "errors.onCallPhone";
    return "errors.timeZoneRequired";
  });
}

/** Every IANA time zone this browser knows. */
const timeZones = () => Intl.supportedValuesOf("timeZone");

/** Create a site, or rename it / change its time zone or on-call line. */
export function SiteModal({ site, onClose }: { site: Site | null; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const create = useCreateSite();
  const update = useUpdateSite();
  const zones = useMemo(timeZones, []);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      name: site?.name ?? "",
      timeZone: site?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      onCallPhone: site?.onCallPhone ?? "",
    },
    validate: validateSite,
  });

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "SITE_NAME_TAKEN") {
      form.setFieldError("name", t("errors.siteNameTaken"));
      return;
    }
    if (!applyServerFieldErrors(error, ["name", "timeZone", "onCallPhone"], form.setFieldError))
      setFormError(requestErrorKey(error));
  };
  const submit = form.onSubmit((values) => {
    setFormError(null);
    const onSuccess = (saved: Site) => {
      notifications.show({
        color: "green",
        message: t(site ? "sites.saved" : "sites.created", { name: saved.name }),
      });
      onClose();
    };
    if (site) update.mutate({ id: site.id, input: values }, { onSuccess, onError });
    else create.mutate(values, { onSuccess, onError });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={site ? t("sites.editTitle", { name: site.name }) : t("sites.createTitle")}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {t(formError)}
            </Alert>
          )}
          <TextInput
            label={t("sites.fields.name")}
            required
            {...form.getInputProps("name")}
            error={errorText(form.errors.name)}
          />
          <Select
            label={t("sites.fields.timeZone")}
            description={t("sites.fields.timeZoneHelp")}
            required
            searchable
            allowDeselect={false}
            limit={50}
            data={zones}
            nothingFoundMessage={t("sites.noTimeZone")}
            {...form.getInputProps("timeZone")}
            onChange={(value) => form.setFieldValue("timeZone", value ?? "")}
            error={errorText(form.errors.timeZone)}
          />
          <TextInput
            type="tel"
            autoComplete="off"
            label={t("sites.fields.onCallPhone")}
            description={t("sites.fields.onCallPhoneHelp")}
            {...form.getInputProps("onCallPhone")}
            error={errorText(form.errors.onCallPhone)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {site ? t("actions.save") : t("sites.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
