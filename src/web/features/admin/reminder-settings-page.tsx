import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  MAX_HOURS_BEFORE,
  type ReminderSettings,
  type ReminderSettingsView,
  reminderSettingsSchema,
} from "../../../core/schedule/reminder-settings.schema";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { useReminderSettings, useUpdateReminderSettings } from "./api/reminder-settings";
import { requestErrorKey } from "./form-errors";
import { LoadError, PageHeader, TableSkeleton } from "./page-states";

/** A draft as the form holds it: the number input may hold text while someone types. */
type Draft = Omit<ReminderSettings, "sameDay"> & {
  sameDay: { enabled: boolean; hoursBefore: number | string };
};
type Errors = Partial<Record<string, string>>;

/** Our words for each field's problem (the schema decides; its English messages are for the API). */
const ERROR_KEYS: Record<string, string> = {
  "dayBefore.at": "reminderSettings.errors.time",
  "sameDay.hoursBefore": "reminderSettings.errors.hours",
  "channels.sms": "reminderSettings.errors.noSms",
  contactPhone: "reminderSettings.errors.phone",
};

function toDraft(view: ReminderSettingsView): Draft {
  const { smsChannel: _channel, ...settings } = view;
  return settings;
}

function toSettings(draft: Draft): unknown {
  const hours = draft.sameDay.hoursBefore;
  return {
    ...draft,
    sameDay: { ...draft.sameDay, hoursBefore: hours === "" ? Number.NaN : Number(hours) },
  };
}

/**
 * The program's session reminders: a reminder the day before at a local time, one on the day some
 * hours before, by email and (when the server has an SMS channel) text message, whether a video link
 * may go in an email, and the number people are told to call.
 */
export function ReminderSettingsPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("reminderSettings.title"));
  const settings = useReminderSettings();

  return (
    <Stack maw={760}>
      <PageHeader title={t("reminderSettings.title")} />
      <Text>{t("reminderSettings.intro")}</Text>
      {settings.isPending && <TableSkeleton rows={5} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <ReminderForm view={settings.data} />}
    </Stack>
  );
}

function ReminderForm({ view }: { view: ReminderSettingsView }) {
  const { t, i18n } = useTranslation("admin");
  const save = useUpdateReminderSettings();
  const [draft, setDraft] = useState<Draft>(() => toDraft(view));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const whenHeading = useId();
  const howHeading = useId();
  const smsAvailable = view.smsChannel !== "none";

  useEffect(() => {
    setDraft(toDraft(view));
  }, [view]);

  const message = (path: string, fallback: string) => {
    const key = ERROR_KEYS[path];
    return key && i18n.exists(key, { ns: "admin" }) ? t(key) : fallback;
  };

  const submit = () => {
    setFormError(null);
    const parsed = reminderSettingsSchema.safeParse(toSettings(draft));
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        next[path] ??= message(path, issue.message);
      }
      setErrors(next);
      setFormError(t("reminderSettings.errors.fixBelow"));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: "green", message: t("reminderSettings.saved") }),
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length > 0) {
          const next: Errors = {};
          for (const f of error.fields) next[f.path] ??= message(f.path, f.message);
          setErrors(next);
          setFormError(t("reminderSettings.errors.fixBelow"));
        } else setFormError(t(requestErrorKey(error)));
      },
    });
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
        <Card withBorder padding="lg" component="section" aria-labelledby={whenHeading}>
          <Stack>
            <Title order={2} size="h3" id={whenHeading}>
              {t("reminderSettings.when.title")}
            </Title>
            <Switch
              label={t("reminderSettings.when.dayBefore")}
              checked={draft.dayBefore.enabled}
              onChange={(event) =>
                setDraft({
                  ...draft,
                  dayBefore: { ...draft.dayBefore, enabled: event.currentTarget.checked },
                })
              }
            />
            <TextInput
              label={t("reminderSettings.when.dayBeforeAt")}
              description={t("reminderSettings.when.dayBeforeAtHelp")}
              value={draft.dayBefore.at}
              disabled={!draft.dayBefore.enabled}
              onChange={(event) =>
                setDraft({ ...draft, dayBefore: { ...draft.dayBefore, at: event.currentTarget.value } })
              }
              error={errors["dayBefore.at"]}
              maw={240}
            />
            <Switch
              label={t("reminderSettings.when.sameDay")}
              checked={draft.sameDay.enabled}
              onChange={(event) =>
                setDraft({ ...draft, sameDay: { ...draft.sameDay, enabled: event.currentTarget.checked } })
              }
            />
            <NumberInput
              label={t("reminderSettings.when.hoursBefore")}
              description={t("reminderSettings.when.hoursBeforeHelp", { max: MAX_HOURS_BEFORE })}
              value={draft.sameDay.hoursBefore}
              disabled={!draft.sameDay.enabled}
              min={1}
              max={MAX_HOURS_BEFORE}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              onChange={(value) => setDraft({ ...draft, sameDay: { ...draft.sameDay, hoursBefore: value } })}
              error={errors["sameDay.hoursBefore"]}
              maw={240}
            />
            <Text size="sm" c="dimmed">
              {t("reminderSettings.when.never")}
            </Text>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby={howHeading}>
          <Stack>
            <Title order={2} size="h3" id={howHeading}>
              {t("reminderSettings.how.title")}
            </Title>
            <Checkbox
              label={t("reminderSettings.how.email")}
              description={t("reminderSettings.how.emailHelp")}
              checked={draft.channels.email}
              onChange={(event) =>
                setDraft({ ...draft, channels: { ...draft.channels, email: event.currentTarget.checked } })
              }
            />
            <Checkbox
              label={t("reminderSettings.how.sms")}
              description={
                smsAvailable ? t("reminderSettings.how.smsHelp") : t("reminderSettings.how.smsUnavailable")
              }
              checked={draft.channels.sms}
              disabled={!smsAvailable && !draft.channels.sms}
              onChange={(event) =>
                setDraft({ ...draft, channels: { ...draft.channels, sms: event.currentTarget.checked } })
              }
              error={errors["channels.sms"]}
            />
            <Switch
              label={t("reminderSettings.how.videoLink")}
              description={t("reminderSettings.how.videoLinkHelp")}
              checked={draft.videoLinkInEmail}
              onChange={(event) => setDraft({ ...draft, videoLinkInEmail: event.currentTarget.checked })}
            />
            <TextInput
              label={t("reminderSettings.how.contactPhone")}
              description={t("reminderSettings.how.contactPhoneHelp")}
              value={draft.contactPhone}
              onChange={(event) => setDraft({ ...draft, contactPhone: event.currentTarget.value })}
              error={errors.contactPhone}
              maw={320}
            />
            <Text size="sm" c="dimmed">
              {t("reminderSettings.how.privacy")}
            </Text>
          </Stack>
        </Card>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              setDraft(toDraft(view));
              setErrors({});
              setFormError(null);
            }}
          >
            {t("actions.discard")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("actions.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
