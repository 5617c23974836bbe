import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DisclosureException } from "../../../../core/disclosures/disclosure-api.schema";
import { recipientOf } from "../../../../core/disclosures/exception.rules";
import { ApiError } from "../../../app/api-client";
import { useDecideDisclosureException } from "../api/decide-disclosure-exception";
import { useDisclosureExceptions } from "../api/get-disclosure-exceptions";

const STATUS_COLORS = {
  pending_approval: "yellow",
  approved: "teal",
  refused: "gray",
  recorded: "blue",
} as const;

/** The participant's disclosures without consent, with their status; the director decides pending ones. */
export function ExceptionsList({
  participantId,
  canApprove,
  myUserId,
  highlight,
}: {
  participantId: string;
  canApprove: boolean;
  myUserId: string | null;
  highlight: string | null;
}) {
  const { t } = useTranslation("disclosures");
  const list = useDisclosureExceptions(participantId, true);
  if (list.isPending) return <Skeleton h={60} aria-label={t("exceptions.loading")} />;
  if (list.isError)
    return (
      <Alert color="red" role="alert">
        {t("exceptions.error")}
      </Alert>
    );
  if (list.data.exceptions.length === 0) return <Text c="dimmed">{t("exceptions.empty")}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {list.data.exceptions.map((exception) => (
        <ExceptionRow
          key={exception.id}
          exception={exception}
          participantId={participantId}
          canApprove={canApprove}
          mine={exception.requestedBy === myUserId}
          highlighted={exception.id === highlight}
        />
      ))}
    </Stack>
  );
}

function ExceptionRow({
  exception,
  participantId,
  canApprove,
  mine,
  highlighted,
}: {
  exception: DisclosureException;
  participantId: string;
  canApprove: boolean;
  mine: boolean;
  highlighted: boolean;
}) {
  const { t, i18n } = useTranslation("disclosures");
  const decide = useDecideDisclosureException(participantId);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });

  const send = (decision: "approve" | "refuse") => {
    if (note.trim() === "") {
      setNoteError(t("exceptions.noteRequired"));
      setConfirming(false);
      return;
    }
    setNoteError(null);
    decide.mutate(
      { id: exception.id, decision, note: note.trim() },
      { onSettled: () => setConfirming(false) },
    );
  };

  return (
    <Stack
      component="li"
      gap={6}
      p="sm"
      id={`exception-${exception.id}`}
      data-highlighted={highlighted || undefined}
      style={{
        borderRadius: "var(--mantine-radius-md)",
        border: highlighted
          ? "2px solid var(--mantine-primary-color-filled)"
          : "1px solid var(--mantine-color-default-border)",
      }}
    >
      <Group justify="space-between" gap="xs">
        <Text fw={700}>{t(`exceptions.kinds.${exception.kind}`)}</Text>
        <Badge color={STATUS_COLORS[exception.status]} variant="light" tt="none">
          {t(`exceptions.status.${exception.status}`)}
        </Badge>
      </Group>
      <Text size="sm">{t("exceptions.to", { recipient: recipientOf(exception.details) })}</Text>
      <Text size="sm">{exception.information.map((s) => t(`scopes.${s}`)).join(", ")}</Text>
      <Text size="sm" c="dimmed">
        {t("exceptions.requestedBy", {
          name: exception.requestedByName,
          date: date.format(new Date(exception.requestedAt)),
        })}
      </Text>
      {exception.decidedByName && exception.decidedAt && (
        <Text size="sm" c="dimmed">
          {t("exceptions.decidedBy", {
            name: exception.decidedByName,
            date: date.format(new Date(exception.decidedAt)),
          })}
        </Text>
      )}
      {exception.decisionNote && <Text size="sm">{exception.decisionNote}</Text>}
      {canApprove && exception.status === "pending_approval" && mine && (
        <Text size="sm" fs="italic">
          {t("exceptions.ownRequest")}
        </Text>
      )}
      {canApprove && exception.status === "pending_approval" && !mine && (
        <Stack gap="xs">
          <Textarea
            label={t("exceptions.decisionNote")}
            required
            value={note}
            maxLength={1000}
            autosize
            minRows={1}
            error={noteError}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {decide.isError && (
            <Alert color="red" role="alert">
              {decide.error instanceof ApiError ? decide.error.message : t("exceptions.decideFailed")}
            </Alert>
          )}
          <Group>
            <Button disabled={decide.isPending} onClick={() => setConfirming(true)}>
              {t("exceptions.approve")}
            </Button>
            <Button
              variant="default"
              loading={decide.isPending && decide.variables?.decision === "refuse"}
              disabled={decide.isPending}
              onClick={() => send("refuse")}
            >
              {t("exceptions.refuse")}
            </Button>
          </Group>
          <Modal
            opened={confirming}
            onClose={() => setConfirming(false)}
            title={t("exceptions.approve")}
            centered
          >
            <Stack>
              <Text>{t("exceptions.confirmApprove")}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t("exceptions.cancel")}
                </Button>
                <Button loading={decide.isPending} onClick={() => send("approve")}>
                  {t("exceptions.confirm")}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </Stack>
      )}
    </Stack>
  );
}
