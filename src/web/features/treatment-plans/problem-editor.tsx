import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  INTERVENTION_KINDS,
  type Intervention,
  type InterventionKind,
  type Problem,
  type ProblemSource,
} from "../../../core/treatment-plans/plan.schema";
import { ObjectiveEditor } from "./objective-editor";
import { emptyIntervention, emptyObjective, fieldId, replaced, without } from "./plan-fields";

const sourceKey = (s: ProblemSource) => `${s.kind}|${s.ref ?? ""}|${s.label}`;

/** The problem's sources: remove one, add one from the record, or add the participant's own words. */
function SourcesEditor({
  sources,
  path,
  available,
  errors,
  onChange,
}: {
  sources: ProblemSource[];
  path: string;
  available: readonly ProblemSource[];
  errors: Record<string, string>;
  onChange: (sources: ProblemSource[]) => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const [words, setWords] = useState("");
  const present = new Set(sources.map(sourceKey));
  const options = available
    .filter((s) => !present.has(sourceKey(s)))
    .map((s) => ({ value: sourceKey(s), label: `${t(`sourceKinds.${s.kind}`)}: ${s.label}` }));
  const addWords = () => {
    const label = words.trim();
    if (label === "") return;
    onChange([...sources, { kind: "participant_words", ref: null, label }]);
    setWords("");
  };
  return (
    <Stack gap={6} role="group" aria-labelledby={fieldId(`${path}.heading`)}>
      <Text size="sm" fw={500} id={fieldId(`${path}.heading`)}>
        {t("editor.sources")}
      </Text>
      {errors[path] && (
        <Text size="sm" c="var(--mantine-color-error)">
          {errors[path]}
        </Text>
      )}
      {sources.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {sources.map((s, index) => (
            <Group key={sourceKey(s)} component="li" gap="xs" wrap="nowrap">
              <Text size="sm" style={{ flex: 1 }}>
                {t(`sourceKinds.${s.kind}`)}: {s.label}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("editor.removeSource", { label: s.label })}
                onClick={() => onChange(without(sources, index))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {options.length > 0 && (
          <Select
            label={t("editor.addSourceFromRecord")}
            data={options}
            value={null}
            onChange={(key) => {
              const chosen = available.find((s) => sourceKey(s) === key);
              if (chosen) onChange([...sources, chosen]);
            }}
          />
        )}
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t("editor.participantWordsSource")}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addWords();
              }
            }}
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={addWords} disabled={words.trim() === ""}>
            {t("editor.addWords")}
          </Button>
        </Group>
      </SimpleGrid>
    </Stack>
  );
}

function InterventionEditor({
  intervention,
  number,
  path,
  errors,
  onChange,
  onRemove,
}: {
  intervention: Intervention;
  number: number;
  path: string;
  errors: Record<string, string>;
  onChange: (intervention: Intervention) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const text = (field: "what" | "frequency" | "responsible") => ({
    id: fieldId(`${path}.${field}`),
    label: t(`editor.${field}`),
    value: intervention[field],
    error: errors[`${path}.${field}`],
    onChange: (e: { currentTarget: HTMLInputElement }) =>
      onChange({ ...intervention, [field]: e.currentTarget.value }),
  });
  return (
    <Card withBorder padding="xs" role="group" aria-labelledby={fieldId(`${path}.heading`)}>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text size="sm" fw={600} id={fieldId(`${path}.heading`)}>
          {t("editor.interventionNumber", { number })}
        </Text>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t("editor.removeIntervention", { number })}
          onClick={onRemove}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Select
          id={fieldId(`${path}.kind`)}
          label={t("editor.kind")}
          data={INTERVENTION_KINDS.map((k) => ({ value: k, label: t(`interventionKinds.${k}`) }))}
          value={intervention.kind}
          allowDeselect={false}
          onChange={(k) => k && onChange({ ...intervention, kind: k as InterventionKind })}
          error={errors[`${path}.kind`]}
        />
        <TextInput {...text("what")} />
        <TextInput {...text("frequency")} />
        <TextInput {...text("responsible")} />
      </SimpleGrid>
    </Card>
  );
}

/** One problem: title, sources, the goal in both voices, objectives and interventions; move or remove it. */
export function ProblemEditor({
  problem,
  index,
  count,
  startsOn,
  availableSources,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  problem: Problem;
  index: number;
  count: number;
  startsOn: string;
  availableSources: readonly ProblemSource[];
  errors: Record<string, string>;
  onChange: (problem: Problem) => void;
  onMove: (offset: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("treatmentPlans");
  const path = `content.problems.${index}`;
  const number = index + 1;
  const headingId = fieldId(`${path}.heading`);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5" id={headingId}>
            {t("content.problemNumber", { number })}
            {problem.title && `: ${problem.title}`}
          </Title>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t("editor.moveUp", { number })}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t("editor.moveDown", { number })}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("editor.removeProblem", { number })}
              onClick={onRemove}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <TextInput
          id={fieldId(`${path}.title`)}
          label={t("editor.problemTitle")}
          value={problem.title}
          onChange={(e) => onChange({ ...problem, title: e.currentTarget.value })}
          error={errors[`${path}.title`]}
        />
        <SourcesEditor
          sources={problem.sources}
          path={`${path}.sources`}
          available={availableSources}
          errors={errors}
          onChange={(sources) => onChange({ ...problem, sources })}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          <Textarea
            id={fieldId(`${path}.goal.participantWords`)}
            label={t("editor.goalParticipantWords")}
            value={problem.goal.participantWords}
            onChange={(e) =>
              onChange({ ...problem, goal: { ...problem.goal, participantWords: e.currentTarget.value } })
            }
            error={errors[`${path}.goal.participantWords`]}
            autosize
            minRows={2}
          />
          <Textarea
            id={fieldId(`${path}.goal.clinical`)}
            label={t("editor.goalClinical")}
            value={problem.goal.clinical}
            onChange={(e) =>
              onChange({ ...problem, goal: { ...problem.goal, clinical: e.currentTarget.value } })
            }
            error={errors[`${path}.goal.clinical`]}
            autosize
            minRows={2}
          />
        </SimpleGrid>

        <Title order={4} size="h6">
          {t("editor.objectives")}
        </Title>
        {problem.objectives.map((objective, i) => (
          <ObjectiveEditor
            key={objective.id}
            objective={objective}
            number={i + 1}
            path={`${path}.objectives.${i}`}
            startsOn={startsOn}
            errors={errors}
            onChange={(next) => onChange({ ...problem, objectives: replaced(problem.objectives, i, next) })}
            onRemove={() => onChange({ ...problem, objectives: without(problem.objectives, i) })}
          />
        ))}
        {errors[`${path}.objectives`] && (
          <Text size="sm" c="var(--mantine-color-error)">
            {errors[`${path}.objectives`]}
          </Text>
        )}
        <Button
          id={fieldId(`${path}.objectives`)}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange({ ...problem, objectives: [...problem.objectives, emptyObjective()] })}
          style={{ alignSelf: "flex-start" }}
        >
          {t("editor.addObjective")}
        </Button>

        <Title order={4} size="h6">
          {t("editor.interventions")}
        </Title>
        {problem.interventions.map((intervention, i) => (
          <InterventionEditor
            key={intervention.id}
            intervention={intervention}
            number={i + 1}
            path={`${path}.interventions.${i}`}
            errors={errors}
            onChange={(next) =>
              onChange({ ...problem, interventions: replaced(problem.interventions, i, next) })
            }
            onRemove={() => onChange({ ...problem, interventions: without(problem.interventions, i) })}
          />
        ))}
        {errors[`${path}.interventions`] && (
          <Text size="sm" c="var(--mantine-color-error)">
            {errors[`${path}.interventions`]}
          </Text>
        )}
        <Button
          id={fieldId(`${path}.interventions`)}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            onChange({ ...problem, interventions: [...problem.interventions, emptyIntervention()] })
          }
          style={{ alignSelf: "flex-start" }}
        >
          {t("editor.addIntervention")}
        </Button>
      </Stack>
    </Card>
  );
}
