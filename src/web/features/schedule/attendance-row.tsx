import { Badge, Button, Group, Paper, Stack, Switch, Text, TextInput } from "@mantine/core";
import { IconNote } from "@tabler/icons-react";
import { type KeyboardEvent, memo, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  isAttended,
  isPartial,
  NOTE_MAX,
} from "../../../core/attendance/attendance.schema";
import { type DraftRow, type FieldMessage, isChanged, type RowErrors } from "./attendance-draft";

/** Colour of a chosen status: attended, partly, absent, or the program's doing. */
const TONE: Record<AttendanceStatus, "ok" | "warn" | "absent" | "neutral"> = {
  present: "ok",
  late: "warn",
  left_early: "warn",
  absent_excused: "absent",
  absent_unexcused: "absent",
  cancelled_by_program: "neutral",
};

/** A field message in the reader's language (our keys) or as the server wrote it. */
export function useMessageText() {
  const { t } = useTranslation("schedule");
  return (message: FieldMessage | undefined): string | undefined =>
    message === undefined ? undefined : "text" in message ? message.text : t(message.key, message.values);
}

interface RowProps {
  row: DraftRow;
  sessionMinutes: number;
  /** The session allows joining by video: show the telehealth switch for those who attended. */
  telehealthAllowed: boolean;
  errors: RowErrors | undefined;
  onStatus: (participantId: string, status: AttendanceStatus) => void;
  onChange: (participantId: string, change: Partial<DraftRow>) => void;
}

/**
 * One participant on the roster: their name, six large status buttons (native radios: arrow keys
 * move, digits 1–6 choose), the minutes their status implies (typed for late or left early),
 * telehealth and a note. A changed saved mark is flagged; problems show on their field.
 */
export const AttendanceRow = memo(function AttendanceRow({
  row,
  sessionMinutes,
  telehealthAllowed,
  errors,
  onStatus,
  onChange,
}: RowProps) {
  const { t } = useTranslation("schedule");
  const text = useMessageText();
  const id = useId();
  const [noteOpen, setNoteOpen] = useState(row.note !== "");
  const changed = isChanged(row);
  const statusError = text(errors?.status);
  const minutesError = text(errors?.minutesAttended);
  const telehealthError = text(errors?.telehealth);
  const noteError = text(errors?.note);
  const invalid = errors !== undefined && Object.keys(errors).length > 0;

  const onDigit = (event: KeyboardEvent<HTMLDivElement>) => {
    const status = ATTENDANCE_STATUSES[Number(event.key) - 1];
    if (!/^[1-6]$/.test(event.key) || !status) return;
    event.preventDefault();
    onStatus(row.participantId, status);
    const radio = event.currentTarget.querySelector<HTMLInputElement>(`input[value="${status}"]`);
    radio?.focus();
  };

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      className="attendance-row"
      data-changed={changed || undefined}
      data-invalid={invalid || undefined}
    >
      <fieldset aria-labelledby={`${id}-name`} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Group justify="space-between" align="center" gap="xs" mb="xs" wrap="wrap">
          <Text id={`${id}-name`} fw={700} size="lg">
            {row.name}
          </Text>
          <RowState row={row} changed={changed} />
        </Group>
        <Stack gap="xs">
          <div
            role="radiogroup"
            aria-label={t("attendance.row.status", { name: row.name })}
            aria-invalid={statusError ? true : undefined}
            aria-describedby={statusError ? `${id}-status-error` : undefined}
            className="status-picker"
            data-invalid={statusError ? true : undefined}
            onKeyDown={onDigit}
          >
            {ATTENDANCE_STATUSES.map((status) => (
              <label key={status} className="status-option" data-tone={TONE[status]}>
                <input
                  type="radio"
                  name={`${id}-status`}
                  value={status}
                  checked={row.status === status}
                  onChange={() => onStatus(row.participantId, status)}
                />
                {t(`statuses.${status}`)}
              </label>
            ))}
          </div>
          {statusError && (
            <Text id={`${id}-status-error`} c="var(--mantine-color-error)" size="sm">
              {statusError}
            </Text>
          )}
          <Group gap="md" align="flex-start" wrap="wrap">
            <Minutes
              row={row}
              sessionMinutes={sessionMinutes}
              error={minutesError}
              onChange={(minutes) => onChange(row.participantId, { minutes })}
            />
            {telehealthAllowed && row.status !== null && isAttended(row.status) && (
              <Switch
                size="md"
                mt={isPartial(row.status) ? 30 : 4}
                label={t("attendance.row.telehealth")}
                checked={row.telehealth}
                error={telehealthError}
                onChange={(event) => onChange(row.participantId, { telehealth: event.currentTarget.checked })}
              />
            )}
            {!telehealthAllowed && telehealthError && (
              <Text c="var(--mantine-color-error)" size="sm">
                {telehealthError}
              </Text>
            )}
          </Group>
          {noteOpen ? (
            <TextInput
              label={t("attendance.row.note")}
              size="md"
              maxLength={NOTE_MAX + 50}
              value={row.note}
              error={noteError}
              onChange={(event) => onChange(row.participantId, { note: event.currentTarget.value })}
            />
          ) : (
            <Button
              variant="subtle"
              size="sm"
              h={44}
              px="xs"
              style={{ alignSelf: "flex-start" }}
              leftSection={<IconNote size={18} aria-hidden />}
              aria-label={t("attendance.row.addNoteLabel", { name: row.name })}
              onClick={() => setNoteOpen(true)}
            >
              {t("attendance.row.addNote")}
            </Button>
          )}
        </Stack>
      </fieldset>
    </Paper>
  );
});

/** Whether the row is saved, changed since (with what it was), or not marked yet. */
function RowState({ row, changed }: { row: DraftRow; changed: boolean }) {
  const { t } = useTranslation("schedule");
  if (changed && row.saved) {
    return (
      <Badge color="orange" variant="light" size="lg" tt="none">
        {t("attendance.row.changed", {
          status: t(`statuses.${row.saved.status}`),
          minutes: row.saved.minutesAttended,
        })}
      </Badge>
    );
  }
  if (row.saved) {
    return (
      <Badge color="green" variant="light" size="lg" tt="none">
        {t("attendance.row.saved")}
      </Badge>
    );
  }
  if (row.status === null) {
    return (
      <Text size="sm" c="dimmed">
        {t("attendance.row.notMarked")}
      </Text>
    );
  }
  return null;
}

/** The minutes attended: typed for late or left early, otherwise what the status means. */
function Minutes({
  row,
  sessionMinutes,
  error,
  onChange,
}: {
  row: DraftRow;
  sessionMinutes: number;
  error: string | undefined;
  onChange: (minutes: string) => void;
}) {
  const { t } = useTranslation("schedule");
  if (row.status !== null && isPartial(row.status)) {
    return (
      <TextInput
        label={t("attendance.row.minutes", { minutes: sessionMinutes })}
        inputMode="numeric"
        autoComplete="off"
        size="md"
        w={250}
        maw="100%"
        required
        withAsterisk={false}
        value={row.minutes}
        error={error}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  if (row.status === null && !error) return null;
  return (
    <Stack gap={2}>
      {row.status !== null && (
        <Text size="sm" c="dimmed" mt={6}>
          {t("attendance.row.minutesSummary", {
            attended: row.minutes === "" ? 0 : row.minutes,
            session: sessionMinutes,
          })}
        </Text>
      )}
      {error && (
        <Text size="sm" c="var(--mantine-color-error)">
          {error}
        </Text>
      )}
    </Stack>
  );
}
