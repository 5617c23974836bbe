import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AftercareTask,
  APPOINTMENT_OUTCOMES,
  type AppointmentOutcome,
  recordOutcomeInputSchema,
} from "../../../core/handoffs/handoff.schema";
import { ApiError } from "../../app/api-client";
import { useRecordOutcome } from "./api/record-outcome";

/**
 * The first-appointment task: when the appointment is and by when to confirm it, overdue or done, and
 * (for staff who write clinical content) the outcome form — validated with the server's schema.
 */
export function TaskOutcome({
  participantId,
  task,
  canWrite,
}: {
  participantId: string;
  task: AftercareTask;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation("handoffs");
  const record = useRecordOutcome(participantId, task.id);
  const [outcome, setOutcome] = useState<AppointmentOutcome | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = recordOutcomeInputSchema.safeParse({ outcome: outcome ?? undefined, note });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "outcome"), i.message])),
      );
      return;
    }
    setErrors({});
    record.mutate(parsed.data, {
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length > 0)
          setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
      },
    });
  };

  return (
    <Stack gap="xs" id={`task-${task.id}`} component="section" aria-labelledby={`task-title-${task.id}`}>
      <Group gap="xs">
        <Title order={3} size="h5" id={`task-title-${task.id}`}>
          {t("task.title")}
        </Title>
        {task.status === "open" ? (
          <Badge color={task.overdue ? "red" : "blue"} variant="light">
            {task.overdue ? t("task.overdue") : t("task.open")}
          </Badge>
        ) : (
          <Badge color="teal" variant="light">
            {t("task.done", { outcome: task.outcome ? t(`task.outcomes.${task.outcome}`) : "—" })}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {t("task.summary", { appointment: day(task.appointmentOn), due: day(task.dueOn) })}
      </Text>
      {task.status !== "open" && (
        <>
          {task.note && <Text size="sm">{task.note}</Text>}
          {task.completedAt && (
            <Text size="xs" c="dimmed">
              {t("task.completed", {
                by: task.completedBy ?? "—",
                when: new Intl.DateTimeFormat(i18n.language, {
                  dateStyle: "medium",
                  timeStyle: "short",
                }).format(new Date(task.completedAt)),
              })}
            </Text>
          )}
        </>
      )}
      {task.status === "open" && canWrite && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs" maw={480}>
            <Select
              label={t("task.outcome")}
              required
              value={outcome}
              error={errors.outcome}
              data={APPOINTMENT_OUTCOMES.map((o) => ({ value: o, label: t(`task.outcomes.${o}`) }))}
              onChange={(value) => setOutcome(value as AppointmentOutcome | null)}
            />
            <Textarea
              label={t("task.note")}
              description={t("task.noteHelp")}
              value={note}
              error={errors.note}
              rows={3}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            {record.isError && Object.keys(errors).length === 0 && (
              <Alert color="red" role="alert">
                {record.error instanceof ApiError ? record.error.message : t("task.failed")}
              </Alert>
            )}
            <Button type="submit" loading={record.isPending} w="fit-content">
              {t("task.save")}
            </Button>
          </Stack>
        </form>
      )}
      {record.isSuccess && (
        <Alert color="teal" role="status">
          {t("task.saved")}
        </Alert>
      )}
    </Stack>
  );
}
