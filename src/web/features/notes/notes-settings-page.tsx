import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { NOTE_FORMATS, type NoteFormat } from "../../../core/notes/note.schema";
import {
  DEFAULT_NOTES_SETTINGS,
  type NotesSettings,
  notesSettingsSchema,
} from "../../../core/notes/notes-settings.schema";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { useNotesSettings, useUpdateNotesSettings } from "./api/notes-settings";

const HOUR_FIELDS = ["unsignedAlertHours", "lateEntryHours"] as const;
const CLONE_FIELDS = ["cloneThreshold", "clonePreviousEntries"] as const;
type NumberField = (typeof HOUR_FIELDS)[number] | (typeof CLONE_FIELDS)[number];

/** Each field's range, read from the settings schema (the form shows it; the schema decides). */
function rangeOf(field: NumberField): { min: number; max: number } {
  const schema = notesSettingsSchema.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 1000 };
}

type Draft = Record<NumberField, number | string> & { defaultFormat: NoteFormat };
type Errors = Partial<Record<keyof NotesSettings, string>>;

/**
 * The program's clinical-note settings at Administration → Clinical-note settings: the default format,
 * the hours before an unsigned note raises an alert and before a signature is a late entry, and the
 * cloned-entry check. Administrators change them; clinicians may read them.
 */
export function NotesSettingsPage() {
  const { t } = useTranslation("notesWorklist");
  usePageTitle(t("settings.title"));
  const settings = useNotesSettings();
  const permissions = useMyPermissions();
  const canEdit = permissions.data?.includes("settings.manage") ?? false;
  const ready = settings.data && !permissions.isPending ? settings.data : undefined;

  return (
    <Stack maw={860}>
      <PageHeader title={t("settings.title")} />
      <Text>{t("settings.intro")}</Text>
      {(settings.isPending || permissions.isPending) && <TableSkeleton rows={5} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {ready && !canEdit && (
        <Alert color="gray" variant="light">
          {t("settings.readOnly")}
        </Alert>
      )}
      {ready && <NotesSettingsForm settings={ready} canEdit={canEdit} />}
    </Stack>
  );
}

function NotesSettingsForm({ settings, canEdit }: { settings: NotesSettings; canEdit: boolean }) {
  const { t } = useTranslation("notesWorklist");
  const save = useUpdateNotesSettings();
  const [draft, setDraft] = useState<Draft>(() => ({ ...settings }));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formatHeading = useId();
  const timingHeading = useId();
  const clonesHeading = useId();

  useEffect(() => {
    setDraft({ ...settings });
  }, [settings]);

  const reset = (to: NotesSettings) => {
    setDraft({ ...to });
    setErrors({});
    setFormError(null);
  };

  /** The draft as settings, or the message for each field that does not fit. */
  const check = (): { settings: NotesSettings } | { errors: Errors } => {
    const found: Errors = {};
    for (const field of [...HOUR_FIELDS, ...CLONE_FIELDS]) {
      const value = draft[field];
      const { min, max } = rangeOf(field);
      if (typeof value !== "number" || value < min || value > max) {
        found[field] = t("settings.errors.range", { min, max });
      } else if (field !== "cloneThreshold" && !Number.isInteger(value)) {
        found[field] = t("settings.errors.whole");
      }
    }
    if (Object.keys(found).length > 0) return { errors: found };
    return { settings: notesSettingsSchema.parse(draft) };
  };

  const submit = () => {
    setFormError(null);
    const result = check();
    if ("errors" in result) {
      setErrors(result.errors);
      setFormError(t("settings.errors.fixBelow"));
      return;
    }
    setErrors({});
    save.mutate(result.settings, {
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

  const numberInput = (field: NumberField) => {
    const { min, max } = rangeOf(field);
    const hours = (HOUR_FIELDS as readonly string[]).includes(field);
    return (
      <NumberInput
        key={field}
        label={t(`settings.fields.${field}`)}
        description={t(`settings.descriptions.${field}`)}
        rightSection={
          hours ? (
            <Text size="sm" c="dimmed" pr="xs">
              {t("settings.hours")}
            </Text>
          ) : undefined
        }
        rightSectionWidth={hours ? 64 : undefined}
        min={min}
        max={max}
        step={field === "cloneThreshold" ? 0.05 : 1}
        decimalScale={field === "cloneThreshold" ? 2 : 0}
        allowDecimal={field === "cloneThreshold"}
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
        <Card withBorder padding="lg" component="section" aria-labelledby={formatHeading}>
          <Radio.Group
            label={
              <Title order={2} size="h3" id={formatHeading} component="span">
                {t("settings.formatTitle")}
              </Title>
            }
            description={t("settings.descriptions.defaultFormat")}
            value={draft.defaultFormat}
            onChange={(value) => setDraft((d) => ({ ...d, defaultFormat: value as NoteFormat }))}
            error={errors.defaultFormat}
          >
            <Stack gap="xs" mt="sm">
              {NOTE_FORMATS.map((format) => (
                <Radio
                  key={format}
                  value={format}
                  label={t(`settings.formats.${format}`)}
                  disabled={!canEdit}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby={timingHeading}>
          <Stack>
            <Title order={2} size="h3" id={timingHeading}>
              {t("settings.timingTitle")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>{HOUR_FIELDS.map(numberInput)}</SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby={clonesHeading}>
          <Stack>
            <Title order={2} size="h3" id={clonesHeading}>
              {t("settings.clonesTitle")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>{CLONE_FIELDS.map(numberInput)}</SimpleGrid>
          </Stack>
        </Card>
        {canEdit && (
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => reset(DEFAULT_NOTES_SETTINGS)}>
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
