import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays } from "../../../core/platform/dates";
import { checkRestart, computeDaysInRecovery } from "../../../core/sobriety/sobriety.rules";
import { RESTART_MESSAGE_MAX } from "../../../core/sobriety/sobriety.schema";
import { formatDate } from "../schedule/schedule-format";
import { useRestartSobriety } from "./api/restart-sobriety";

/**
 * Restarting the counter after a lapse: kind words first, the day and a few words of one's own,
 * then a confirmation that says the days so far stay in the history.
 */
export function RestartCounterModal({
  opened,
  onClose,
  sobrietyOn,
  today,
  onRestarted,
}: {
  opened: boolean;
  onClose: () => void;
  sobrietyOn: string | null;
  today: string;
  onRestarted: (restartOn: string) => void;
}) {
  const { t, i18n } = useTranslation("today");
  const restart = useRestartSobriety();
  const [restartOn, setRestartOn] = useState(today);
  const [message, setMessage] = useState("");
  const [confirming, setConfirming] = useState(false);
  // The server checks the birth date too; here only the days the form offers.
  const invalid = checkRestart({ restartOn, currentOn: sobrietyOn, bornOn: "0001-01-01", today }).length > 0;
  const problem = !invalid
    ? null
    : sobrietyOn
      ? t("restart.restartOnHint", { date: formatDate(sobrietyOn, i18n.language) })
      : t("restart.notFuture");
  const counted = sobrietyOn ? computeDaysInRecovery(sobrietyOn, restartOn) : null;
  const close = () => {
    setConfirming(false);
    restart.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t("restart.title")} size="lg">
      {confirming ? (
        <Stack>
          <Text fw={700}>{t("restart.confirmTitle", { date: formatDate(restartOn, i18n.language) })}</Text>
          <Text>
            {counted !== null && counted > 0
              ? t("restart.confirmBody", { count: counted })
              : t("restart.confirmBodyNone")}
          </Text>
          {restart.isError && (
            <Alert color="red" role="alert">
              {t("restart.failed")}
            </Alert>
          )}
          <Group grow>
            <Button variant="default" size="md" onClick={() => setConfirming(false)}>
              {t("restart.back")}
            </Button>
            <Button
              size="md"
              loading={restart.isPending}
              onClick={() =>
                restart.mutate(
                  { restartOn, message: message.trim() },
                  {
                    onSuccess: () => {
                      onRestarted(restartOn);
                      setConfirming(false);
                      setMessage("");
                      onClose();
                    },
                  },
                )
              }
            >
              {t("restart.confirm")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem) setConfirming(true);
          }}
        >
          <Stack>
            <Text>{t("restart.kind")}</Text>
            <TextInput
              type="date"
              label={t("restart.restartOn")}
              description={
                sobrietyOn
                  ? t("restart.restartOnHint", { date: formatDate(sobrietyOn, i18n.language) })
                  : undefined
              }
              value={restartOn}
              min={sobrietyOn ? addDays(sobrietyOn, 1) : undefined}
              max={today}
              onChange={(event) => setRestartOn(event.currentTarget.value)}
              error={problem}
              required
              size="md"
            />
            <Textarea
              label={t("restart.message")}
              description={t("restart.messageHint")}
              value={message}
              maxLength={RESTART_MESSAGE_MAX}
              rows={2}
              onChange={(event) => setMessage(event.currentTarget.value)}
              size="md"
            />
            <Group grow>
              <Button variant="default" size="md" onClick={close}>
                {t("restart.cancel")}
              </Button>
              <Button type="submit" size="md" disabled={problem !== null}>
                {t("restart.continue")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
