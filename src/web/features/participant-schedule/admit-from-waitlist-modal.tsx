import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { admitFromWaitlistSchema } from "../../../core/schedule/enrollment.schema";
import { useAdmitFromWaitlist } from "./api/admit-from-waitlist";
import { enrollmentFailureOf } from "./enrollment-errors";
import { todayHere } from "./today";

/** Give someone on a track's waitlist a place from a date; still full on that date is said plainly. */
export function AdmitFromWaitlistModal({
  enrollmentId,
  name,
  track,
  onClose,
}: {
  enrollmentId: string;
  name: string;
  track: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("participantSchedule");
  const admit = useAdmitFromWaitlist();
  const [joinOn, setJoinOn] = useState(todayHere());
  const [errors, setErrors] = useState<Partial<Record<"joinOn" | "form", string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!admitFromWaitlistSchema.safeParse({ joinOn }).success) {
      setErrors({ joinOn: t("errors.dateRequired") });
      return;
    }
    setErrors({});
    admit.mutate(
      { enrollmentId, input: { joinOn } },
      {
        onSuccess: (placed) => {
          if (placed.warnings.length > 0) {
            notifications.show({
              color: "yellow",
              title: t("placement.warningTitle"),
              message: placed.warnings.join(" "),
            });
          }
          notifications.show({ color: "green", message: t("admit.done", { name, track }) });
          onClose();
        },
        onError: (error) => {
          const failure = enrollmentFailureOf(error, ["joinOn"]);
          if (failure.kind === "full") setErrors({ form: t("admit.stillFull", { track }) });
          else if (failure.kind === "fields") setErrors(failure.fields);
          else setErrors({ form: t(failure.key) });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("admit.title", { name, track })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t("admit.body", { name, track })}</Text>
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextInput
            type="date"
            label={t("admit.joinOn")}
            value={joinOn}
            onChange={(e) => setJoinOn(e.currentTarget.value)}
            error={errors.joinOn}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={admit.isPending}>
              {t("admit.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
