import { Alert, Button, Card, Checkbox, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AdmissionSettings,
  ALL_LEVEL_CODES,
  admissionSettingsSchema,
  REQUIRED_OFFERED_LEVEL,
} from "../../../core/admissions/admission-settings.schema";
import { ASAM_EDITIONS, LEVELS_OF_CARE } from "../../../core/admissions/level-of-care";
import { usePageTitle } from "../../app/use-page-title";
import { useAdmissionSettings } from "../intake/api/get-admission-settings";
import { useLevelRules } from "../intake/api/get-level-rules";
import { useUpdateAdmissionSettings } from "../intake/api/update-admission-settings";
import { levelLabel } from "../participants/level-label";
import { useHasPermission, useMyPermissions } from "./api/get-my-permissions";
import { applyServerFieldErrors, requestErrorKey, schemaErrors, useFieldErrorText } from "./form-errors";
import { LevelRuleForm } from "./level-rule-form";
import { LoadError, PageHeader, TableSkeleton } from "./page-states";

interface SettingsValues {
  offeredLevels: string[];
  /** A NumberInput gives "" while empty. */
  inquiryResponseHours: number | string;
}

const SETTINGS_FIELDS = ["offeredLevels", "inquiryResponseHours"] as const;

export function validateAdmissionSettings(values: SettingsValues) {
  return schemaErrors(admissionSettingsSchema, values, (field) => {
    if (field === "inquiryResponseHours") return "admissionSettings.errors.hours";
    return values.offeredLevels.length === 0
      ? "admissionSettings.errors.levelsRequired"
      : "admissionSettings.errors.intensiveRequired";
  });
}

/** The request body: the levels in their usual order (lowest code first). */
export const toAdmissionSettings = (values: SettingsValues): AdmissionSettings => ({
  offeredLevels: ALL_LEVEL_CODES.filter((code) => values.offeredLevels.includes(code)),
  inquiryResponseHours: Number(values.inquiryResponseHours),
});

/**
 * Admissions settings: the levels of care offered, the inquiry response time and the rule that
 * suggests a level from a screening. Administrators change them; those who admit see them.
 */
export function AdmissionSettingsPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("admissionSettings.title"));
  const permissions = useMyPermissions();
  const canEdit = useHasPermission("settings.manage");
  const settings = useAdmissionSettings();
  const rules = useLevelRules();
  const levelsHeading = useId();
  const rulesHeading = useId();

  return (
    <Stack maw={880}>
      <PageHeader title={t("admissionSettings.title")} />
      {permissions.data && !canEdit && (
        <Alert color="gray" variant="light">
          {t("admissionSettings.readOnly")}
        </Alert>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby={levelsHeading}>
        <Stack>
          <Title order={2} size="h3" id={levelsHeading}>
            {t("admissionSettings.program.title")}
          </Title>
          {settings.isPending && <TableSkeleton rows={4} />}
          {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
          {settings.data && <SettingsForm settings={settings.data} canEdit={canEdit} />}
        </Stack>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby={rulesHeading}>
        <Stack>
          <Title order={2} size="h3" id={rulesHeading}>
            {t("admissionSettings.rules.title")}
          </Title>
          <Text size="sm">{t("admissionSettings.rules.intro")}</Text>
          {rules.isPending && <TableSkeleton rows={6} />}
          {rules.isError && <LoadError error={rules.error} onRetry={() => void rules.refetch()} />}
          {rules.data?.rules.map((rule, i) => (
            <LevelRuleForm
              key={rule.edition}
              rule={rule}
              isDefault={rules.data.defaults[i] ?? false}
              canEdit={canEdit}
            />
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

function SettingsForm({ settings, canEdit }: { settings: AdmissionSettings; canEdit: boolean }) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const save = useUpdateAdmissionSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SettingsValues>({
    mode: "controlled",
    initialValues: { ...settings, offeredLevels: [...settings.offeredLevels] },
    validate: validateAdmissionSettings,
  });
  const hours = Number(form.values.inquiryResponseHours);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(toAdmissionSettings(values), {
      onSuccess: (saved) => {
        const next = { ...saved, offeredLevels: [...saved.offeredLevels] };
        form.setInitialValues(next);
        form.setValues(next);
        form.resetDirty(next);
        notifications.show({ color: "green", message: t("admissionSettings.program.saved") });
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, SETTINGS_FIELDS, form.setFieldError))
          setFormError(requestErrorKey(error));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {t(formError)}
          </Alert>
        )}
        <Checkbox.Group
          label={t("admissionSettings.program.levels")}
          description={t("admissionSettings.program.levelsHelp")}
          {...form.getInputProps("offeredLevels")}
          error={errorText(form.errors.offeredLevels)}
        >
          <Stack gap="xs" mt="xs">
            {ALL_LEVEL_CODES.map((code) => (
              <Checkbox
                key={code}
                value={code}
                label={levelLabel(code, t)}
                description={
                  code === REQUIRED_OFFERED_LEVEL
                    ? t("admissionSettings.program.alwaysOffered")
                    : t(`admissionSettings.editions.${editionsKey(code)}`)
                }
                disabled={!canEdit || code === REQUIRED_OFFERED_LEVEL}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t("admissionSettings.program.hours")}
          description={
            Number.isInteger(hours) && hours >= 1
              ? t("admissionSettings.program.hoursHelp", {
                  promise: t("getHelp.inquiry.contactWithin", { ns: "translation", count: hours }),
                })
              : t("admissionSettings.program.hoursRange")
          }
          min={1}
          max={168}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={{ base: "100%", xs: 320 }}
          required
          disabled={!canEdit}
          {...form.getInputProps("inquiryResponseHours")}
          error={errorText(form.errors.inquiryResponseHours)}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button
              variant="default"
              disabled={!form.isDirty()}
              onClick={() => {
                form.reset();
                setFormError(null);
              }}
            >
              {t("actions.discard")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("admissionSettings.program.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Which edition(s) number a level with this code, as a dictionary key. */
function editionsKey(code: string): "both" | "edition3" | "edition4" {
  const editions = ASAM_EDITIONS.filter((e) => LEVELS_OF_CARE[e].some((l) => l.code === code));
  return editions.length === 2 ? "both" : editions[0] === 3 ? "edition3" : "edition4";
}
