import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AttendanceSettings,
  DEFAULT_ATTENDANCE_SETTINGS,
} from "../../../core/attendance/attendance-settings.schema";
import { AGE_GROUPS, type AgeGroup } from "../../../core/attendance/program-hours.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useAttendanceSettings, useUpdateAttendanceSettings } from "./api/attendance-settings";
import { useMyPermissions } from "./api/get-my-permissions";
import {
  ABSENCE_NUMBER_FIELDS,
  type AbsenceNumberField,
  type AttendanceDraft,
  type DraftErrors,
  GROUP_FIELDS,
  type GroupField,
  hasErrors,
  isHours,
  serverErrors,
  toDraft,
  toSettings,
  validateDraft,
} from "./attendance-settings-draft";
import { requestErrorKey } from "./form-errors";
import { LoadError, PageHeader, TableSkeleton } from "./page-states";

/** Whole numbers with their ranges, as the schema has them (the form shows them; the schema decides). */
const ABSENCE_RANGES: Record<AbsenceNumberField, [number, number]> = {
  consecutiveUnexcused: [2, 10],
  rateWindowDays: [7, 90],
  minimumRatePercent: [1, 100],
  minimumSessions: [1, 50],
};

/**
 * The program's attendance settings: per age group the weekly minimum and maximum of the level of
 * care and the payer's days rule (each with where its starting figure comes from), and when absences
 * raise an alert. Administrators change them; whoever sees the schedule may read them.
 */
export function AttendanceSettingsPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("attendanceSettings.title"));
  const settings = useAttendanceSettings();
  const permissions = useMyPermissions();
  const canEdit = permissions.data?.includes("settings.manage") ?? false;
  // The form waits for the permissions, so an administrator never sees it read-only first.
  const ready = settings.data && !permissions.isPending ? settings.data : undefined;

  return (
    <Stack maw={960}>
      <PageHeader title={t("attendanceSettings.title")} />
      <Text>{t("attendanceSettings.intro")}</Text>
      {(settings.isPending || permissions.isPending) && <TableSkeleton rows={6} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {ready && !canEdit && (
        <Alert color="gray" variant="light">
          {t("attendanceSettings.readOnly")}
        </Alert>
      )}
      {ready && <SettingsForm settings={ready} canEdit={canEdit} />}
    </Stack>
  );
}

function SettingsForm({ settings, canEdit }: { settings: AttendanceSettings; canEdit: boolean }) {
  const { t } = useTranslation("admin");
  const save = useUpdateAttendanceSettings();
  const [draft, setDraft] = useState<AttendanceDraft>(() => toDraft(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const hoursHeading = useId();
  const absencesHeading = useId();

  useEffect(() => {
    setDraft(toDraft(settings));
  }, [settings]);

  const setGroup = (group: AgeGroup, field: GroupField, value: number | string) =>
    setDraft((d) => ({
      ...d,
      programHours: { ...d.programHours, [group]: { ...d.programHours[group], [field]: value } },
    }));
  const setAbsence = (
    field: AbsenceNumberField | "excusedCountsAsMissed",
    value: number | string | boolean,
  ) => setDraft((d) => ({ ...d, absences: { ...d.absences, [field]: value } }));

  const submit = () => {
    setFormError(null);
    const problems = validateDraft(draft, t);
    setErrors(problems);
    if (hasErrors(problems)) {
      setFormError(t("attendanceSettings.errors.fixBelow"));
      return;
    }
    save.mutate(toSettings(draft), {
      onSuccess: () => notifications.show({ color: "green", message: t("attendanceSettings.saved") }),
      onError: (error) => {
        const fromServer = serverErrors(error);
        if (fromServer) {
          setErrors(fromServer);
          setFormError(t("attendanceSettings.errors.fixBelow"));
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
        <Card withBorder padding="lg" component="section" aria-labelledby={hoursHeading}>
          <Stack>
            <Title order={2} size="h3" id={hoursHeading}>
              {t("attendanceSettings.hours.title")}
            </Title>
            <Text size="sm">{t("attendanceSettings.hours.intro")}</Text>
            {AGE_GROUPS.map((group) => (
              <Fieldset key={group} legend={t(`attendanceSettings.hours.groups.${group}`)} variant="filled">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {GROUP_FIELDS.map((field) => (
                    <NumberInput
                      key={field}
                      label={t(`attendanceSettings.hours.${field}`)}
                      description={t(`attendanceSettings.hours.sources.${sourceKey(field, group)}`)}
                      min={isHours(field) ? 0 : 1}
                      max={isHours(field) ? (field === "dailyMinimumMinutes" ? 24 : 168) : 7}
                      step={isHours(field) ? 0.5 : 1}
                      decimalScale={isHours(field) ? 2 : 0}
                      allowDecimal={isHours(field)}
                      allowNegative={false}
                      clampBehavior="none"
                      disabled={!canEdit}
                      value={draft.programHours[group][field]}
                      onChange={(value) => setGroup(group, field, value)}
                      error={errors[`programHours.${group}.${field}`]}
                    />
                  ))}
                </SimpleGrid>
              </Fieldset>
            ))}
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby={absencesHeading}>
          <Stack>
            <Title order={2} size="h3" id={absencesHeading}>
              {t("attendanceSettings.absences.title")}
            </Title>
            <Text size="sm">{t("attendanceSettings.absences.intro")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {ABSENCE_NUMBER_FIELDS.map((field) => (
                <NumberInput
                  key={field}
                  label={t(`attendanceSettings.absences.${field}`)}
                  description={t(`attendanceSettings.absences.sources.${field}`)}
                  min={ABSENCE_RANGES[field][0]}
                  max={ABSENCE_RANGES[field][1]}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  disabled={!canEdit}
                  value={draft.absences[field]}
                  onChange={(value) => setAbsence(field, value)}
                  error={errors[`absences.${field}`]}
                />
              ))}
            </SimpleGrid>
            <Checkbox
              label={t("attendanceSettings.absences.excusedCountsAsMissed")}
              description={t("attendanceSettings.absences.sources.excusedCountsAsMissed")}
              disabled={!canEdit}
              checked={draft.absences.excusedCountsAsMissed}
              onChange={(event) => setAbsence("excusedCountsAsMissed", event.currentTarget.checked)}
            />
          </Stack>
        </Card>
        {canEdit && (
          <Group justify="space-between">
            <Button
              variant="subtle"
              onClick={() => {
                setDraft(toDraft(DEFAULT_ATTENDANCE_SETTINGS));
                setErrors({});
                setFormError(null);
              }}
            >
              {t("attendanceSettings.useDefaults")}
            </Button>
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(toDraft(settings));
                  setErrors({});
                  setFormError(null);
                }}
              >
                {t("actions.discard")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("attendanceSettings.save")}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The weekly minimum's source differs by age group; the other figures share theirs. */
function sourceKey(field: GroupField, group: AgeGroup): string {
  return field === "weeklyMinimumMinutes" ? `${field}_${group}` : field;
}
