import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ABSENCE_NOTE_MAX,
  ABSENCE_REASONS,
  type AbsenceReason,
  type AbsenceRequest,
} from "../../../core/absence-requests/absence-requests.schema";
import type { CalendarEntry } from "../../../core/schedule/calendar.schema";
import { formatDay } from "../schedule/schedule-format";
import { useRequestAbsence } from "./api/request-absence";
import { useWithdrawAbsenceRequest } from "./api/withdraw-absence-request";

const STATUS_COLORS = { pending: "yellow", approved: "teal", declined: "gray", withdrawn: "gray" } as const;

/** The request that speaks for a session: the latest one not withdrawn. */
export function requestFor(
  requests: readonly AbsenceRequest[],
  sessionId: string,
): AbsenceRequest | undefined {
  return requests.find((r) => r.sessionId === sessionId && r.status !== "withdrawn");
}

/**
 * Under a session on "My week": its request's status (with the counselor's reply), or "Can't make
 * it?" for a session still ahead, which opens the short request form.
 */
export function AbsenceRequestControl({
  entry,
  title,
  request,
  now,
}: {
  entry: CalendarEntry;
  title: string;
  request: AbsenceRequest | undefined;
  now: Date;
}) {
  const { t, i18n } = useTranslation("today");
  const [open, setOpen] = useState(false);
  const withdraw = useWithdrawAbsenceRequest();
  const ahead = entry.status !== "cancelled" && entry.startsAt !== null && new Date(entry.startsAt) > now;
  const day = formatDay(entry.date, i18n.language);
  if (request) {
    return (
      <Stack gap={4}>
        <Badge
          color={STATUS_COLORS[request.status]}
          variant="light"
          tt="none"
          size="lg"
          style={{ alignSelf: "flex-start" }}
        >
          {t(`absence.status.${request.status}`)}
        </Badge>
        {request.decisionNote && <Text size="sm">{t("absence.reply", { note: request.decisionNote })}</Text>}
        {ahead && (request.status === "pending" || request.status === "approved") && (
          <Button
            variant="subtle"
            size="sm"
            style={{ alignSelf: "flex-start" }}
            loading={withdraw.isPending}
            onClick={() => withdraw.mutate(request.id)}
          >
            {t("absence.withdraw")}
          </Button>
        )}
      </Stack>
    );
  }
  if (!ahead) return null;
  return (
    <>
      <Button
        variant="light"
        size="md"
        fullWidth
        aria-label={t("absence.cantMakeLabel", { title, day })}
        onClick={() => setOpen(true)}
      >
        {t("absence.cantMake")}
      </Button>
      <AbsenceRequestModal
        opened={open}
        onClose={() => setOpen(false)}
        entry={entry}
        title={title}
        day={day}
      />
    </>
  );
}

function AbsenceRequestModal({
  opened,
  onClose,
  entry,
  title,
  day,
}: {
  opened: boolean;
  onClose: () => void;
  entry: CalendarEntry;
  title: string;
  day: string;
}) {
  const { t } = useTranslation("today");
  const request = useRequestAbsence();
  const [reason, setReason] = useState<AbsenceReason | null>(null);
  const [note, setNote] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t("absence.title")} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason) {
            setMissingReason(true);
            return;
          }
          request.mutate({ sessionId: entry.id, reason, note: note.trim() }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Text fw={600}>{t("absence.cantMakeLabel", { title, day })}</Text>
          <Text>{t("absence.intro")}</Text>
          <Radio.Group
            label={t("absence.reason")}
            value={reason}
            onChange={(value) => {
              setReason(value as AbsenceReason);
              setMissingReason(false);
            }}
            error={missingReason ? t("absence.reasonRequired") : undefined}
            required
          >
            <Stack gap="sm" mt="xs">
              {ABSENCE_REASONS.map((r) => (
                <Radio key={r} value={r} label={t(`absence.reasons.${r}`)} size="md" />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t("absence.note")}
            value={note}
            maxLength={ABSENCE_NOTE_MAX}
            rows={2}
            onChange={(event) => setNote(event.currentTarget.value)}
            size="md"
          />
          {request.isError && (
            <Alert color="red" role="alert">
              {t("absence.failed")}
            </Alert>
          )}
          <Group grow>
            <Button variant="default" size="md" onClick={onClose}>
              {t("absence.cancel")}
            </Button>
            <Button type="submit" size="md" loading={request.isPending}>
              {t("absence.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
