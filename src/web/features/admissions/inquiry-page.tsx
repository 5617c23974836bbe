import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck, IconShieldLock } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { BEST_TIMES, CONTACT_METHODS, FOR_WHOM } from "../../../core/admissions/inquiries.schema";
import { type SelfCheckOutcome, selfCheckOutcomeSchema } from "../../../core/admissions/self-check";
import { ApiError } from "../../app/api-client";
import { PublicLayout } from "../../app/public-layout";
import { focusFirstError, showServerFieldErrors, useErrorText } from "../identity/form-errors";
import { usePublicSites } from "./api/get-public-sites";
import { type InquiryReceipt, useSubmitInquiry } from "./api/submit-inquiry";
import { ChoiceFieldset, withFieldsetFocus } from "./choice-fieldset";
import { WRAPPING_BUTTON } from "./get-help-page";
import {
  EMPTY_INQUIRY,
  INQUIRY_FIELDS,
  type InquiryValues,
  toInquiryInput,
  usesPhone,
  validateInquiry,
} from "./inquiry-values";

/** Bots fill every field; people never see this one. Off-screen rather than display:none, which bots skip. */
const OFF_SCREEN = {
  position: "absolute",
  left: "-10000px",
  top: "auto",
  width: 1,
  height: 1,
  overflow: "hidden",
} as const;

/** The self-check outcome carried in `?result=`, if it is one we know. */
function useCarriedOutcome(): SelfCheckOutcome | null {
  const [params] = useSearchParams();
  const parsed = selfCheckOutcomeSchema.safeParse(params.get("result"));
  return parsed.success ? parsed.data : null;
}

/** `/get-help/inquiry`: ask the intake team to get in touch; no account needed. */
export function InquiryPage() {
  const { t } = useTranslation();
  const submitInquiry = useSubmitInquiry();
  const title = submitInquiry.data ? t("getHelp.inquiry.sentTitle") : t("getHelp.inquiry.title");
  return (
    <PublicLayout
      title={title}
      intro={submitInquiry.data ? undefined : t("getHelp.inquiry.intro")}
      width={560}
    >
      {submitInquiry.data ? (
        <InquiryConfirmation receipt={submitInquiry.data} />
      ) : (
        <InquiryForm submitInquiry={submitInquiry} />
      )}
      <Group justify="center">
        <Anchor component={Link} to="/get-help" size="sm">
          {t("getHelp.inquiry.backToGetHelp")}
        </Anchor>
      </Group>
    </PublicLayout>
  );
}

function InquiryForm({ submitInquiry }: { submitInquiry: ReturnType<typeof useSubmitInquiry> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const sites = usePublicSites();
  const carried = useCarriedOutcome();
  const [outcome, setOutcome] = useState<SelfCheckOutcome | null>(carried);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<InquiryValues>({
    mode: "controlled",
    name: "inquiry",
    initialValues: EMPTY_INQUIRY,
    validate: (values) => validateInquiry(values, outcome),
  });
  const focusable = withFieldsetFocus(form);

  const siteList = sites.data?.sites;
  const onlySite = siteList?.length === 1 ? siteList[0]!.id : null;
  // Arriving from a program page (`?site=`): start with that location, if it is one we know.
  const askedSite = useSearchParams()[0].get("site");
  const presetSite = onlySite ?? siteList?.find((site) => site.id === askedSite)?.id ?? null;
  const { setFieldValue } = form;
  const chosenSite = form.values.siteId;
  useEffect(() => {
    if (presetSite && chosenSite === "") setFieldValue("siteId", presetSite);
  }, [presetSite, chosenSite, setFieldValue]);

  const submit = form.onSubmit(
    (values) => {
      const input = toInquiryInput(values, outcome);
      if (!input) return;
      setFormError(null);
      submitInquiry.mutate(input, {
        onError: (error) => {
          if (error instanceof ApiError && (error.status === 429 || error.code === "RATE_LIMITED")) {
            setFormError("getHelp.inquiry.rateLimited");
            return;
          }
          if (!showServerFieldErrors(focusable, error, INQUIRY_FIELDS)) setFormError("common.somethingWrong");
        },
      });
    },
    (errors) => focusFirstError(focusable, INQUIRY_FIELDS, errors),
  );

  const forLovedOne = form.values.forWhom === "loved_one";
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate pos="relative">
      <Stack gap="lg">
        <div aria-live="assertive">
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {t(formError)}
            </Alert>
          )}
        </div>
        {sites.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text>{t("getHelp.inquiry.sitesFailed")}</Text>
              <Button size="xs" variant="default" onClick={() => sites.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <NativeSelect
            label={t("getHelp.inquiry.location")}
            required
            size="md"
            disabled={sites.isPending}
            data={[
              ...(onlySite
                ? []
                : [
                    {
                      value: "",
                      label: sites.isPending ? t("common.loading") : t("getHelp.inquiry.chooseLocation"),
                      disabled: true,
                    },
                  ]),
              ...(siteList ?? []).map((site) => ({ value: site.id, label: site.name })),
            ]}
            {...form.getInputProps("siteId")}
            error={errorText(form.errors.siteId)}
          />
        )}
        <ChoiceFieldset
          legend={t("getHelp.inquiry.forWhom")}
          dataPath="inquiry-forWhom"
          required
          options={FOR_WHOM.map((value) => ({ value, label: t(`getHelp.inquiry.forWhomOptions.${value}`) }))}
          value={form.values.forWhom}
          onChange={(value) => form.setFieldValue("forWhom", value)}
          error={errorText(form.errors.forWhom)}
        />
        <TextInput
          label={forLovedOne ? t("getHelp.inquiry.nameLovedOne") : t("getHelp.inquiry.nameSelf")}
          description={t("getHelp.inquiry.nameHelp")}
          required
          size="md"
          autoComplete={forLovedOne ? "off" : "given-name"}
          {...form.getInputProps("name")}
          error={errorText(form.errors.name)}
        />
        {forLovedOne && (
          <TextInput
            label={t("getHelp.inquiry.contactName")}
            description={t("getHelp.inquiry.contactNameHelp")}
            required
            size="md"
            autoComplete="name"
            {...form.getInputProps("contactName")}
            error={errorText(form.errors.contactName)}
          />
        )}
        <ChoiceFieldset
          legend={t("getHelp.inquiry.contactMethod")}
          dataPath="inquiry-contactMethod"
          required
          options={CONTACT_METHODS.map((value) => ({
            value,
            label: t(`getHelp.inquiry.contactMethods.${value}`),
          }))}
          value={form.values.contactMethod}
          onChange={(value) => form.setFieldValue("contactMethod", value)}
          error={errorText(form.errors.contactMethod)}
        />
        {usesPhone(form.values) && (
          <TextInput
            label={t("getHelp.inquiry.phone")}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            size="md"
            {...form.getInputProps("phone")}
            error={errorText(form.errors.phone)}
          />
        )}
        {form.values.contactMethod === "email" && (
          <TextInput
            label={t("getHelp.inquiry.email")}
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            required
            size="md"
            {...form.getInputProps("email")}
            error={errorText(form.errors.email)}
          />
        )}
        <NativeSelect
          label={t("getHelp.inquiry.bestTime")}
          size="md"
          data={BEST_TIMES.map((value) => ({ value, label: t(`getHelp.inquiry.bestTimes.${value}`) }))}
          {...form.getInputProps("bestTime")}
          error={errorText(form.errors.bestTime)}
        />
        <Textarea
          label={t("getHelp.inquiry.lookingFor")}
          description={t("getHelp.inquiry.lookingForHelp")}
          size="md"
          rows={4}
          {...form.getInputProps("lookingFor")}
          error={errorText(form.errors.lookingFor)}
        />
        {outcome && (
          <Card withBorder padding="md" component="section" aria-labelledby="carried-result-title">
            <Stack gap={4} align="flex-start">
              <Text fw={600} id="carried-result-title">
                {t("getHelp.inquiry.selfCheckResult")}
              </Text>
              <Text>{t(`getHelp.selfCheck.outcomes.${outcome}.title`)}</Text>
              <Text size="sm" c="dimmed">
                {t("getHelp.inquiry.selfCheckResultHelp")}
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={() => setOutcome(null)}>
                {t("getHelp.inquiry.removeResult")}
              </Anchor>
            </Stack>
          </Card>
        )}
        <div aria-hidden="true" style={OFF_SCREEN}>
          <label htmlFor="inquiry-website">{t("getHelp.inquiry.website")}</label>
          <input
            id="inquiry-website"
            type="text"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={form.values.website}
            onChange={(event) => form.setFieldValue("website", event.currentTarget.value)}
          />
        </div>
        <Alert
          color="blue"
          variant="light"
          icon={<IconShieldLock aria-hidden />}
          role="note"
          title={t("getHelp.inquiry.privacyTitle")}
        >
          {t("getHelp.inquiry.privacyBody")}
        </Alert>
        <Button type="submit" size="md" styles={WRAPPING_BUTTON} loading={submitInquiry.isPending}>
          {t("getHelp.inquiry.submit")}
        </Button>
      </Stack>
    </Card>
  );
}

function InquiryConfirmation({ receipt }: { receipt: InquiryReceipt }) {
  const { t } = useTranslation();
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => {
    status.current?.focus();
  }, []);
  return (
    <Stack>
      <Alert
        ref={status}
        tabIndex={-1}
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        role="status"
      >
        <Stack gap="xs">
          <Text fw={700} size="lg">
            <Trans
              i18nKey="getHelp.inquiry.reference"
              values={{ reference: receipt.reference }}
              components={{ nowrap: <span style={{ whiteSpace: "nowrap" }} /> }}
            />
          </Text>
          <Text>{t("getHelp.inquiry.contactWithin", { count: receipt.contactWithinHours })}</Text>
          <Text size="sm">{t("getHelp.inquiry.referenceHelp")}</Text>
        </Stack>
      </Alert>
      <Stack component="section" aria-labelledby="next-steps-title" gap="xs">
        <Title order={2} size="h3" id="next-steps-title">
          {t("getHelp.inquiry.nextTitle")}
        </Title>
        <List type="ordered" spacing="xs">
          <List.Item>{t("getHelp.inquiry.nextCall")}</List.Item>
          <List.Item>{t("getHelp.inquiry.nextScreening")}</List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
