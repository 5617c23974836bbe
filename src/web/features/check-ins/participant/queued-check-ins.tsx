import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { IconClockHour4, IconPencil, IconTrash } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QueuedCheckIn, Refusal } from "./offline-queue";

/** The server's refusal in the person's words: a clock problem, too old, or its own message. */
export function refusalWords(refusal: Refusal, t: TFunction<"checkIns">): string {
  if (refusal.code === "CHECK_IN_DATE_IN_FUTURE" || refusal.code === "CHECK_IN_RECORDED_IN_FUTURE")
    return t("errors.dateAhead");
  if (refusal.code === "CHECK_IN_TOO_OLD") return t("errors.tooOld");
  return t("errors.failed", { message: refusal.message });
}

/**
 * Check-ins kept on this phone from earlier: the ones still waiting, and the ones the server did not
 * accept, with its reason and the choice to correct or discard (after a confirmation).
 */
export function QueuedCheckIns({
  entries,
  onCorrect,
  onDiscard,
}: {
  entries: QueuedCheckIn[];
  onCorrect: (entry: QueuedCheckIn) => void;
  onDiscard: (idempotencyKey: string) => void;
}) {
  const { t, i18n } = useTranslation("checkIns");
  const [discarding, setDiscarding] = useState<string | null>(null);
  if (entries.length === 0) return null;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="queued-check-ins-title">
      <Title order={2} size="h4" id="queued-check-ins-title">
        {t("queue.listTitle")}
      </Title>
      <Stack gap="sm" mt="sm" component="ul" p={0} style={{ listStyle: "none" }}>
        {entries.map((entry) => (
          <li key={entry.input.idempotencyKey}>
            {entry.refusal ? (
              <Alert
                color="orange"
                variant="light"
                title={t("queue.refused", { when: when(entry.queuedAt) })}
              >
                <Text size="sm">{refusalWords(entry.refusal, t)}</Text>
                <Group mt="sm" gap="xs">
                  <Button
                    size="md"
                    variant="default"
                    leftSection={<IconPencil size={18} aria-hidden />}
                    onClick={() => onCorrect(entry)}
                  >
                    {t("queue.correct")}
                  </Button>
                  <Button
                    size="md"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={18} aria-hidden />}
                    onClick={() => setDiscarding(entry.input.idempotencyKey)}
                  >
                    {t("queue.discard")}
                  </Button>
                </Group>
              </Alert>
            ) : (
              <Group gap="xs" wrap="nowrap">
                <IconClockHour4 size={20} aria-hidden />
                <Text>{t("queue.waiting", { when: when(entry.queuedAt) })}</Text>
              </Group>
            )}
          </li>
        ))}
      </Stack>
      <Modal
        opened={discarding !== null}
        onClose={() => setDiscarding(null)}
        title={t("queue.discardTitle")}
        centered
      >
        <Text>{t("queue.discardBody")}</Text>
        <Group mt="lg" justify="flex-end">
          <Button size="md" variant="default" onClick={() => setDiscarding(null)}>
            {t("queue.keep")}
          </Button>
          <Button
            size="md"
            color="red"
            onClick={() => {
              if (discarding) onDiscard(discarding);
              setDiscarding(null);
            }}
          >
            {t("queue.confirmDiscard")}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
