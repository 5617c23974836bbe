import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sobrietyDateInputSchema } from "../../../core/participants/chart.schema";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import {
  applyServerFieldErrors,
  requestErrorKey,
  schemaErrors,
  useFieldErrorText,
} from "../admin/form-errors";
import { localToday } from "./age";
import { type SobrietyDateInput, useUpdateSobrietyDate } from "./api/update-sobriety-date";

interface Values {
  sobrietyOn: string;
}

export function validateSobrietyDate(values: Values) {
  return schemaErrors(sobrietyDateInputSchema, values, () =>
    values.sobrietyOn === "" ? "errors.sobrietyDateRequired" : "errors.dateInvalid",
  );
}

/** Set the sobriety date, or clear it. */
export function SobrietyDateModal({ record, onClose }: { record: ParticipantRecord; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const save = useUpdateSobrietyDate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { sobrietyOn: record.sobrietyOn ?? "" },
    validate: validateSobrietyDate,
  });

  const send = (input: SobrietyDateInput) => {
    setFormError(null);
    save.mutate(
      { participantId: record.id, input },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t(input.sobrietyOn ? "record.sobriety.saved" : "record.sobriety.cleared"),
          });
          onClose();
        },
        onError: (error) => {
          if (!applyServerFieldErrors(error, ["sobrietyOn"], form.setFieldError))
            setFormError(requestErrorKey(error));
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("record.sobriety.editTitle")}>
      <form onSubmit={form.onSubmit((values) => send({ sobrietyOn: values.sobrietyOn }))} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {t(formError)}
            </Alert>
          )}
          <TextInput
            type="date"
            label={t("record.sobriety.date")}
            description={t("record.sobriety.dateHelp")}
            max={localToday(new Date())}
            required
            {...form.getInputProps("sobrietyOn")}
            error={errorText(form.errors.sobrietyOn)}
          />
          <Group justify="space-between">
            {record.sobrietyOn ? (
              <Button
                variant="subtle"
                color="red"
                onClick={() => send({ sobrietyOn: null })}
                disabled={save.isPending}
              >
                {t("record.sobriety.clear")}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t("actions.cancel")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("actions.save")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
