import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  ReliableChangeInstrumentSettings,
  ReliableChangeSettings,
  ReliableChangeSettingsView,
} from "../../../core/assessments/reliable-change-settings.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { ConfirmModal } from "../admin/confirm-modal";
import { requestErrorKey } from "../admin/form-errors";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { useReliableChangeSettings } from "./api/get-reliable-change-settings";
import { useUpdateReliableChangeSettings } from "./api/update-reliable-change-settings";
import { instrumentTitle } from "./due-reason";
import {
  type DraftErrors,
  fieldId,
  firstErrorId,
  hasErrors,
  type InstrumentDraft,
  NO_ERRORS,
  type ReliableChangeDraft,
  serverErrors,
  toDraft,
  toInstrumentDraft,
  toSettings,
  validateDraft,
} from "./reliable-change-draft";
import { InstrumentSettings } from "./reliable-change-instrument";

/**
 * The program's reliable-change values (Jacobson–Truax) per questionnaire: the defaults with their
 * sources and verified marks, the program's own reliability, SD and cut-off over them with the
 * minimum reliable change they give, and when a participant counts as off track. Administrators
 * change them; clinicians see them.
 */
export function ReliableChangeSettingsPage() {
  const { t } = useTranslation("assessments");
  usePageTitle(t("reliableChange.title"));
  const settings = useReliableChangeSettings();
  const permissions = useMyPermissions();
  const canEdit = permissions.data?.includes("settings.manage") ?? false;
  // The form waits for the permissions, so an administrator never sees it read-only first.
  const ready = settings.data && !permissions.isPending ? settings.data : undefined;

  return (
    <Stack maw={1100}>
      <PageHeader title={t("reliableChange.title")} />
      <Text>{t("reliableChange.intro")}</Text>
      {(settings.isPending || permissions.isPending) && <TableSkeleton rows={8} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {ready && !canEdit && (
        <Alert color="gray" variant="light">
          {t("reliableChange.readOnly")}
        </Alert>
      )}
      {ready && <ReliableChangeForm view={ready} canEdit={canEdit} />}
    </Stack>
  );
}

/** The settings as saved, without one questionnaire's values: what "reset to default" saves. */
function savedWithout(view: ReliableChangeSettingsView, key: string): ReliableChangeSettings {
  const overrides: ReliableChangeSettings["overrides"] = {};
  for (const i of view.instruments) if (i.override && i.key !== key) overrides[i.key] = i.override;
  return { overrides, offTrack: view.offTrack };
}

function ReliableChangeForm({ view, canEdit }: { view: ReliableChangeSettingsView; canEdit: boolean }) {
  const { t, i18n } = useTranslation("assessments");
  const save = useUpdateReliableChangeSettings();
  const reset = useUpdateReliableChangeSettings();
  const [draft, setDraft] = useState<ReliableChangeDraft>(() => toDraft(view));
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<ReliableChangeInstrumentSettings | null>(null);
  const formId = useId();
  const offTrackHeadingId = useId();
  const keys = view.instruments.map((i) => i.key);

  const showErrors = (found: DraftErrors) => {
    setErrors(found);
    setFormError(t("reliableChange.errors.fixBelow"));
    const first = firstErrorId(formId, keys, found);
    if (first) document.getElementById(first)?.focus();
  };

  const update = (key: string, change: Partial<InstrumentDraft>) =>
    setDraft((d) => ({
      ...d,
      instruments: { ...d.instruments, [key]: { ...d.instruments[key]!, ...change } },
    }));

  const submit = () => {
    setFormError(null);
    const problems = validateDraft(draft, t);
    if (hasErrors(problems)) {
      showErrors(problems);
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate(toSettings(draft), {
      onSuccess: (saved) => {
        setDraft(toDraft(saved));
        notifications.show({ color: "green", message: t("reliableChange.saved") });
      },
      onError: (error) => {
        const fromServer = serverErrors(error);
        if (fromServer) showErrors(fromServer);
        else setFormError(t(requestErrorKey(error), { ns: "admin" }));
      },
    });
  };

  const confirmReset = () => {
    if (!resetting) return;
    const { key } = resetting;
    const title = instrumentTitle(resetting, i18n.language);
    reset.mutate(savedWithout(view, key), {
      onSuccess: (saved) => {
        const row = saved.instruments.find((i) => i.key === key);
        if (row) update(key, toInstrumentDraft(row));
        setErrors((e) => ({
          ...e,
          instruments: Object.fromEntries(Object.entries(e.instruments).filter(([k]) => k !== key)),
        }));
        setResetting(null);
        notifications.show({ color: "green", message: t("reliableChange.resetDone", { title }) });
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
        {view.instruments.map((instrument) => (
          <InstrumentSettings
            key={instrument.key}
            instrument={instrument}
            draft={draft.instruments[instrument.key]!}
            errors={errors.instruments[instrument.key] ?? {}}
            canEdit={canEdit}
            formId={formId}
            onChange={(change) => update(instrument.key, change)}
            onReset={() => {
              reset.reset();
              setResetting(instrument);
            }}
          />
        ))}
        <Card withBorder padding="lg" component="section" aria-labelledby={offTrackHeadingId}>
          <Stack>
            <Title order={2} size="h3" id={offTrackHeadingId}>
              {t("reliableChange.offTrack.title")}
            </Title>
            <NumberInput
              id={fieldId(formId, "", "offTrack")}
              label={t("reliableChange.offTrack.label")}
              description={t("reliableChange.offTrack.help", {
                default: view.offTrackDefault.noImprovementAfter,
              })}
              min={2}
              max={52}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              w={{ base: "100%", sm: 480 }}
              disabled={!canEdit}
              value={draft.noImprovementAfter}
              onChange={(value) => setDraft((d) => ({ ...d, noImprovementAfter: value }))}
              error={errors.offTrack}
            />
          </Stack>
        </Card>
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
              {t("reliableChange.save")}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={resetting !== null}
        title={
          resetting
            ? t("reliableChange.resetTitle", { title: instrumentTitle(resetting, i18n.language) })
            : ""
        }
        confirmLabel={t("reliableChange.reset")}
        danger
        loading={reset.isPending}
        error={reset.error}
        onConfirm={confirmReset}
        onClose={() => setResetting(null)}
      >
        {t("reliableChange.resetBody")}
      </ConfirmModal>
    </form>
  );
}
