import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeasurementScheduleView } from "../../../core/assessments/measurement-schedule.schema";
import {
  SCHEDULE_AUDIENCES,
  SCHEDULE_DAYS_MAX,
  SCHEDULE_DAYS_MIN,
  SCHEDULE_TIMINGS,
  type ScheduleAudience,
  type ScheduleTiming,
} from "../../../core/assessments/schedule.rules";
import { usePageTitle } from "../../app/use-page-title";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { requestErrorKey } from "../admin/form-errors";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { useMeasurementSchedule } from "./api/get-measurement-schedule";
import { useUpdateMeasurementSchedule } from "./api/update-measurement-schedule";
import { instrumentTitle } from "./due-reason";
import {
  DEFAULT_DAYS,
  type DraftEntry,
  type DraftErrors,
  hasErrors,
  newDraftEntry,
  type ScheduleDraft,
  serverErrors,
  toDraft,
  toSettings,
  validateDraft,
} from "./schedule-draft";

const NO_ERRORS: DraftErrors = { rows: {} };

/**
 * The program's measurement schedule: which questionnaires at intake, every N days, at discharge and
 * at follow-up, for whom, and the grace days. Administrators change it; clinicians see it.
 */
export function MeasurementSchedulePage() {
  const { t } = useTranslation("assessments");
  usePageTitle(t("schedule.title"));
  const schedule = useMeasurementSchedule();
  const permissions = useMyPermissions();
  const canEdit = permissions.data?.includes("settings.manage") ?? false;
  // The form waits for the permissions, so an administrator never sees it read-only first.
  const ready = schedule.data && !permissions.isPending ? schedule.data : undefined;

  return (
    <Stack maw={960}>
      <PageHeader title={t("schedule.title")} />
      <Text>{t("schedule.intro")}</Text>
      {(schedule.isPending || permissions.isPending) && <TableSkeleton rows={6} />}
      {schedule.isError && <LoadError error={schedule.error} onRetry={() => void schedule.refetch()} />}
      {ready && !canEdit && (
        <Alert color="gray" variant="light">
          {t("schedule.readOnly")}
        </Alert>
      )}
      {ready && <ScheduleForm view={ready} canEdit={canEdit} />}
    </Stack>
  );
}

function ScheduleForm({ view, canEdit }: { view: MeasurementScheduleView; canEdit: boolean }) {
  const { t } = useTranslation("assessments");
  const save = useUpdateMeasurementSchedule();
  const [draft, setDraft] = useState<ScheduleDraft>(() => toDraft(view));
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const headingId = useId();
  const knownKeys = view.instruments.map((i) => i.key);

  useEffect(() => {
    setDraft(toDraft(view));
  }, [view]);

  const update = (id: number, change: Partial<DraftEntry>) =>
    setDraft((d) => ({ ...d, entries: d.entries.map((e) => (e.id === id ? { ...e, ...change } : e)) }));
  const changeTiming = (entry: DraftEntry, at: ScheduleTiming) =>
    update(entry.id, {
      at,
      days:
        at === "every_n_days" || at === "follow_up" ? (entry.at === at ? entry.days : DEFAULT_DAYS[at]) : "",
    });

  const submit = () => {
    setFormError(null);
    const problems = validateDraft(draft, knownKeys, t);
    setErrors(problems);
    if (hasErrors(problems)) {
      setFormError(t("schedule.errors.fixBelow"));
      return;
    }
    save.mutate(toSettings(draft), {
      onSuccess: () => notifications.show({ color: "green", message: t("schedule.saved") }),
      onError: (error) => {
        const fromServer = serverErrors(error);
        if (fromServer) {
          setErrors(fromServer);
          setFormError(t("schedule.errors.fixBelow"));
        } else setFormError(t(requestErrorKey(error), { ns: "admin" }));
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
        <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
          <Stack>
            <Title order={2} size="h3" id={headingId}>
              {t("schedule.entriesLabel")}
            </Title>
            {draft.entries.length === 0 && <Text c="dimmed">{t("schedule.empty")}</Text>}
            {draft.entries.map((entry, index) => (
              <EntryFields
                key={entry.id}
                entry={entry}
                index={index}
                view={view}
                canEdit={canEdit}
                errors={errors.rows[index] ?? {}}
                onChange={(change) => update(entry.id, change)}
                onTiming={(at) => changeTiming(entry, at)}
                onRemove={() => {
                  setDraft((d) => ({ ...d, entries: d.entries.filter((e) => e.id !== entry.id) }));
                  setErrors(NO_ERRORS);
                }}
              />
            ))}
            {canEdit && (
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setDraft((d) => ({ ...d, entries: [...d.entries, newDraftEntry()] }))}
                >
                  {t("schedule.add")}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
        <NumberInput
          label={t("schedule.graceDays")}
          description={t("schedule.graceDaysHelp")}
          min={0}
          max={30}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={{ base: "100%", xs: 320 }}
          disabled={!canEdit}
          value={draft.graceDays}
          onChange={(value) => setDraft((d) => ({ ...d, graceDays: value }))}
          error={errors.graceDays}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setDraft(toDraft(view));
                setErrors(NO_ERRORS);
                setFormError(null);
              }}
            >
              {t("actions.discard", { ns: "admin" })}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("schedule.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function EntryFields({
  entry,
  index,
  view,
  canEdit,
  errors,
  onChange,
  onTiming,
  onRemove,
}: {
  entry: DraftEntry;
  index: number;
  view: MeasurementScheduleView;
  canEdit: boolean;
  errors: { instrumentKey?: string; at?: string; days?: string };
  onChange: (change: Partial<DraftEntry>) => void;
  onTiming: (at: ScheduleTiming) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation("assessments");
  const n = index + 1;
  const hasDays = entry.at === "every_n_days" || entry.at === "follow_up";
  return (
    <Fieldset legend={t("schedule.entry", { n })} variant="filled">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("schedule.instrument")}
          value={entry.instrumentKey}
          onChange={(e) => onChange({ instrumentKey: e.currentTarget.value })}
          data={[
            { value: "", label: t("schedule.chooseInstrument"), disabled: true },
            ...view.instruments.map((i) => ({ value: i.key, label: instrumentTitle(i, i18n.language) })),
          ]}
          error={errors.instrumentKey}
          disabled={!canEdit}
          w={{ base: "100%", sm: 300 }}
        />
        <NativeSelect
          label={t("schedule.timing")}
          value={entry.at}
          onChange={(e) => onTiming(e.currentTarget.value as ScheduleTiming)}
          data={SCHEDULE_TIMINGS.map((at) => ({ value: at, label: t(`schedule.timings.${at}`) }))}
          error={errors.at}
          disabled={!canEdit}
          w={{ base: "100%", sm: 220 }}
        />
        {hasDays && (
          <NumberInput
            label={entry.at === "every_n_days" ? t("schedule.everyDays") : t("schedule.followUpDays")}
            min={SCHEDULE_DAYS_MIN}
            max={SCHEDULE_DAYS_MAX}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={entry.days}
            onChange={(value) => onChange({ days: value })}
            error={errors.days}
            disabled={!canEdit}
            w={{ base: "100%", sm: 170 }}
          />
        )}
        <NativeSelect
          label={t("schedule.audience")}
          value={entry.audience}
          onChange={(e) => onChange({ audience: e.currentTarget.value as ScheduleAudience })}
          disabled={!canEdit}
          data={SCHEDULE_AUDIENCES.map((a) => ({ value: a, label: t(`schedule.audiences.${a}`) }))}
          w={{ base: "100%", sm: 160 }}
        />
        {canEdit && (
          <Button
            variant="subtle"
            color="red"
            mt={{ base: 0, sm: 25 }}
            leftSection={<IconTrash size={16} aria-hidden />}
            aria-label={t("schedule.remove", { n })}
            onClick={onRemove}
          >
            {t("schedule.removeShort")}
          </Button>
        )}
      </Group>
    </Fieldset>
  );
}
