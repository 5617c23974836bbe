import { MultiSelect, Switch } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { StaffRole } from "../../../core/identity/identity.schema";
import { useSites } from "./api/get-sites";
import { useFieldErrorText } from "./form-errors";
import { roleOptions } from "./role-options";

export interface StaffAccessValues {
  roles: StaffRole[];
  siteIds: string[];
  requiresCosign: boolean;
}

/** What a staff member may do and where: roles, sites and the co-signature requirement (invite and edit). */
export function StaffAccessFields<T extends StaffAccessValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const sites = useSites();
  return (
    <>
      <MultiSelect
        label={t("users.fields.roles")}
        required
        data={roleOptions(t)}
        {...form.getInputProps("roles")}
        error={errorText(form.errors.roles)}
      />
      <MultiSelect
        label={t("users.fields.sites")}
        required
        searchable
        data={(sites.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
        nothingFoundMessage={sites.isError ? t("users.sitesUnavailable") : t("users.noSitesFound")}
        {...form.getInputProps("siteIds")}
        error={errorText(form.errors.siteIds)}
      />
      <Switch
        label={t("users.fields.requiresCosign")}
        description={t("users.fields.requiresCosignHelp")}
        {...form.getInputProps("requiresCosign", { type: "checkbox" })}
      />
    </>
  );
}
