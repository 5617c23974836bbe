import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { enrollmentExitSchema } from "../../../core/schedule/enrollment.schema";
import { useExitEnrollment } from "./api/exit-enrollment";
import { enrollmentFailureOf } from "./enrollment-errors";
import { todayHere } from "./today";

type Errors = Partial<Record<"on" | "reason" | "form", string>>;

/**
 * End a place in a track, or take someone off its waitlist: a date and a reason, then a
 * confirmation that says what happens (the history keeps the place).
 */
export function LeaveTrackModal({
  enrollmentId,
  waitlist,
  name,
  track,
  onClose,
}: {
  enrollmentId: string;
  /** Taking them off the waitlist rather than ending a place. */
  waitlist: boolean;
  name: string;
  track: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("participantSchedule");
  const exit = useExitEnrollment();
  const [on, setOn] = useState(todayHere());
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const words = waitlist ? "leave.waitlist" : "leave.place";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = enrollmentExitSchema.safeParse({ on, reason });
    if (!parsed.success) {
      const local: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (field === "on") local.on = t("errors.dateRequired");
        else if (!local.reason)
          local.reason = reason.trim().length > 300 ? t("errors.reasonTooLong") : t("errors.reasonRequired");
      }
      setErrors(local);
      return;
    }
    setErrors({});
    exit.mutate(
      { enrollmentId, input: parsed.data },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t(`${words}.done`, { name, track }) });
          onClose();
        },
        onError: (error) => {
          const failure = enrollmentFailureOf(error, ["on", "reason"]);
          if (failure.kind === "fields") setErrors(failure.fields);
          else setErrors({ form: failure.kind === "form" ? t(failure.key) : t("errors.generic") });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t(`${words}.title`, { name, track })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t(`${words}.body`, { name, track })}</Text>
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextInput
            type="date"
            label={t(`${words}.on`)}
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
            error={errors.on}
            required
          />
          <Textarea
            label={t("leave.reason")}
            description={t("leave.reasonHint")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            rows={3}
            maxLength={300}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("leave.keep")}
            </Button>
            <Button type="submit" color="red" loading={exit.isPending}>
              {t(`${words}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
