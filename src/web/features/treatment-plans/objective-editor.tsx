import {
  ActionIcon,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import {
  COMPARATORS,
  type Comparator,
  OBJECTIVE_STATUSES,
  type Objective,
  type ObjectiveMeasure,
  type ObjectiveStatus,
} from "../../../core/treatment-plans/plan.schema";
import { useInstruments } from "../assessments/api/get-instruments";
import { instrumentTitle } from "../assessments/measure-card";
import { blankMeasure, fieldId, MEASURE_KINDS, type MeasureKind } from "./plan-fields";

/** A number field's value as the measure holds it: an empty field is NaN until a figure is given. */
const asNumber = (value: number | string) => (typeof value === "number" ? value : Number.NaN);
/** A figure for the field: nothing for NaN (or null, as a draft kept on the device stores it). */
const shown = (value: number | null) => (value === null || Number.isNaN(value) ? "" : value);

function MeasureFields({
  measure,
  path,
  errors,
  onChange,
}: {
  measure: ObjectiveMeasure;
  path: string;
  errors: Record<string, string>;
  onChange: (measure: ObjectiveMeasure) => void;
}) {
  const { t, i18n } = useTranslation("treatmentPlans");
  const instruments = useInstruments();
  const at = (field: string) => ({ id: fieldId(`${path}.${field}`), error: errors[`${path}.${field}`] });
  switch (measure.kind) {
    case "instrument": {
      const options = (instruments.data ?? []).map((i) => ({
        value: i.key,
        label: instrumentTitle(i, i.key, i18n.language),
      }));
      if (measure.instrumentKey && !options.some((o) => o.value === measure.instrumentKey))
        options.push({ value: measure.instrumentKey, label: measure.instrumentKey });
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            label={t("editor.instrument")}
            data={options}
            value={measure.instrumentKey || null}
            onChange={(key) => onChange({ ...measure, instrumentKey: key ?? "" })}
            searchable
            {...at("instrumentKey")}
          />
          <Select
            label={t("editor.comparator")}
            data={COMPARATORS.map((c) => ({ value: c, label: t(`comparators.${c}`) }))}
            value={measure.comparator}
            onChange={(c) => c && onChange({ ...measure, comparator: c as Comparator })}
            allowDeselect={false}
            {...at("comparator")}
          />
          <NumberInput
            label={t("editor.value")}
            value={shown(measure.value)}
            onChange={(v) => onChange({ ...measure, value: asNumber(v) })}
            min={0}
            allowDecimal={false}
            {...at("value")}
          />
        </SimpleGrid>
      );
    }
    case "weekly_hours":
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <NumberInput
            label={t("editor.minimumHours")}
            value={shown(measure.minimumHours)}
            onChange={(v) => onChange({ ...measure, minimumHours: asNumber(v) })}
            min={0.5}
            step={0.5}
            {...at("minimumHours")}
          />
          <NumberInput
            label={t("editor.consecutiveWeeks")}
            value={shown(measure.consecutiveWeeks)}
            onChange={(v) => onChange({ ...measure, consecutiveWeeks: asNumber(v) })}
            min={1}
            allowDecimal={false}
            {...at("consecutiveWeeks")}
          />
        </SimpleGrid>
      );
    case "count":
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <NumberInput
            label={t("editor.target")}
            value={shown(measure.target)}
            onChange={(v) => onChange({ ...measure, target: asNumber(v) })}
            min={1}
            allowDecimal={false}
            {...at("target")}
          />
          <TextInput
            label={t("editor.unit")}
            value={measure.unit}
            onChange={(e) => onChange({ ...measure, unit: e.currentTarget.value })}
            {...at("unit")}
          />
        </SimpleGrid>
      );
    case "observed":
      return (
        <Textarea
          label={t("editor.description")}
          value={measure.description}
          onChange={(e) => onChange({ ...measure, description: e.currentTarget.value })}
          autosize
          minRows={1}
          {...at("description")}
        />
      );
  }
}

/** One objective: what the participant will do, how it is measured, by when, and where it stands. */
export function ObjectiveEditor({
  objective,
  number,
  path,
  startsOn,
  errors,
  onChange,
  onRemove,
}: {
  objective: Objective;
  number: number;
  path: string;
  startsOn: string;
  errors: Record<string, string>;
  onChange: (objective: Objective) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const kind: MeasureKind | "none" = objective.measure?.kind ?? "none";
  return (
    <Card withBorder padding="xs" role="group" aria-labelledby={fieldId(`${path}.heading`)}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} id={fieldId(`${path}.heading`)}>
            {t("editor.objectiveNumber", { number })}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t("editor.removeObjective", { number })}
            onClick={onRemove}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
        <Textarea
          id={fieldId(`${path}.statement`)}
          label={t("editor.statement")}
          value={objective.statement}
          onChange={(e) => onChange({ ...objective, statement: e.currentTarget.value })}
          error={errors[`${path}.statement`]}
          autosize
          minRows={1}
        />
        <Select
          id={fieldId(`${path}.measure`)}
          label={t("editor.measureKind")}
          data={[
            { value: "none", label: t("measureKinds.none") },
            ...MEASURE_KINDS.map((k) => ({ value: k, label: t(`measureKinds.${k}`) })),
          ]}
          value={kind}
          allowDeselect={false}
          onChange={(value) =>
            onChange({
              ...objective,
              measure: value === null || value === "none" ? null : blankMeasure(value as MeasureKind),
            })
          }
          error={errors[`${path}.measure`]}
        />
        {objective.measure && (
          <MeasureFields
            measure={objective.measure}
            path={`${path}.measure`}
            errors={errors}
            onChange={(measure) => onChange({ ...objective, measure })}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            id={fieldId(`${path}.targetOn`)}
            type="date"
            label={t("editor.targetOn")}
            value={objective.targetOn ?? ""}
            min={startsOn}
            onChange={(e) => onChange({ ...objective, targetOn: e.currentTarget.value || null })}
            error={errors[`${path}.targetOn`]}
          />
          <Select
            id={fieldId(`${path}.status`)}
            label={t("editor.status")}
            data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`objectiveStatus.${s}`) }))}
            value={objective.status}
            allowDeselect={false}
            onChange={(s) => s && onChange({ ...objective, status: s as ObjectiveStatus })}
            error={errors[`${path}.status`]}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
