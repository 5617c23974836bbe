import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Direction } from "../../../core/assessments/instrument";
import {
  type ClinicalCutoff,
  CUTOFF_METHODS,
  type CutoffMethod,
  RELIABILITY_KINDS,
  type ReliabilityKind,
} from "../../../core/assessments/reliable-change";
import type {
  ReliableChangeInstrumentSettings,
  ReliableChangeSettings,
  ReliableChangeSettingsView,
} from "../../../core/assessments/reliable-change-settings.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { ConfirmModal } from "../admin/confirm-modal";
import { requestErrorKey } from "../admin/form-errors";
import { LoadError, PageHeader, ScrollTable, TableSkeleton } from "../admin/page-states";
import { useReliableChangeSettings } from "./api/get-reliable-change-settings";
import { useUpdateReliableChangeSettings } from "./api/update-reliable-change-settings";
import { instrumentTitle } from "./due-reason";
import {
  type DraftErrors,
  type DraftField,
  fieldId,
  firstErrorId,
  hasErrors,
  type InstrumentDraft,
  NO_ERRORS,
  needsScale,
  previewOf,
  type ReliableChangeDraft,
  serverErrors,
  toDraft,
  toInstrumentDraft,
  toSettings,
  validateDraft,
} from "./reliable-change-draft";

const DIRECTIONS = ["lower_is_better", "higher_is_better"] as const satisfies readonly Direction[];

const formatNumber = (value: number, language: string, digits = 3) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);

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
        setErrors((e) => ({ ...e, instruments: { ...e.instruments, [key]: {} } }));
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

function UnverifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation("assessments");
  if (verified) return null;
  return (
    <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
      {t("reliableChange.unverified")}
    </Badge>
  );
}

function cutoffText(cutoff: ClinicalCutoff | null, t: TFunction, language: string) {
  return cutoff === null
    ? t("reliableChange.noCutoff")
    : `${formatNumber(cutoff.value, language)} (${t(`reliableChange.methods.${cutoff.method}`)})`;
}

/** The shipped default: each value with its source and verified mark, and the minimum change it gives. */
function DefaultValues({
  instrument,
  title,
}: {
  instrument: ReliableChangeInstrumentSettings;
  title: string;
}) {
  const { t, i18n } = useTranslation("assessments");
  const language = i18n.language;
  const d = instrument.default;
  const values = d.status === "available" ? d.parameters : d.known;
  const rows: { key: string; label: string; value: string; source: string; verified: boolean | null }[] = [];
  if (values.reliability !== undefined)
    rows.push({
      key: "reliability",
      label: t("reliableChange.rows.reliability"),
      value: `${formatNumber(values.reliability, language)} (${t(`reliableChange.kinds.${values.reliabilityKind ?? "test_retest"}`)})`,
      source: values.reliabilitySource ?? "",
      verified: values.reliabilityVerified ?? false,
    });
  if (values.sd !== undefined)
    rows.push({
      key: "sd",
      label: t("reliableChange.rows.sd"),
      value: formatNumber(values.sd, language),
      source: values.sdSource ?? "",
      verified: values.sdVerified ?? false,
    });
  if (values.cutoff !== undefined)
    rows.push({
      key: "cutoff",
      label: t("reliableChange.rows.cutoff"),
      value: cutoffText(values.cutoff, t, language),
      source: values.cutoff?.source ?? "",
      verified: values.cutoff?.verified ?? null,
    });
  if (d.status === "available")
    rows.push({
      key: "minimum",
      label: t("reliableChange.rows.minimum"),
      value: t("reliableChange.points", { points: formatNumber(d.minimum.points, language) }),
      source: t("reliableChange.threshold", { threshold: formatNumber(d.minimum.threshold, language, 2) }),
      verified: null,
    });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("reliableChange.defaults")}
      </Title>
      {d.status === "not_applicable" && <Text size="sm">{d.reason}</Text>}
      {rows.length > 0 && (
        <ScrollTable label={t("reliableChange.defaultsTable", { title })} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("reliableChange.columns.value")}</Table.Th>
              <Table.Th scope="col">{t("reliableChange.columns.default")}</Table.Th>
              <Table.Th scope="col">{t("reliableChange.columns.source")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{row.value}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm">{row.source}</Text>
                    {row.verified !== null && <UnverifiedBadge verified={row.verified} />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** What the values being typed give: the minimum change, or what is still missing. */
function PreviewText({ instrumentKey, draft }: { instrumentKey: string; draft: InstrumentDraft }) {
  const { t, i18n } = useTranslation("assessments");
  const preview = previewOf(instrumentKey, draft);
  const text =
    preview.status === "available"
      ? t("reliableChange.preview", {
          points: formatNumber(preview.minimum.points, i18n.language),
          threshold: formatNumber(preview.minimum.threshold, i18n.language, 2),
        })
      : preview.status === "missing"
        ? t("reliableChange.previewMissing", {
            fields: preview.missing.map((g) => t(`reliableChange.missing.${g}`)).join(", "),
          })
        : t("reliableChange.previewInvalid");
  return (
    <Text
      fw={preview.status === "available" ? 600 : undefined}
      c={preview.status === "available" ? undefined : "dimmed"}
    >
      {text}
    </Text>
  );
}

function InstrumentSettings({
  instrument,
  draft,
  errors,
  canEdit,
  formId,
  onChange,
  onReset,
}: {
  instrument: ReliableChangeInstrumentSettings;
  draft: InstrumentDraft;
  errors: Partial<Record<DraftField, string>>;
  canEdit: boolean;
  formId: string;
  onChange: (change: Partial<InstrumentDraft>) => void;
  onReset: () => void;
}) {
  const { t, i18n } = useTranslation("assessments");
  const headingId = useId();
  const title = instrumentTitle(instrument, i18n.language);
  const id = (field: DraftField) => fieldId(formId, instrument.key, field);
  const d = instrument.default;
  const known = d.status === "available" ? d.parameters : d.known;
  const placeholder = (value: number | undefined) =>
    value === undefined
      ? undefined
      : t("reliableChange.defaultPlaceholder", { value: formatNumber(value, i18n.language) });
  const common = { disabled: !canEdit };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          {canEdit && instrument.override && (
            <Button
              variant="subtle"
              color="red"
              aria-label={t("reliableChange.resetLabel", { title })}
              onClick={onReset}
            >
              {t("reliableChange.reset")}
            </Button>
          )}
        </Group>
        <DefaultValues instrument={instrument} title={title} />
        <Fieldset legend={t("reliableChange.programValues")} variant="filled">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("reliableChange.programValuesHelp")}
            </Text>
            <Group align="flex-start" gap="sm">
              <NumberInput
                id={id("reliability")}
                label={t("reliableChange.fields.reliability")}
                placeholder={placeholder(known.reliability)}
                min={0}
                max={1}
                step={0.01}
                decimalScale={3}
                allowNegative={false}
                clampBehavior="none"
                value={draft.reliability}
                onChange={(value) => onChange({ reliability: value })}
                error={errors.reliability}
                w={{ base: "100%", sm: 150 }}
                {...common}
              />
              <NativeSelect
                id={id("reliabilityKind")}
                label={t("reliableChange.fields.reliabilityKind")}
                value={draft.reliabilityKind}
                onChange={(e) => onChange({ reliabilityKind: e.currentTarget.value as ReliabilityKind })}
                data={RELIABILITY_KINDS.map((k) => ({ value: k, label: t(`reliableChange.kinds.${k}`) }))}
                error={errors.reliabilityKind}
                w={{ base: "100%", sm: 220 }}
                {...common}
              />
              <TextInput
                id={id("reliabilitySource")}
                label={t("reliableChange.fields.reliabilitySource")}
                value={draft.reliabilitySource}
                onChange={(e) => onChange({ reliabilitySource: e.currentTarget.value })}
                error={errors.reliabilitySource}
                maxLength={500}
                style={{ flex: 1 }}
                miw={220}
                {...common}
              />
              <Checkbox
                id={id("reliabilityVerified")}
                label={t("reliableChange.fields.verified")}
                aria-label={t("reliableChange.fields.reliabilityVerified")}
                checked={draft.reliabilityVerified}
                onChange={(e) => onChange({ reliabilityVerified: e.currentTarget.checked })}
                mt={{ base: 0, sm: 32 }}
                {...common}
              />
            </Group>
            <Group align="flex-start" gap="sm">
              <NumberInput
                id={id("sd")}
                label={t("reliableChange.fields.sd")}
                placeholder={placeholder(known.sd)}
                min={0}
                decimalScale={3}
                allowNegative={false}
                clampBehavior="none"
                value={draft.sd}
                onChange={(value) => onChange({ sd: value })}
                error={errors.sd}
                w={{ base: "100%", sm: 150 }}
                {...common}
              />
              <TextInput
                id={id("sdSource")}
                label={t("reliableChange.fields.sdSource")}
                value={draft.sdSource}
                onChange={(e) => onChange({ sdSource: e.currentTarget.value })}
                error={errors.sdSource}
                maxLength={500}
                style={{ flex: 1 }}
                miw={220}
                {...common}
              />
              <Checkbox
                id={id("sdVerified")}
                label={t("reliableChange.fields.verified")}
                aria-label={t("reliableChange.fields.sdVerified")}
                checked={draft.sdVerified}
                onChange={(e) => onChange({ sdVerified: e.currentTarget.checked })}
                mt={{ base: 0, sm: 32 }}
                {...common}
              />
            </Group>
            <Checkbox
              label={t("reliableChange.fields.cutoffNone")}
              checked={draft.cutoffNone}
              onChange={(e) => onChange({ cutoffNone: e.currentTarget.checked })}
              {...common}
            />
            {!draft.cutoffNone && (
              <Group align="flex-start" gap="sm">
                <NumberInput
                  id={id("cutoff")}
                  label={t("reliableChange.fields.cutoff")}
                  placeholder={placeholder(known.cutoff?.value)}
                  decimalScale={3}
                  clampBehavior="none"
                  value={draft.cutoff}
                  onChange={(value) => onChange({ cutoff: value })}
                  error={errors.cutoff}
                  w={{ base: "100%", sm: 150 }}
                  {...common}
                />
                <NativeSelect
                  id={id("cutoffMethod")}
                  label={t("reliableChange.fields.cutoffMethod")}
                  value={draft.cutoffMethod}
                  onChange={(e) => onChange({ cutoffMethod: e.currentTarget.value as CutoffMethod })}
                  data={CUTOFF_METHODS.map((m) => ({ value: m, label: t(`reliableChange.methods.${m}`) }))}
                  error={errors.cutoffMethod}
                  w={{ base: "100%", sm: 280 }}
                  {...common}
                />
                <TextInput
                  id={id("cutoffSource")}
                  label={t("reliableChange.fields.cutoffSource")}
                  value={draft.cutoffSource}
                  onChange={(e) => onChange({ cutoffSource: e.currentTarget.value })}
                  error={errors.cutoffSource}
                  maxLength={500}
                  style={{ flex: 1 }}
                  miw={220}
                  {...common}
                />
                <Checkbox
                  id={id("cutoffVerified")}
                  label={t("reliableChange.fields.verified")}
                  aria-label={t("reliableChange.fields.cutoffVerified")}
                  checked={draft.cutoffVerified}
                  onChange={(e) => onChange({ cutoffVerified: e.currentTarget.checked })}
                  mt={{ base: 0, sm: 32 }}
                  {...common}
                />
              </Group>
            )}
            {needsScale(instrument) && (
              <Group align="flex-start" gap="sm">
                <NativeSelect
                  id={id("direction")}
                  label={t("reliableChange.fields.direction")}
                  value={draft.direction}
                  onChange={(e) => onChange({ direction: e.currentTarget.value as Direction | "" })}
                  data={[
                    { value: "", label: t("reliableChange.directions.choose") },
                    ...DIRECTIONS.map((dir) => ({
                      value: dir,
                      label: t(`reliableChange.directions.${dir}`),
                    })),
                  ]}
                  error={errors.direction}
                  w={{ base: "100%", sm: 220 }}
                  {...common}
                />
                <TextInput
                  id={id("subscale")}
                  label={t("reliableChange.fields.subscale")}
                  description={t("reliableChange.fields.subscaleHelp")}
                  value={draft.subscale}
                  onChange={(e) => onChange({ subscale: e.currentTarget.value })}
                  error={errors.subscale}
                  maxLength={40}
                  w={{ base: "100%", sm: 260 }}
                  {...common}
                />
                <NumberInput
                  id={id("scaleStep")}
                  label={t("reliableChange.fields.scaleStep")}
                  description={t("reliableChange.fields.scaleStepHelp")}
                  min={0}
                  decimalScale={3}
                  allowNegative={false}
                  clampBehavior="none"
                  value={draft.scaleStep}
                  onChange={(value) => onChange({ scaleStep: value })}
                  error={errors.scaleStep}
                  w={{ base: "100%", sm: 220 }}
                  {...common}
                />
              </Group>
            )}
          </Stack>
        </Fieldset>
        <PreviewText instrumentKey={instrument.key} draft={draft} />
      </Stack>
    </Card>
  );
}
