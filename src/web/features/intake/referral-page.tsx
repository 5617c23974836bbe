import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { CONTACT_METHODS } from "../../../core/admissions/inquiries.schema";
import { REFERRAL_SOURCES, referralInputSchema } from "../../../core/admissions/leads.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useSites } from "../admin/api/get-sites";
import { schemaErrors } from "../admin/form-errors";
import { PageHeader } from "../admin/page-states";
import { focusFirstError, showServerFieldErrors } from "../identity/form-errors";
import { useRecordReferral } from "./api/record-referral";
import { useIntakeErrorText, useRequestErrorText } from "./intake-errors";

export interface ReferralValues {
  siteId: string;
  source: string;
  referringOrganisation: string;
  referringContact: string;
  personName: string;
  contactMethod: string;
  phone: string;
  email: string;
  lastLevelOfCare: string;
  lastDischargedOn: string;
  handoffSummary: string;
}
const REFERRAL_FIELDS = [
  "siteId",
  "source",
  "referringOrganisation",
  "referringContact",
  "personName",
  "contactMethod",
  "phone",
  "email",
  "lastLevelOfCare",
  "lastDischargedOn",
  "handoffSummary",
] as const;

const EMPTY: ReferralValues = Object.fromEntries(
  REFERRAL_FIELDS.map((f) => [f, ""]),
) as unknown as ReferralValues;

const toInput = (values: ReferralValues) => ({
  ...values,
  lastDischargedOn: values.lastDischargedOn || null,
});

/** Validate with the server's referral schema; errors are dictionary keys (namespace "intake"). */
export function validateReferral(values: ReferralValues) {
  return schemaErrors(referralInputSchema, toInput(values), (field) => {
    if (field === "siteId") return "errors.siteRequired";
    if (field === "source") return "errors.sourceRequired";
    if (field === "personName")
      return values.personName.trim() === "" ? "errors.personNameRequired" : "errors.tooLong";
    if (field === "contactMethod") return "errors.contactMethodRequired";
    if (field === "email") return "errors.emailInvalid";
    if (field === "lastDischargedOn") return "errors.dateInvalid";
    return "errors.tooLong";
  });
}

/** Record a referral from another provider, court, employer or family; then open the new lead. */
export function ReferralPage() {
  const { t } = useTranslation("intake");
  usePageTitle(t("referral.title"));
  const errorText = useIntakeErrorText();
  const requestErrorText = useRequestErrorText();
  const navigate = useNavigate();
  const sites = useSites();
  const record = useRecordReferral();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<ReferralValues>({
    mode: "controlled",
    name: "referral",
    initialValues: EMPTY,
    validate: validateReferral,
  });
  const siteList = sites.data?.sites;
  const onlySite = siteList?.length === 1 ? siteList[0]!.id : null;
  const { setFieldValue } = form;
  const chosenSite = form.values.siteId;
  useEffect(() => {
    if (onlySite && chosenSite === "") setFieldValue("siteId", onlySite);
  }, [onlySite, chosenSite, setFieldValue]);

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      record.mutate(referralInputSchema.parse(toInput(values)), {
        onSuccess: (lead) => {
          notifications.show({
            color: "green",
            message: t("referral.recorded", { reference: lead.reference }),
          });
          void navigate(`../../${lead.id}`, { relative: "path" });
        },
        onError: (error) => {
          if (!showServerFieldErrors(form, error, REFERRAL_FIELDS)) setFormError(error);
        },
      });
    },
    (errors) => focusFirstError(form, REFERRAL_FIELDS, errors),
  );
  const input = (field: (typeof REFERRAL_FIELDS)[number]) => ({
    ...form.getInputProps(field),
    error: errorText(form.errors[field]),
  });
  const choose = { value: "", label: t("referral.choose") };

  return (
    <Stack maw={900}>
      <Anchor component={Link} to=".." relative="path" size="sm">
        {t("referral.back")}
      </Anchor>
      <PageHeader title={t("referral.title")} />
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError ? (
            <Alert color="red" variant="light" role="alert">
              {requestErrorText(formError)}
            </Alert>
          ) : null}
          <Fieldset legend={t("referral.sections.source")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t("referral.fields.site")}
                required
                data={[choose, ...(siteList ?? []).map((s) => ({ value: s.id, label: s.name }))]}
                {...input("siteId")}
              />
              <NativeSelect
                label={t("referral.fields.source")}
                required
                data={[choose, ...REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))]}
                {...input("source")}
              />
              <TextInput
                label={t("referral.fields.referringOrganisation")}
                {...input("referringOrganisation")}
              />
              <TextInput label={t("referral.fields.referringContact")} {...input("referringContact")} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t("referral.sections.person")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("referral.fields.personName")}
                required
                autoComplete="off"
                {...input("personName")}
              />
              <NativeSelect
                label={t("referral.fields.contactMethod")}
                required
                data={[
                  choose,
                  ...CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethods.${m}`) })),
                ]}
                {...input("contactMethod")}
              />
              <TextInput
                label={t("referral.fields.phone")}
                type="tel"
                autoComplete="off"
                {...input("phone")}
              />
              <TextInput
                label={t("referral.fields.email")}
                type="email"
                spellCheck={false}
                autoComplete="off"
                {...input("email")}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t("referral.sections.clinical")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t("referral.fields.lastLevelOfCare")} {...input("lastLevelOfCare")} />
              <TextInput
                type="date"
                label={t("referral.fields.lastDischargedOn")}
                {...input("lastDischargedOn")}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t("referral.fields.handoffSummary")}
              description={t("referral.fields.handoffSummaryHelp")}
              rows={4}
              {...input("handoffSummary")}
            />
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" component={Link} to=".." relative="path">
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t("referral.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
