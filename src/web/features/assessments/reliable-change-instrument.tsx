import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Direction } from "../../../core/assessments/instrument";
import {
  CUTOFF_METHODS,
  type CutoffMethod,
  RELIABILITY_KINDS,
  type ReliabilityKind,
} from "../../../core/assessments/reliable-change";
import type { ReliableChangeInstrumentSettings } from "../../../core/assessments/reliable-change-settings.schema";
import { instrumentTitle } from "./due-reason";
import { DefaultValues, formatNumber } from "./reliable-change-defaults";
import {
  type DraftField,
  fieldId,
  type InstrumentDraft,
  needsScale,
  previewOf,
} from "./reliable-change-draft";

const DIRECTIONS = ["lower_is_better", "higher_is_better"] as const satisfies readonly Direction[];

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

/** One questionnaire: its defaults, the program's values as a form, and what they give. */
export function InstrumentSettings({
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
