import {
  Alert,
  Button,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type NoticeSettings, noticeSettingsSchema } from "../../../../core/privacy/notice.schema";
import { ApiError } from "../../../app/api-client";
import { usePageTitle } from "../../../app/use-page-title";
import { useCurrentNotice } from "../api/get-current-notice";
import { useUpdateNoticeSettings } from "../api/update-notice-settings";
import { NoticeDocument } from "../components/notice-document";

type Errors = Partial<Record<keyof NoticeSettings, string>>;
const TEXT_FIELDS = ["programName", "contactName", "contactTitle", "contactPhone", "contactEmail"] as const;

/** /staff/admin/patient-notice — the settings that fill in the Patient Notice (settings.manage), with a preview. */
export function NoticeSettingsPage() {
  const { t, i18n } = useTranslation("privacy");
  usePageTitle(t("admin.title"));
  const current = useCurrentNotice();
  const update = useUpdateNoticeSettings();
  const [values, setValues] = useState<NoticeSettings | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [language, setLanguage] = useState<"en" | "es">(i18n.language.startsWith("es") ? "es" : "en");
  useEffect(() => {
    if (current.data && values === null) setValues(current.data.settings);
  }, [current.data, values]);

  const set = <K extends keyof NoticeSettings>(key: K, value: NoticeSettings[K]) => {
    setValues((v) => (v ? { ...v, [key]: value } : v));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = () => {
    if (!values) return;
    const parsed = noticeSettingsSchema.safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof NoticeSettings] = issue.message;
      setErrors(next);
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: (saved) => {
        setValues(saved.settings);
        notifications.show({ color: "green", message: t("admin.saved", { version: saved.version }) });
      },
      onError: (error) => {
        if (error instanceof ApiError) {
          const next: Errors = {};
          for (const f of error.fields) next[f.path as keyof NoticeSettings] = f.message;
          setErrors(next);
        }
      },
    });
  };

  if (current.isPending || (current.data && !values)) return <Skeleton h={400} />;
  if (current.isError || !values) {
    return (
      <Alert color="red" role="alert">
        {t("admin.loadError")}
      </Alert>
    );
  }
  const missing = current.data.missingSettings;
  return (
    <Stack maw={820}>
      <Title order={1}>{t("admin.title")}</Title>
      <Text>{t("admin.intro")}</Text>
      <Alert color="yellow">{t("admin.counselNote")}</Alert>
      {missing.length > 0 && (
        <Alert color="red" variant="light">
          {t("admin.missing", { fields: missing.map((m) => t(`admin.missingFields.${m}`)).join(", ") })}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack>
          <Textarea
            label={t("admin.header")}
            required
            autosize
            minRows={2}
            value={values.header}
            error={errors.header}
            onChange={(e) => set("header", e.currentTarget.value)}
          />
          <Textarea
            label={t("admin.headerEs")}
            required
            autosize
            minRows={2}
            value={values.headerEs}
            error={errors.headerEs}
            onChange={(e) => set("headerEs", e.currentTarget.value)}
          />
          {TEXT_FIELDS.map((field) => (
            <TextInput
              key={field}
              label={t(`admin.${field}`)}
              required={field === "programName"}
              type={field === "contactEmail" ? "email" : field === "contactPhone" ? "tel" : "text"}
              value={values[field]}
              error={errors[field]}
              onChange={(e) => set(field, e.currentTarget.value)}
            />
          ))}
          <TextInput
            type="date"
            label={t("admin.effectiveOn")}
            required
            value={values.effectiveOn}
            error={errors.effectiveOn}
            onChange={(e) => set("effectiveOn", e.currentTarget.value)}
          />
          <Checkbox
            label={t("admin.fundraises")}
            checked={values.fundraises}
            onChange={(e) => set("fundraises", e.currentTarget.checked)}
          />
          {update.isError && !(update.error instanceof ApiError && update.error.fields.length > 0) && (
            <Alert color="red" role="alert">
              {update.error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t("admin.save")}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={2} size="h3">
        {t("admin.preview")}
      </Title>
      <NoticeDocument settings={values} language={language} onLanguage={setLanguage} headingLevel={2} />
    </Stack>
  );
}
