import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CheckInSettings,
  checkInSettingsSchema,
  DEFAULT_CHECK_IN_SETTINGS,
} from "../../../../core/check-ins/check-in.schema";
import { ApiError } from "../../../app/api-client";
import { usePageTitle } from "../../../app/use-page-title";
import { useMyPermissions } from "../../admin/api/get-my-permissions";
import { LoadError, PageHeader, TableSkeleton } from "../../admin/page-states";
import { useCheckInSettings } from "./api/get-check-in-settings";
import { useUpdateCheckInSettings } from "./api/update-check-in-settings";

const ALERT_FIELDS = ["cravingWarningAt", "moodWarningAt", "missingDays"] as const;
const QUEUE_FIELDS = ["maxQueuedDays"] as const;
type Field = keyof CheckInSettings;
type Draft = Record<Field, number | string>;
type Errors = Partial<Record<Field, string>>;

/** Each field's range, read from the settings schema (the form shows it; the schema decides). */
function rangeOf(field: Field): { min: number; max: number } {
  const schema = checkInSettingsSchema.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 30 };
}

/**
 * Administration → Check-in settings: the craving and mood thresholds that alert the counselor, the
 * days without a check-in before the counselor hears of it, and how old a check-in that waited on a
 * phone may be. The defaults are the issue's; no source fixes them, so the program decides.
 */
export function CheckInSettingsPage() {
  const { t } = useTranslation("checkInsStaff");
  usePageTitle(t("settings.title"));
  const settings = useCheckInSettings();
  const permissions = useMyPermissions();
  const canEdit = permissions.data?.includes("settings.manage") ?? false;
  const ready = settings.data && !permissions.isPending ? settings.data : undefined;
  return (
    <Stack maw={860}>
      <PageHeader title={t("settings.title")} />
      <Text>{t("settings.intro")}</Text>
      {(settings.isPending || permissions.isPending) && <TableSkeleton rows={4} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {ready && !canEdit && (
        <Alert color="gray" variant="light">
          {t("settings.readOnly")}
        </Alert>
      )}
      {ready && <CheckInSettingsForm settings={ready} canEdit={canEdit} />}
    </Stack>
  );
}

function CheckInSettingsForm({ settings, canEdit }: { settings: CheckInSettings; canEdit: boolean }) {
  const { t } = useTranslation("checkInsStaff");
  const save = useUpdateCheckInSettings();
  const [draft, setDraft] = useState<Draft>(() => ({ ...settings }));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const alertsHeading = useId();
  const queueHeading = useId();

  useEffect(() => setDraft({ ...settings }), [settings]);

  const reset = (to: CheckInSettings) => {
    setDraft({ ...to });
    setErrors({});
    setFormError(null);
  };

  const submit = () => {
    setFormError(null);
    const found: Errors = {};
    for (const field of [...ALERT_FIELDS, ...QUEUE_FIELDS]) {
      const value = draft[field];
      const { min, max } = rangeOf(field);
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        found[field] = t("settings.errors.range", { min, max });
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t("settings.errors.fixBelow"));
      return;
    }
    save.mutate(checkInSettingsSchema.parse(draft), {
      onSuccess: () => notifications.show({ color: "green", message: t("settings.saved") }),
      onError: (error) => {
        const fields = error instanceof ApiError ? error.fields : [];
        if (fields.length > 0) {
          setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
          setFormError(t("settings.errors.fixBelow"));
        } else setFormError(t("settings.errors.failed"));
      },
    });
  };

  const numberInput = (field: Field) => {
    const { min, max } = rangeOf(field);
    return (
      <NumberInput
        key={field}
        label={t(`settings.fields.${field}`)}
        description={t(`settings.descriptions.${field}`, { value: DEFAULT_CHECK_IN_SETTINGS[field] })}
        min={min}
        max={max}
        step={1}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        disabled={!canEdit}
        value={draft[field]}
        onChange={(value) => setDraft((d) => ({ ...d, [field]: value }))}
        error={errors[field]}
      />
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby={alertsHeading}>
          <Stack>
            <Title order={2} size="h3" id={alertsHeading}>
              {t("settings.alertsTitle")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>{ALERT_FIELDS.map(numberInput)}</SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby={queueHeading}>
          <Stack>
            <Title order={2} size="h3" id={queueHeading}>
              {t("settings.queueTitle")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>{QUEUE_FIELDS.map(numberInput)}</SimpleGrid>
          </Stack>
        </Card>
        {canEdit && (
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => reset(DEFAULT_CHECK_IN_SETTINGS)}>
              {t("settings.useDefaults")}
            </Button>
            <Group>
              <Button variant="default" onClick={() => reset(settings)}>
                {t("settings.discard")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("settings.save")}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}
