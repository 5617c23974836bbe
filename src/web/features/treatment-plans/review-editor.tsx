import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  OBJECTIVE_STATUSES,
  type Objective,
  type ObjectiveStatus,
} from "../../../core/treatment-plans/plan.schema";
import type { ReviewDetail, VersionDetail } from "../../../core/treatment-plans/plan-api.schema";
import type { ObjectiveProgress } from "../../../core/treatment-plans/review.schema";
import { ApiError, type ApiFieldError } from "../../app/api-client";
import { useFinalizeReview } from "./api/review-finalize";
import { getReview } from "./api/review-get";
import { useSaveReview } from "./api/review-save";
import { formatTimeOfDay } from "./my-plan-words";
import { type AutosaveState, type ReviewDraft, useReviewAutosave } from "./review-editor-autosave";

/** The objectives of the reviewed version, by id, with where they sit in the plan. */
export function objectivesOf(
  version: VersionDetail | null,
): Map<string, { objective: Objective; problem: string }> {
  return new Map(
    (version?.content.problems ?? []).flatMap((problem) =>
      problem.objectives.map((objective) => [objective.id, { objective, problem: problem.title }] as const),
    ),
  );
}

function SaveStatus({ state }: { state: AutosaveState }) {
  const { t, i18n } = useTranslation("myPlan");
  const text =
    state.kind === "saving"
      ? t("staff.saving")
      : state.kind === "saved"
        ? t("staff.saved", { time: formatTimeOfDay(state.at, i18n.language) })
        : state.kind === "offline"
          ? t("staff.offline")
          : state.kind === "failed"
            ? t("staff.saveFailed")
            : state.kind === "idle"
              ? t("staff.unsaved")
              : "";
  return (
    <Text size="sm" role="status" aria-live="polite" c={state.kind === "failed" ? "red" : "dimmed"}>
      {text}
    </Text>
  );
}

/**
 * The open review while it is a draft: per objective of the reviewed version its status, the measured
 * value and a note; the summary and whether the plan needs changing; saved as the clinician types
 * (with the revision read, so two people cannot overwrite each other), then sent for signatures.
 */
export function ReviewEditor({
  participantId,
  review,
  version,
}: {
  participantId: string;
  review: ReviewDetail;
  /** The signed version under review (for the objectives' words). */
  version: VersionDetail | null;
}) {
  const { t } = useTranslation("myPlan");
  const save = useSaveReview();
  const finalize = useFinalizeReview();
  const autosave = useReviewAutosave(review, (input) =>
    save.mutateAsync({ participantId, planId: review.planId, reviewId: review.id, input }),
  );
  const { draft, change, state } = autosave;
  const [fieldErrors, setFieldErrors] = useState<ApiFieldError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [unsavedCopy, setUnsavedCopy] = useState<ReviewDraft | null>(null);
  const [reloading, setReloading] = useState(false);
  const objectives = objectivesOf(version);

  const errorAt = (path: string) => fieldErrors.find((f) => f.path === path)?.message;
  const setContent = (content: Partial<ReviewDraft["content"]>) =>
    change({ ...draft, content: { ...draft.content, ...content } });
  const setProgress = (index: number, entry: Partial<ObjectiveProgress>) =>
    setContent({
      progress: draft.content.progress.map((p, i) => (i === index ? { ...p, ...entry } : p)),
    });

  const reload = async () => {
    setReloading(true);
    try {
      const mine = draft;
      const theirs = await getReview(review.planId, review.id);
      setUnsavedCopy(mine);
      autosave.adopt(theirs);
    } catch (error) {
      setFormError(error instanceof ApiError && error.message ? error.message : t("staff.failed"));
    } finally {
      setReloading(false);
    }
  };

  const send = async () => {
    setFieldErrors([]);
    setFormError(null);
    if (!(await autosave.flush())) return;
    finalize.mutate(
      { participantId, planId: review.planId, reviewId: review.id, revision: autosave.revision() },
      {
        onSuccess: () => notifications.show({ color: "green", message: t("staff.sent") }),
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0) setFieldErrors(error.fields);
          else
            setFormError(error instanceof ApiError && error.message ? error.message : t("staff.sendFailed"));
        },
      },
    );
  };

  const statusOptions = OBJECTIVE_STATUSES.map((s) => ({
    value: s,
    label: t(`staff.objectiveStatuses.${s}`),
  }));
  const unplaced = fieldErrors.filter(
    (f) => !/^(heldOn|content\.summary|content\.progress\.\d+\.(status|note|value))$/.test(f.path),
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <TextInput
          type="date"
          label={t("staff.heldOn")}
          value={draft.heldOn}
          onChange={(e) => change({ ...draft, heldOn: e.currentTarget.value })}
          error={errorAt("heldOn")}
          required
        />
        <SaveStatus state={state} />
      </Group>
      {state.kind === "conflict" && (
        <Alert color="orange" role="alert" title={t("staff.conflict")}>
          <Text size="sm">{state.message}</Text>
          <Button mt="sm" variant="default" loading={reloading} onClick={() => void reload()}>
            {t("staff.reload")}
          </Button>
        </Alert>
      )}
      {unsavedCopy && (
        <Card withBorder padding="sm">
          <Text size="sm" fw={600}>
            {t("staff.yourChanges")}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {[unsavedCopy.content.summary, ...unsavedCopy.content.progress.map((p) => p.note)]
              .filter((s) => s.trim() !== "")
              .join("\n\n")}
          </Text>
        </Card>
      )}
      {draft.content.progress.length === 0 && <Text>{t("staff.noObjectives")}</Text>}
      {draft.content.progress.map((entry, index) => {
        const found = objectives.get(entry.objectiveId);
        const prefix = `content.progress.${index}`;
        const headingId = `review-objective-${entry.objectiveId}`;
        return (
          <Card
            key={entry.objectiveId}
            withBorder
            padding="sm"
            component="fieldset"
            aria-labelledby={headingId}
          >
            <Stack gap="xs">
              <Title order={4} size="h6" id={headingId}>
                {found ? found.objective.statement : t("review.unknownObjective")}
                {found && (
                  <Text span size="sm" c="dimmed" fw={400}>
                    {" "}
                    · {found.problem}
                  </Text>
                )}
              </Title>
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t("staff.objectiveStatus")}
                  data={statusOptions}
                  value={entry.status}
                  allowDeselect={false}
                  onChange={(value) => value && setProgress(index, { status: value as ObjectiveStatus })}
                  error={errorAt(`${prefix}.status`)}
                />
                <NumberInput
                  label={t("staff.value")}
                  description={t("staff.valueHint")}
                  min={0}
                  max={100000}
                  value={entry.value ?? ""}
                  onChange={(value) =>
                    setProgress(index, { value: typeof value === "number" ? value : null })
                  }
                  error={errorAt(`${prefix}.value`)}
                />
              </Group>
              <Textarea
                label={t("staff.note")}
                rows={2}
                maxLength={2000}
                value={entry.note}
                onChange={(e) => setProgress(index, { note: e.currentTarget.value })}
                error={errorAt(`${prefix}.note`)}
              />
            </Stack>
          </Card>
        );
      })}
      <Textarea
        label={t("staff.summary")}
        description={t("staff.summaryHint")}
        rows={3}
        maxLength={5000}
        value={draft.content.summary}
        onChange={(e) => setContent({ summary: e.currentTarget.value })}
        error={errorAt("content.summary")}
      />
      <Checkbox
        label={t("staff.changesNeeded")}
        description={t("staff.changesNeededHint")}
        checked={draft.content.planChangesNeeded}
        onChange={(e) => setContent({ planChangesNeeded: e.currentTarget.checked })}
      />
      {(formError || unplaced.length > 0) && (
        <Alert color="red" role="alert" title={unplaced.length > 0 ? t("staff.fixBeforeSending") : undefined}>
          {formError}
          {unplaced.length > 0 && (
            <List size="sm">
              {unplaced.map((f) => (
                <List.Item key={f.path}>{f.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          leftSection={<IconSend size={18} aria-hidden />}
          loading={finalize.isPending}
          disabled={state.kind === "conflict"}
          onClick={() => void send()}
        >
          {t("staff.sendForSignatures")}
        </Button>
      </Group>
    </Stack>
  );
}
