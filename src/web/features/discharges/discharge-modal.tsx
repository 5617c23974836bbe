import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NO_REFERRAL } from "../../../core/discharges/discharges.rules";
import {
  DISCHARGE_NOTE_MAX,
  type DischargeInput,
  type UnsignedNote,
  unsignedNoteSchema,
} from "../../../core/discharges/discharges.schema";
import { DISCHARGE_REASONS, type DischargeReason } from "../../../core/participants/episodes.schema";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { ApiError } from "../../app/api-client";
import { formatDate } from "../admin/format";
import { levelLabel } from "../participants/level-label";
import { useRecordDischarge } from "./api/record-discharge";

interface FormValues {
  dischargedOn: string;
  reason: DischargeReason | "";
  levelOfCare: string;
  referredLevelOfCare: string;
  note: string;
  acknowledgeUnsignedNotes: boolean;
}

const FIELDS = ["dischargedOn", "reason", "levelOfCare", "referredLevelOfCare", "note"] as const;

/** The form's own checks, as dictionary keys (the server checks the dates against the site's calendar). */
export function validateDischarge(values: FormValues, admittedOn: string, today: string) {
  return {
    dischargedOn: !/^\d{4}-\d{2}-\d{2}$/.test(values.dischargedOn)
      ? "form.errors.dateRequired"
      : values.dischargedOn < admittedOn
        ? "form.errors.dateBeforeAdmission"
        : values.dischargedOn > today
          ? "form.errors.dateInFuture"
          : null,
    reason: values.reason === "" ? "form.errors.reasonRequired" : null,
    levelOfCare: values.levelOfCare === "" ? "form.errors.levelRequired" : null,
    referredLevelOfCare:
      values.reason === "transferred" && values.referredLevelOfCare === ""
        ? "form.errors.referredRequired"
        : null,
    note: values.reason === "other" && values.note.trim() === "" ? "form.errors.noteRequired" : null,
  };
}

function unsignedNotesOf(error: unknown): UnsignedNote[] | null {
  if (!(error instanceof ApiError) || error.code !== "DISCHARGE_UNSIGNED_NOTES") return null;
  const parsed = unsignedNoteSchema.array().safeParse(error.detail.unsignedNotes);
  return parsed.success ? parsed.data : [];
}

/**
 * Discharge the open episode: date, reason, level at discharge, referred level and a note, then a
 * confirmation. Unsigned notes of the episode come back from the server as a list; the clinician
 * discharges anyway only by ticking the box under it.
 */
export function DischargeModal({
  record,
  admittedOn,
  levelOfCare,
  levels,
  today,
  onClose,
}: {
  record: ParticipantRecord;
  admittedOn: string;
  levelOfCare: string;
  levels: readonly string[];
  today: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation("discharges");
  const discharge = useRecordDischarge();
  const [step, setStep] = useState<"form" | "confirm">("form");
  const [unsigned, setUnsigned] = useState<UnsignedNote[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const name = record.preferredName || record.givenName;
  const date = (iso: string) => formatDate(iso, i18n.language);
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: {
      dischargedOn: today,
      reason: "",
      levelOfCare,
      referredLevelOfCare: "",
      note: "",
      acknowledgeUnsignedNotes: false,
    },
    validate: (values) => validateDischarge(values, admittedOn, today),
  });
  const errorText = (error: unknown) =>
    typeof error === "string" && error !== ""
      ? i18n.exists(error, { ns: "discharges" })
        ? t(error)
        : error
      : undefined;

  const review = form.onSubmit(() => {
    setFormError(null);
    setStep("confirm");
  });

  const submit = () => {
    const values = form.getValues();
    const input: DischargeInput = {
      dischargedOn: values.dischargedOn,
      reason: values.reason as DischargeReason,
      levelOfCare: values.levelOfCare,
      referredLevelOfCare: values.referredLevelOfCare === "" ? null : values.referredLevelOfCare,
      note: values.note.trim(),
      acknowledgeUnsignedNotes: values.acknowledgeUnsignedNotes,
    };
    discharge.mutate(
      { participantId: record.id, input },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message: t("form.done", { name, date: date(input.dischargedOn) }),
          });
          onClose();
        },
        onError: (error) => {
          setStep("form");
          const notes = unsignedNotesOf(error);
          if (notes) {
            setUnsigned(notes);
            return;
          }
          if (error instanceof ApiError && error.fields.length > 0) {
            for (const f of error.fields) {
              const field = f.path.split(".")[0] ?? "";
              if ((FIELDS as readonly string[]).includes(field)) form.setFieldError(field, f.message);
            }
            return;
          }
          if (error instanceof ApiError && error.code === "DISCHARGE_NO_OPEN_EPISODE") {
            setFormError("form.errors.noOpenEpisode");
          } else if (error instanceof ApiError && error.status === 403) {
            setFormError("form.errors.forbidden");
          } else {
            setFormError("form.errors.generic");
          }
        },
      },
    );
  };

  const values = form.getValues();
  const needsAcknowledgement = unsigned !== null && unsigned.length > 0 && !values.acknowledgeUnsignedNotes;
  const levelChoices = levels.map((code) => ({ value: code, label: levelLabel(code, t) }));

  return (
    <Modal opened onClose={onClose} title={t(step === "form" ? "form.title" : "form.confirmTitle", { name })}>
      {step === "form" ? (
        <form onSubmit={review} noValidate>
          <Stack>
            {formError && (
              <Alert color="red" variant="light" role="alert">
                {t(formError)}
              </Alert>
            )}
            <TextInput
              type="date"
              label={t("form.dischargedOn")}
              description={t("form.dischargedOnHelp", { admitted: date(admittedOn) })}
              min={admittedOn}
              max={today}
              required
              {...form.getInputProps("dischargedOn")}
              error={errorText(form.errors.dischargedOn)}
            />
            <NativeSelect
              label={t("form.reason")}
              required
              data={[
                { value: "", label: t("form.chooseReason"), disabled: true },
                ...DISCHARGE_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) })),
              ]}
              {...form.getInputProps("reason")}
              error={errorText(form.errors.reason)}
            />
            <NativeSelect
              label={t("form.levelOfCare")}
              required
              data={levelChoices}
              {...form.getInputProps("levelOfCare")}
              error={errorText(form.errors.levelOfCare)}
            />
            <NativeSelect
              label={t("form.referredLevelOfCare")}
              description={t("form.referredHelp")}
              required={values.reason === "transferred"}
              data={[
                { value: "", label: t("form.noReferral") },
                { value: NO_REFERRAL, label: t("form.none") },
                ...levelChoices,
              ]}
              {...form.getInputProps("referredLevelOfCare")}
              error={errorText(form.errors.referredLevelOfCare)}
            />
            <Textarea
              label={t("form.note")}
              description={t("form.noteHelp")}
              required={values.reason === "other"}
              rows={3}
              maxLength={DISCHARGE_NOTE_MAX}
              {...form.getInputProps("note")}
              error={errorText(form.errors.note)}
            />
            {unsigned && unsigned.length > 0 && (
              <Alert color="yellow" variant="light" role="alert" title={t("form.unsignedTitle")}>
                <Stack gap="xs">
                  <Text size="sm">{t("form.unsignedBody")}</Text>
                  <UnsignedNoteList notes={unsigned} />
                  <Checkbox
                    label={t("form.acknowledge")}
                    {...form.getInputProps("acknowledgeUnsignedNotes", { type: "checkbox" })}
                  />
                </Stack>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("form.cancel")}
              </Button>
              <Button type="submit" disabled={needsAcknowledgement}>
                {t("form.review")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Text>
            {t("form.confirmBody", {
              name,
              date: date(values.dischargedOn),
              reason: values.reason ? t(`reasons.${values.reason}`) : "",
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep("form")}>
              {t("form.back")}
            </Button>
            <Button color="red" onClick={submit} loading={discharge.isPending}>
              {t("form.submit")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Unsigned notes as "date · kind · author", one per line. */
export function UnsignedNoteList({ notes }: { notes: readonly UnsignedNote[] }) {
  const { t, i18n } = useTranslation("discharges");
  return (
    <List size="sm">
      {notes.map((n) => (
        <List.Item key={n.id}>
          {t("notes.line", {
            date: formatDate(n.sessionDate, i18n.language),
            kind: t(`notes.kind.${n.kind}`),
            author: n.author,
          })}
        </List.Item>
      ))}
    </List>
  );
}
