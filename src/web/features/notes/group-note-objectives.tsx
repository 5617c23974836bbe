import { Group, MultiSelect, Stack, Text, TextInput } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  NOTE_OBJECTIVE_PROGRESS,
  type NoteObjectiveProgress,
  type ObjectiveAddressed,
} from "../../../core/notes/note.schema";
import type { GroupNoteRosterRow } from "../../../core/notes/notes-api.schema";

/**
 * The plan objectives a participant's entry addresses: picked from their current plan (several), each
 * with the progress seen (progressing / no change / regressing) and a comment. Without a signed plan
 * there is nothing to pick, and the card says so.
 */
export function GroupNoteObjectives({
  row,
  value,
  fieldId,
  error,
  onChange,
}: {
  row: GroupNoteRosterRow;
  value: readonly ObjectiveAddressed[];
  fieldId: string;
  error: string | undefined;
  onChange: (objectives: ObjectiveAddressed[]) => void;
}) {
  const { t } = useTranslation("groupNote");
  const statementOf = (objectiveId: string) =>
    row.objectives.find((o) => o.objectiveId === objectiveId)?.statement ?? t("objectives.unknown");

  if (!row.hasSignedPlan || row.objectives.length === 0) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t("objectives.title")}
        </Text>
        <Text size="sm" c="dimmed" id={fieldId} tabIndex={-1}>
          {row.hasSignedPlan ? t("objectives.noObjectives") : t("objectives.noSignedPlan")}
        </Text>
      </Stack>
    );
  }

  const choose = (ids: string[]) =>
    onChange(
      ids.map(
        (objectiveId) =>
          value.find((o) => o.objectiveId === objectiveId) ?? { objectiveId, progress: null, comment: "" },
      ),
    );
  const update = (objectiveId: string, change: Partial<ObjectiveAddressed>) =>
    onChange(value.map((o) => (o.objectiveId === objectiveId ? { ...o, ...change } : o)));

  const options = row.objectives.map((o) => ({ value: o.objectiveId, label: o.statement }));
  for (const chosen of value) {
    if (!options.some((o) => o.value === chosen.objectiveId))
      options.push({ value: chosen.objectiveId, label: t("objectives.unknown") });
  }

  return (
    <Stack gap="xs">
      <MultiSelect
        id={fieldId}
        label={t("objectives.choose")}
        placeholder={value.length === 0 ? t("objectives.choosePlaceholder") : undefined}
        data={options}
        value={value.map((o) => o.objectiveId)}
        onChange={choose}
        searchable
        hidePickedOptions
        maxValues={10}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {value.map((objective) => (
        <ObjectiveProgress
          key={objective.objectiveId}
          statement={statementOf(objective.objectiveId)}
          objective={objective}
          onChange={(change) => update(objective.objectiveId, change)}
        />
      ))}
    </Stack>
  );
}

function ObjectiveProgress({
  statement,
  objective,
  onChange,
}: {
  statement: string;
  objective: ObjectiveAddressed;
  onChange: (change: Partial<ObjectiveAddressed>) => void;
}) {
  const { t } = useTranslation("groupNote");
  const id = useId();
  return (
    <Stack gap={4} pl="sm" className="group-note-objective">
      <Text size="sm" id={`${id}-label`}>
        {t("objectives.progress", { statement })}
      </Text>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <div role="radiogroup" aria-labelledby={`${id}-label`} className="group-note-choices">
          {NOTE_OBJECTIVE_PROGRESS.map((progress: NoteObjectiveProgress) => (
            <label key={progress} className="group-note-choice">
              <input
                type="radio"
                name={`${id}-progress`}
                value={progress}
                checked={objective.progress === progress}
                onChange={() => onChange({ progress })}
              />
              {t(`progress.${progress}`)}
            </label>
          ))}
        </div>
        <TextInput
          style={{ flex: "1 1 14rem" }}
          aria-label={`${t("objectives.comment")}: ${statement}`}
          placeholder={t("objectives.comment")}
          maxLength={1000}
          value={objective.comment}
          onChange={(event) => onChange({ comment: event.currentTarget.value })}
        />
      </Group>
    </Stack>
  );
}
