import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  isAttended,
} from "../../../core/attendance/attendance.schema";
import {
  type AppointmentAttendanceInput,
  appointmentCancelSchema,
  type CancelScope,
  checkAppointmentAttendance,
  type ScheduleConflictView,
} from "../../../core/schedule/appointment.schema";
import type { CalendarEntry } from "../../../core/schedule/calendar.schema";
import { ApiError } from "../../app/api-client";
import { requestErrorKey } from "../admin/form-errors";
import { useCancelAppointment } from "./api/cancel-appointment";
import { useMoveAppointment } from "./api/move-appointment";
import { useRecordAppointmentAttendance } from "./api/record-appointment-attendance";
import { conflictsOf, conflictText, type FormErrors, serverFieldMessage, validateMove } from "./booking-form";
import { formatWhen } from "./calendar-format";
import { ConflictSummary } from "./conflict-list";

/** A request's failure as one line: the server's words for a refusal it explains, else ours. */
export function useFailureText() {
  const { t } = useTranslation("calendar");
  return (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0)
      return error.fields.map((f) => f.message).join(" ");
    if (error instanceof ApiError && error.status === 409) return error.message;
    return t(requestErrorKey(error), { ns: "admin" });
  };
}

/**
 * Move one session to another date or time: the keyboard way to do what dragging does. Clashes are
 * listed in plain words; over the participant's declared unavailability only, it can go ahead
 * after a second confirmation.
 */
export function MoveForm({ entry, onDone }: { entry: CalendarEntry; onDone: () => void }) {
  const { t, i18n } = useTranslation("calendar");
  const move = useMoveAppointment();
  const failure = useFailureText();
  const [values, setValues] = useState({ date: entry.date, start: entry.start, end: entry.end });
  const [errors, setErrors] = useState<FormErrors>({});
  const [conflicts, setConflicts] = useState<ScheduleConflictView[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);

  const change = (field: keyof typeof values, value: string) => {
    setValues({ ...values, [field]: value });
    setErrors({ ...errors, [field]: "" });
    setConflicts([]);
  };

  const submit = (allowUnavailability: boolean) => {
    setGeneral(null);
    const found = validateMove(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    move.mutate(
      { id: entry.appointment!.id, move: { ...values, allowUnavailability } },
      {
        onSuccess: (moved) => {
          notifications.show({
            color: "green",
            message: t("move.moved", { when: formatWhen(moved, i18n.language) }),
          });
          onDone();
        },
        onError: (error) => {
          setAttempt((n) => n + 1);
          const clashes = conflictsOf(error);
          setConflicts(clashes);
          if (clashes.length > 0) return;
          const fields: FormErrors = {};
          if (error instanceof ApiError) {
            for (const f of error.fields) {
              if (["date", "start", "end"].includes(f.path))
                fields[f.path] ??= serverFieldMessage(f.message, t, i18n.language);
            }
          }
          setErrors(fields);
          if (Object.keys(fields).length === 0) setGeneral(failure(error));
        },
      },
    );
  };

  return (
    <form
      noValidate
      aria-label={t("move.title")}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit(false);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t("move.help", { zone: entry.timeZone })}</Text>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t("book.date")}
            w={170}
            value={values.date}
            error={errors.date || undefined}
            onChange={(e) => change("date", e.currentTarget.value)}
          />
          <TextInput
            type="time"
            step={900}
            label={t("book.start")}
            w={130}
            value={values.start}
            error={errors.start || undefined}
            onChange={(e) => change("start", e.currentTarget.value)}
          />
          <TextInput
            type="time"
            step={900}
            label={t("book.end")}
            w={130}
            value={values.end}
            error={errors.end || undefined}
            onChange={(e) => change("end", e.currentTarget.value)}
          />
        </Group>
        <ConflictSummary
          key={attempt}
          conflicts={conflicts}
          action="move"
          loading={move.isPending}
          onOverride={() => submit(true)}
        >
          <ClashList conflicts={conflicts} />
        </ConflictSummary>
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={move.isPending}>
            {t("move.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The clashes of a refused move, one per line. */
export function ClashList({ conflicts }: { conflicts: readonly ScheduleConflictView[] }) {
  const { i18n } = useTranslation("calendar");
  return (
    <List size="sm" spacing={2}>
      {conflicts.map((c) => (
        <List.Item key={`${c.field} ${c.date} ${c.start} ${c.message}`}>
          {conflictText(c, false, i18n.language)}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Cancel a session with a reason: this one, or (in a repeating booking) this and the following.
 * The form is the confirmation: nothing happens until its red button.
 */
export function CancelForm({
  entry,
  onDone,
  onKeep,
}: {
  entry: CalendarEntry;
  onDone: () => void;
  onKeep: () => void;
}) {
  const { t } = useTranslation("calendar");
  const cancel = useCancelAppointment();
  const failure = useFailureText();
  const [reason, setReason] = useState("");
  const [scope, setScope] = useState<CancelScope>("one");
  const [error, setError] = useState<string | null>(null);
  const series = entry.appointment?.seriesId !== null && entry.appointment?.seriesId !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = appointmentCancelSchema.safeParse({ reason, scope });
    if (!parsed.success) {
      const tooLong = reason.trim().length > 500;
      setError(tooLong ? t("cancel.reasonTooLong") : t("cancel.reasonRequired"));
      return;
    }
    setError(null);
    cancel.mutate(
      { id: entry.appointment!.id, cancel: parsed.data },
      {
        onSuccess: ({ appointments }) => {
          notifications.show({
            color: "green",
            message: t("cancel.done", { count: appointments.length }),
          });
          onDone();
        },
      },
    );
  };

  return (
    <form noValidate aria-label={t("cancel.title")} onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t("cancel.question")}
        </Text>
        {series && (
          <Radio.Group label={t("cancel.scope")} value={scope} onChange={(v) => setScope(v as CancelScope)}>
            <Stack gap={6} mt={4}>
              <Radio value="one" label={t("cancel.scopeOne")} />
              <Radio value="this_and_following" label={t("cancel.scopeFollowing")} />
            </Stack>
          </Radio.Group>
        )}
        <Textarea
          label={t("cancel.reason")}
          description={t("cancel.reasonHelp")}
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={error ?? undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {cancel.isError && (
          <Alert color="red" variant="light" role="alert">
            {failure(cancel.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" color="red" loading={cancel.isPending}>
            {scope === "one" ? t("cancel.confirmOne") : t("cancel.confirmFollowing")}
          </Button>
          <Button variant="default" onClick={onKeep}>
            {t("cancel.keep")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The session's length in minutes from its instants (DST-safe), else from its wall times. */
function sessionMinutesOf(entry: CalendarEntry): number {
  if (entry.startsAt && entry.endsAt)
    return Math.round((Date.parse(entry.endsAt) - Date.parse(entry.startsAt)) / 60_000);
  const [sh, sm] = entry.start.split(":").map(Number);
  const [eh, em] = entry.end.split(":").map(Number);
  return eh! * 60 + em! - (sh! * 60 + sm!);
}

/**
 * Attendance at one appointment: a status and the minutes attended (the whole session when
 * present, none when absent, typed when late or leaving early); a change to a saved mark needs a
 * reason. Checked with the server's own rule before it is sent.
 */
export function AttendanceForm({
  entry,
  saved,
  onDone,
}: {
  entry: CalendarEntry;
  saved: { status: AttendanceStatus; minutesAttended: number } | null;
  onDone: () => void;
}) {
  const { t } = useTranslation("calendar");
  const record = useRecordAppointmentAttendance();
  const failure = useFailureText();
  const sessionMinutes = sessionMinutesOf(entry);
  const [status, setStatus] = useState<AttendanceStatus | "">(saved?.status ?? "");
  const [minutes, setMinutes] = useState<number | string>(saved?.minutesAttended ?? "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});

  const choose = (value: string) => {
    const next = value as AttendanceStatus;
    setStatus(next);
    setErrors({});
    if (next === "present") setMinutes(sessionMinutes);
    else if (!isAttended(next)) setMinutes(0);
    else setMinutes("");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status === "") {
      setErrors({ status: t("attendance.errors.status") });
      return;
    }
    const input: AppointmentAttendanceInput = {
      status,
      minutesAttended: minutes === "" ? undefined : Number(minutes),
      reason: saved ? reason : undefined,
    };
    const check = checkAppointmentAttendance(input, sessionMinutes, saved);
    if (!check.ok) {
      const found: FormErrors = {};
      for (const problem of check.problems) {
        const field = problem.path.split(".")[0] ?? "";
        if (found[field]) continue;
        found[field] =
          field === "minutesAttended"
            ? t("attendance.errors.minutes", { max: sessionMinutes })
            : field === "reason"
              ? t("attendance.errors.reason")
              : t("attendance.errors.status");
      }
      setErrors(found);
      return;
    }
    setErrors({});
    record.mutate(
      { id: entry.appointment!.id, attendance: input },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("attendance.saved") });
          onDone();
        },
      },
    );
  };

  const partial = status === "late" || status === "left_early";
  return (
    <form noValidate aria-label={t("attendance.title")} onSubmit={submit}>
      <Stack gap="sm">
        <Radio.Group
          label={t("attendance.status")}
          value={status}
          onChange={choose}
          error={errors.status || undefined}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} verticalSpacing={6} mt={4}>
            {ATTENDANCE_STATUSES.map((s) => (
              <Radio key={s} value={s} label={t(`schedule:statuses.${s}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <NumberInput
          label={t("attendance.minutes")}
          description={t("attendance.minutesHelp", { minutes: sessionMinutes })}
          min={0}
          max={sessionMinutes}
          allowDecimal={false}
          w={220}
          value={minutes}
          disabled={status !== "" && !partial && status !== "present"}
          error={errors.minutesAttended || undefined}
          onChange={(value) => {
            setMinutes(value);
            setErrors({ ...errors, minutesAttended: "" });
          }}
        />
        {saved && (
          <TextInput
            label={t("attendance.reason")}
            description={t("attendance.reasonHelp")}
            value={reason}
            error={errors.reason || undefined}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {record.isError && (
          <Alert color="red" variant="light" role="alert">
            {failure(record.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t("attendance.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
