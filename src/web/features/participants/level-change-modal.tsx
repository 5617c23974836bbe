import { Alert, Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { REQUIRED_OFFERED_LEVEL } from "../../../core/admissions/admission-settings.schema";
import { type LevelChangeInput, levelChangeInputSchema } from "../../../core/participants/chart.schema";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import {
  applyServerFieldErrors,
  requestErrorKey,
  schemaErrors,
  useFieldErrorText,
} from "../admin/form-errors";
import { useAdmissionSettings } from "../intake/api/get-admission-settings";
import { localToday } from "./age";
import { useChangeLevelOfCare } from "./api/change-level-of-care";
import { levelLabel } from "./level-label";

const FIELDS = ["toLevel", "changedOn", "reason"] as const;

export function validateLevelChange(values: LevelChangeInput) {
  return schemaErrors(levelChangeInputSchema, values, (field) => {
    if (field === "toLevel") return "errors.levelRequired";
    if (field === "changedOn") return "errors.dateInvalid";
    return values.reason.trim().length < 5 ? "errors.levelReasonTooShort" : "errors.reasonTooLong";
  });
}

/** Move the open episode to another level this program offers, with the date and the reason. */
export function LevelChangeModal({
  record,
  currentLevel,
  onClose,
}: {
  record: ParticipantRecord;
  currentLevel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("admin");
  const errorText = useFieldErrorText();
  const change = useChangeLevelOfCare();
  const [formError, setFormError] = useState<string | null>(null);
  const today = localToday(new Date());
  const form = useForm<LevelChangeInput>({
    mode: "controlled",
    initialValues: { toLevel: "", changedOn: today, reason: "" },
    validate: validateLevelChange,
  });
  // Until the program's settings arrive, only intensive outpatient, which every program offers.
  const offered = useAdmissionSettings().data?.offeredLevels ?? [REQUIRED_OFFERED_LEVEL];
  const choices = offered.filter((code) => code !== currentLevel);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate(
      { participantId: record.id, input: { ...values, reason: values.reason.trim() } },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t("record.level.changed", { level: levelLabel(values.toLevel, t) }),
          });
          onClose();
        },
        onError: (error) => {
          if (!applyServerFieldErrors(error, FIELDS, form.setFieldError))
            setFormError(requestErrorKey(error));
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t("record.level.changeTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {t(formError)}
            </Alert>
          )}
          <NativeSelect
            label={t("record.level.toLevel")}
            description={t("record.level.fromLevel", { level: levelLabel(currentLevel, t) })}
            required
            data={[
              { value: "", label: t("record.level.chooseLevel"), disabled: true },
              ...choices.map((code) => ({ value: code, label: levelLabel(code, t) })),
            ]}
            {...form.getInputProps("toLevel")}
            error={errorText(form.errors.toLevel)}
          />
          <TextInput
            type="date"
            label={t("record.level.changedOn")}
            max={today}
            required
            {...form.getInputProps("changedOn")}
            error={errorText(form.errors.changedOn)}
          />
          <Textarea
            label={t("record.level.reason")}
            description={t("record.level.reasonHelp")}
            required
            rows={3}
            maxLength={500}
            {...form.getInputProps("reason")}
            error={errorText(form.errors.reason)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t("record.level.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
