import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LeadDetail } from "../../../core/admissions/leads.schema";
import {
  allowedNextStages,
  CLOSED_STAGES,
  checkStageChange,
  NOT_ADMITTED_REASONS,
  type NotAdmittedReason,
  type PipelineStage,
} from "../../../core/admissions/pipeline.rules";
import { ConfirmModal } from "../admin/confirm-modal";
import { focusFirstError, showServerFieldErrors } from "../identity/form-errors";
import { type StageChangeInput, useChangeStage } from "./api/change-stage";
import { useIntakeErrorText, useRequestErrorText } from "./intake-errors";

interface StageValues {
  to: string;
  notAdmittedReason: string;
  referredTo: string;
  note: string;
}
const STAGE_FIELDS = ["to", "notAdmittedReason", "referredTo", "note"] as const;
const EMPTY: StageValues = { to: "", notAdmittedReason: "", referredTo: "", note: "" };

/** The moves staff may offer from a stage: the pipeline's rule, without "admitted" (reached by admitting). */
export const stageMoves = (stage: PipelineStage) => allowedNextStages(stage).filter((s) => s !== "admitted");

export function toStageChange(values: StageValues): StageChangeInput {
  return {
    to: values.to as PipelineStage,
    ...(values.to === "not_admitted"
      ? { notAdmittedReason: values.notAdmittedReason as NotAdmittedReason }
      : {}),
    ...(values.to === "referred_elsewhere" ? { referredTo: values.referredTo.trim() } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}

/** The pipeline's own check, as dictionary keys by field. */
export function validateStageChange(from: PipelineStage, values: StageValues): Record<string, string> {
  if (values.to === "") return { to: "errors.invalid" };
  if (values.note.length > 2000) return { note: "errors.tooLong" };
  if (values.referredTo.length > 200) return { referredTo: "errors.tooLong" };
  const change = toStageChange(values);
  const problem = checkStageChange(from, {
    to: change.to,
    notAdmittedReason: values.notAdmittedReason ? (values.notAdmittedReason as NotAdmittedReason) : undefined,
    referredTo: change.referredTo,
  });
  if (!problem) return {};
  if (problem.code === "ADMISSIONS_REASON_REQUIRED") return { notAdmittedReason: "errors.reasonRequired" };
  if (problem.code === "ADMISSIONS_REFERRED_TO_REQUIRED") return { referredTo: "errors.referredToRequired" };
  return { to: "errors.transitionNotAllowed" };
}

/** Where the lead is and where it may go; closing moves ask first. */
export function StageSection({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation("intake");
  const errorText = useIntakeErrorText();
  const requestErrorText = useRequestErrorText();
  const change = useChangeStage();
  const [formError, setFormError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<StageChangeInput | null>(null);
  const moves = stageMoves(lead.stage);
  const form = useForm<StageValues>({
    mode: "controlled",
    name: `stage-${lead.id}`,
    initialValues: EMPTY,
    validate: (values) => validateStageChange(lead.stage, values),
  });

  const send = (input: StageChangeInput) => {
    setFormError(null);
    change.mutate(
      { id: lead.id, ...input },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t("stage.moved", { stage: t(`stages.${input.to}`) }),
          });
          setConfirming(null);
          form.reset();
        },
        onError: (error) => {
          setConfirming(null);
          if (!showServerFieldErrors(form, error, STAGE_FIELDS)) setFormError(error);
        },
      },
    );
  };
  const submit = form.onSubmit(
    (values) => {
      const input = toStageChange(values);
      if (CLOSED_STAGES.includes(input.to)) setConfirming(input);
      else send(input);
    },
    (errors) => focusFirstError(form, STAGE_FIELDS, errors),
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="stage-title">
      <Title order={2} size="h3" id="stage-title">
        {t("stage.title")}
      </Title>
      <Text fw={600}>{t("stage.current", { stage: t(`stages.${lead.stage}`) })}</Text>
      {moves.length === 0 ? (
        <Text c="dimmed">{t("stage.none")}</Text>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t("stage.moveLabel")}>
          <Stack gap="sm">
            {formError ? (
              <Alert color="red" variant="light" role="alert">
                {requestErrorText(formError)}
              </Alert>
            ) : null}
            <NativeSelect
              label={t("stage.move")}
              data={[
                { value: "", label: t("stage.choose") },
                ...moves.map((s) => ({ value: s, label: t(`stages.${s}`) })),
              ]}
              {...form.getInputProps("to")}
              error={errorText(form.errors.to)}
            />
            {form.values.to === "not_admitted" && (
              <NativeSelect
                label={t("stage.reason")}
                required
                data={[
                  { value: "", label: t("stage.choose") },
                  ...NOT_ADMITTED_REASONS.map((r) => ({ value: r, label: t(`notAdmittedReasons.${r}`) })),
                ]}
                {...form.getInputProps("notAdmittedReason")}
                error={errorText(form.errors.notAdmittedReason)}
              />
            )}
            {form.values.to === "referred_elsewhere" && (
              <TextInput
                label={t("stage.referredTo")}
                required
                {...form.getInputProps("referredTo")}
                error={errorText(form.errors.referredTo)}
              />
            )}
            <Textarea
              label={t("stage.note")}
              rows={2}
              {...form.getInputProps("note")}
              error={errorText(form.errors.note)}
            />
            <Group>
              <Button type="submit" loading={change.isPending && !confirming}>
                {t("stage.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {lead.stage === "screened" && <Text size="sm">{t("stage.admitHint")}</Text>}
      <ConfirmModal
        opened={confirming !== null}
        title={t("stage.confirmTitle")}
        confirmLabel={t("stage.confirm")}
        danger
        loading={change.isPending}
        error={null}
        onConfirm={() => confirming && send(confirming)}
        onClose={() => setConfirming(null)}
      >
        {t("stage.confirmBody", { stage: confirming ? t(`stages.${confirming.to}`) : "" })}
      </ConfirmModal>
    </Stack>
  );
}
