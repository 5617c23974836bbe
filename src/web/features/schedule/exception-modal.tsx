import { Alert, Button, Group, Modal, MultiSelect, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SeriesException } from "../../../core/schedule/track-pattern.schema";
import type { Track } from "../../../core/schedule/tracks.schema";
import { useFacilitatorOptions } from "./api/get-facilitator-options";
import type { Occurrence } from "./api/get-occurrences";
import { useAddTrackException } from "./api/track-exceptions";
import {
  type ExceptionFormValues,
  type ExceptionKind,
  exceptionOf,
  serverExceptionErrors,
  validateExceptionForm,
} from "./track-form";
import { useSessionWhen } from "./use-session-when";

const KINDS: ExceptionKind[] = ["cancelled", "moved", "substitute"];

/**
 * Change one session of a track: cancel it (with a reason, after a confirmation), move it to another
 * date and time, or give it a substitute facilitator. The other sessions stay as they are.
 */
export function ExceptionModal({
  track,
  occurrence,
  initialKind,
  onClose,
}: {
  track: Track;
  occurrence: Occurrence;
  initialKind: ExceptionKind;
  onClose: () => void;
}) {
  const { t } = useTranslation("schedule");
  const when = useSessionWhen()(occurrence);
  const add = useAddTrackException();
  const options = useFacilitatorOptions(track.siteId);
  const [confirming, setConfirming] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const on = { date: occurrence.originalDate, start: occurrence.key.slice(11, 16) };
  const form = useForm<ExceptionFormValues>({
    mode: "controlled",
    initialValues: {
      kind: initialKind,
      reason: "",
      movedDate: occurrence.date,
      movedStart: occurrence.start,
      movedEnd: occurrence.end,
      facilitatorIds: [],
    },
    validate: (values) => validateExceptionForm(values, on, t),
  });
  const kind = form.values.kind;

  const staff = (options.data ?? track.facilitators).map((s) => ({ value: s.id, label: s.name }));

  const send = (values: ExceptionFormValues) => {
    setFormErrors([]);
    add.mutate(
      { trackId: track.id, exception: exceptionOf(values, on) as SeriesException },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("tracks.exception.saved", { when }) });
          onClose();
        },
        onError: (error) => {
          const { fields, rest } = serverExceptionErrors(error, t);
          form.setErrors(fields);
          setFormErrors(rest);
          setConfirming(false);
        },
      },
    );
  };

  const submit = form.onSubmit((values) => {
    if (values.kind === "cancelled" && !confirming) {
      setConfirming(true);
      return;
    }
    send(values);
  });

  return (
    <Modal opened onClose={onClose} title={t("tracks.exception.title", { when })} size="md">
      <form onSubmit={submit} noValidate>
        {confirming ? (
          <Stack>
            <Text fw={600}>{t("tracks.exception.confirmTitle")}</Text>
            <Text>{t("tracks.exception.confirmBody", { when, count: track.enrolledCount })}</Text>
            {occurrence.marksRecorded > 0 && (
              <Text>{t("tracks.exception.confirmMarks", { count: occurrence.marksRecorded })}</Text>
            )}
            <Text size="sm" c="dimmed">
              {form.values.reason}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t("tracks.exception.keep")}
              </Button>
              <Button type="submit" color="red" loading={add.isPending} data-autofocus>
                {t("tracks.exception.confirm")}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            {formErrors.length > 0 && (
              <Alert color="red" variant="light" role="alert">
                {formErrors.map((message) => (
                  <Text key={message} size="sm">
                    {message}
                  </Text>
                ))}
              </Alert>
            )}
            <Radio.Group label={t("tracks.exception.kind")} {...form.getInputProps("kind")}>
              <Stack gap="xs" mt="xs">
                {KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(`tracks.exception.kinds.${k}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <TextInput
              label={t("tracks.exception.reason")}
              description={t("tracks.exception.reasonHelp")}
              required
              data-autofocus
              {...form.getInputProps("reason")}
            />
            {kind === "moved" && (
              <Group gap="sm" align="flex-start" wrap="wrap">
                <TextInput
                  type="date"
                  label={t("tracks.exception.movedTo")}
                  w={180}
                  required
                  {...form.getInputProps("movedDate")}
                />
                <TextInput
                  type="time"
                  label={t("tracks.exception.movedStart")}
                  w={130}
                  required
                  {...form.getInputProps("movedStart")}
                />
                <TextInput
                  type="time"
                  label={t("tracks.exception.movedEnd")}
                  w={130}
                  required
                  {...form.getInputProps("movedEnd")}
                />
              </Group>
            )}
            {kind === "substitute" && (
              <MultiSelect
                label={t("tracks.exception.substitutes")}
                data={staff}
                searchable
                required
                nothingFoundMessage={t("tracks.form.noStaff")}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps("facilitatorIds")}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("tracks.cancel")}
              </Button>
              <Button type="submit" color={kind === "cancelled" ? "red" : undefined}>
                {kind === "cancelled" ? t("tracks.exception.cancelSubmit") : t("tracks.exception.submit")}
              </Button>
            </Group>
          </Stack>
        )}
      </form>
    </Modal>
  );
}
