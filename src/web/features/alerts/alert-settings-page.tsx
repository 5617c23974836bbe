import { Button, Card, Group, NumberInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AlertSettings, alertSettingsSchema } from "../../../core/alerts/alerts.schema";
import { usePageTitle } from "../../app/use-page-title";
import { requestErrorKey } from "../admin/form-errors";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { useAlertSettings, useUpdateAlertSettings } from "./api/alert-settings";

type Field = keyof AlertSettings;
const FIELDS: readonly Field[] = ["emergencyEscalationMinutes", "urgentEscalationMinutes"];

/** Program settings: how long urgent and emergency alerts may wait before the clinical director is brought in. */
export function AlertSettingsPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("alertSettings.title"));
  const settings = useAlertSettings();
  const save = useUpdateAlertSettings();
  const [draft, setDraft] = useState<Record<Field, number | string> | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  const submit = () => {
    if (!draft) return;
    const parsed = alertSettingsSchema.safeParse({
      emergencyEscalationMinutes: Number(draft.emergencyEscalationMinutes),
      urgentEscalationMinutes: Number(draft.urgentEscalationMinutes),
    });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] ??= issue.code === "custom" ? t("alertSettings.order") : t("alertSettings.range");
      }
      setErrors(next);
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: "green", message: t("alertSettings.saved") }),
      onError: (error) => notifications.show({ color: "red", message: t(requestErrorKey(error)) }),
    });
  };

  return (
    <Stack maw={720}>
      <PageHeader title={t("alertSettings.title")} />
      <Text>{t("alertSettings.intro")}</Text>
      {settings.isPending && <TableSkeleton rows={2} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {draft && (
        <Card withBorder padding="lg">
          <Stack
            component="form"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            {FIELDS.map((field) => (
              <NumberInput
                key={field}
                label={t(`alertSettings.${field}`)}
                description={t("alertSettings.minutesHelp")}
                min={1}
                max={1440}
                allowDecimal={false}
                value={draft[field]}
                error={errors[field]}
                onChange={(value) => setDraft({ ...draft, [field]: value })}
                maw={240}
              />
            ))}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t("actions.save")}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
