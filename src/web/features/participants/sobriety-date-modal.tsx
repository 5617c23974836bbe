import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
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
import { formatDate, formatDateTime } from "../admin/format";
import { EmptyState, ScrollTable } from "../admin/page-states";
import { localToday } from "./age";
import { type SobrietyDateInput, useUpdateSobrietyDate } from "./api/update-sobriety-date";

interface Values {
  sobrietyOn: string;
  /** A restart of the counter after a lapse (kept as such in the history), with kind words. */
  restart: boolean;
  message: string;
}

export function validateSobrietyDate(values: Values) {
  return schemaErrors(sobrietyDateInputSchema, values, () =>
    values.sobrietyOn === "" ? "errors.sobrietyDateRequired" : "errors.dateInvalid",
  );
}

type SobrietyChange = NonNullable<ParticipantRecord["sobrietyHistory"]>[number];

/** The earlier sobriety dates, newest first: what the date was, what it became, when and by whom. */
export function SobrietyHistory({ history }: { history: readonly SobrietyChange[] }) {
  const { t, i18n } = useTranslation("admin");
  const date = (on: string) => formatDate(on, i18n.language);
  const restartWords = useTranslation("today").t;
  const describe = (change: SobrietyChange) => {
    if (change.restart && change.to) {
      const words = restartWords("staffRestart.historyItem", { to: date(change.to) });
      return change.message ? `${words} “${change.message}”` : words;
    }
    if (change.from && change.to)
      return t("record.sobriety.changedFromTo", { from: date(change.from), to: date(change.to) });
    if (change.to) return t("record.sobriety.setTo", { to: date(change.to) });
    if (change.from) return t("record.sobriety.clearedFrom", { from: date(change.from) });
    return t("record.sobriety.noDate");
  };
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t("record.sobriety.historyTitle")}
      </Title>
      {history.length === 0 ? (
        <EmptyState>{t("record.sobriety.noHistory")}</EmptyState>
      ) : (
        <ScrollTable label={t("record.sobriety.historyLabel")} minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("record.sobriety.change")}</Table.Th>
              <Table.Th scope="col">{t("record.sobriety.when")}</Table.Th>
              <Table.Th scope="col">{t("record.sobriety.by")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((change, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id; the order is fixed
              <Table.Tr key={index}>
                <Table.Td>{describe(change)}</Table.Td>
                <Table.Td>
                  <Text component="span" size="sm" style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(change.changedAt, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>{change.changedBy?.name ?? t("record.sobriety.byUnknown")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}

/**
 * Set the sobriety date, or clear it, or restart the counter after a lapse with a kind message the
 * participant reads in their history; the earlier changes are listed below the form.
 */
export function SobrietyDateModal({ record, onClose }: { record: ParticipantRecord; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const restartWords = useTranslation("today").t;
  const errorText = useFieldErrorText();
  const save = useUpdateSobrietyDate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { sobrietyOn: record.sobrietyOn ?? "", restart: false, message: "" },
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
      <form
        onSubmit={form.onSubmit((values) =>
          send(
            values.restart
              ? { sobrietyOn: values.sobrietyOn, restart: true, message: values.message.trim() }
              : { sobrietyOn: values.sobrietyOn },
          ),
        )}
        noValidate
      >
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
          {record.sobrietyOn && (
            <Checkbox
              label={restartWords("staffRestart.checkbox")}
              description={restartWords("staffRestart.help")}
              {...form.getInputProps("restart", { type: "checkbox" })}
            />
          )}
          {form.values.restart && (
            <Textarea
              label={restartWords("staffRestart.message")}
              description={restartWords("staffRestart.messageHelp")}
              maxLength={300}
              rows={2}
              {...form.getInputProps("message")}
            />
          )}
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
          <SobrietyHistory history={record.sobrietyHistory ?? []} />
        </Stack>
      </form>
    </Modal>
  );
}
