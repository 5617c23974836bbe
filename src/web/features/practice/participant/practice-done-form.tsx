import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PracticeAssignment } from "../../../../core/practice/practice.schema";
import { REFLECTION_MAX } from "../../../../core/practice/practice.schema";
import { ApiError } from "../../../app/api-client";
import { formatSignedAt } from "../../treatment-plans/my-plan-words";
import { useMarkPracticeDone } from "../api/mark-practice-done";
import { useUndoPractice } from "../api/undo-practice";

/** The server's words for a refused save (a closed window, a field), else a kind general message. */
function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError && (error.status === 409 || error.status === 400)) {
    return error.fields[0]?.message ?? error.message;
  }
  return fallback;
}

/**
 * "Mark as done" with an optional reflection, or — once done — what they wrote, with "change" and
 * "undo" (confirmed) while the practice is open. Nothing typed is lost when a save fails.
 */
export function PracticeDoneForm({ assignment }: { assignment: PracticeAssignment }) {
  const { t, i18n } = useTranslation("practice");
  const save = useMarkPracticeDone();
  const undo = useUndoPractice();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(assignment.done?.reflection ?? "");
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");
  const ref = { trackId: assignment.track.id, occurrenceKey: assignment.occurrenceKey };
  const fieldId = `reflection-${assignment.track.id}-${assignment.occurrenceKey}`;
  const tooLong = text.trim().length > REFLECTION_MAX;

  const submit = () => {
    if (tooLong) return;
    setStatus("");
    save.mutate(
      { ...ref, reflection: text },
      {
        onSuccess: () => {
          setEditing(false);
          setStatus(t("done.saved"));
        },
      },
    );
  };
  const confirmUndo = () =>
    undo.mutate(ref, {
      onSuccess: () => {
        setConfirming(false);
        setText("");
        setStatus(t("done.undone"));
      },
    });

  const done = assignment.done;
  const showForm = assignment.open && (!done || editing);
  return (
    <Stack gap="sm">
      <Text role="status" aria-live="polite" fw={600}>
        {status}
      </Text>
      {done && !editing && (
        <Stack gap={6}>
          <Text>{t("done.doneAt", { when: formatSignedAt(done.completedAt, i18n.language) })}</Text>
          <Text fw={600}>{t("done.yourReflection")}</Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{done.reflection || t("done.noReflection")}</Text>
          {assignment.open && (
            <Group gap="sm" grow preventGrowOverflow={false}>
              <Button
                variant="default"
                size="md"
                onClick={() => {
                  setText(done.reflection);
                  setStatus("");
                  setEditing(true);
                }}
              >
                {t("done.edit")}
              </Button>
              <Button variant="subtle" color="gray" size="md" onClick={() => setConfirming(true)}>
                {t("done.undo")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {showForm && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Textarea
              id={fieldId}
              label={t("done.reflectionLabel")}
              description={t("done.reflectionHint")}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              minRows={4}
              size="md"
              error={tooLong ? t("done.tooLong") : undefined}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("done.counter", { count: text.trim().length })}
            </Text>
            {save.isError && (
              <Alert color="red" variant="light">
                {errorText(save.error, t("done.saveError"))}
              </Alert>
            )}
            <Group gap="sm" grow preventGrowOverflow={false}>
              <Button type="submit" size="md" loading={save.isPending} disabled={tooLong}>
                {done ? t("done.saveChanges") : t("done.markDone")}
              </Button>
              {editing && (
                <Button variant="default" size="md" onClick={() => setEditing(false)}>
                  {t("done.cancelEdit")}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("done.undoTitle")} centered>
        <Stack gap="md">
          <Text>{t("done.undoBody")}</Text>
          {undo.isError && (
            <Alert color="red" variant="light">
              {errorText(undo.error, t("done.saveError"))}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("done.undoKeep")}
            </Button>
            <Button color="red" onClick={confirmUndo} loading={undo.isPending}>
              {t("done.undoConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
