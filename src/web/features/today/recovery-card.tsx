import { Alert, Button, Card, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconHeartHandshake, IconHistory } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MySobriety } from "../../../core/sobriety/sobriety.schema";
import { formatDate } from "../schedule/schedule-format";
import { useMySobriety } from "./api/get-my-sobriety";
import type { useToday } from "./api/get-today";
import { RestartCounterModal } from "./restart-counter-modal";

/** Days in recovery on Today, the way to restart the counter kindly, and the counter's history. */
export function RecoveryCard({ today }: { today: ReturnType<typeof useToday> }) {
  const { t, i18n } = useTranslation("today");
  const [restarting, setRestarting] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [restartedOn, setRestartedOn] = useState<string | null>(null);
  const sobriety = useMySobriety(showHistory);
  const data = today.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recovery-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="recovery-title">
          {t("recovery.title")}
        </Title>
        {today.isPending ? (
          <div role="status">
            <VisuallyHidden>{t("recovery.loading")}</VisuallyHidden>
            <Skeleton h={40} w="50%" />
          </div>
        ) : today.isError || !data ? (
          <Text>{t("recovery.error")}</Text>
        ) : data.daysInRecovery === null ? (
          <Text>{t("recovery.notSet")}</Text>
        ) : (
          <Stack gap={2}>
            <Text fz={40} fw={800} lh={1.1} data-testid="days-in-recovery">
              {t("recovery.days", { count: data.daysInRecovery })}
            </Text>
            <Text size="sm">
              {data.daysInRecovery === 0
                ? t("recovery.firstDay")
                : t("recovery.since", { date: formatDate(data.sobrietyOn!, i18n.language) })}
            </Text>
          </Stack>
        )}
        {restartedOn && (
          <Alert color="teal" role="status" icon={<IconHeartHandshake size={20} aria-hidden />}>
            <Text>{t("restart.done", { date: formatDate(restartedOn, i18n.language) })}</Text>
            <Text mt={4}>{t("restart.talk")}</Text>
          </Alert>
        )}
        {data && (
          <Button variant="default" size="md" fullWidth onClick={() => setRestarting(true)}>
            {t("recovery.restart")}
          </Button>
        )}
        <Button
          variant="subtle"
          size="md"
          leftSection={<IconHistory size={18} aria-hidden />}
          aria-expanded={showHistory}
          aria-controls="recovery-history"
          onClick={() => setShowHistory((open) => !open)}
        >
          {t("recovery.history")}
        </Button>
        <div id="recovery-history" hidden={!showHistory}>
          {sobriety.isPending ? (
            <Skeleton h={48} />
          ) : sobriety.isError ? (
            <Text>{t("recovery.error")}</Text>
          ) : (
            <CounterHistory history={sobriety.data.history} />
          )}
        </div>
      </Stack>
      {data && (
        <RestartCounterModal
          opened={restarting}
          onClose={() => setRestarting(false)}
          sobrietyOn={data.sobrietyOn}
          today={data.today}
          onRestarted={(on) => {
            setRestartedOn(on);
            setShowHistory(true);
          }}
        />
      )}
    </Card>
  );
}

/** The counter's changes, newest first: restarts with the days they had reached, and the words. */
export function CounterHistory({ history }: { history: MySobriety["history"] }) {
  const { t, i18n } = useTranslation("today");
  if (history.length === 0) return <Text size="sm">{t("history.empty")}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("history.title")}>
      {history.map((item) => {
        const to = item.to ? formatDate(item.to, i18n.language) : "";
        const what =
          item.kind === "restart"
            ? [
                t("history.restart", { to }),
                item.daysCounted !== null ? t("history.counted", { count: item.daysCounted }) : null,
              ]
                .filter(Boolean)
                .join(" ")
            : item.to
              ? t("history.change", { to })
              : t("history.cleared");
        const who =
          item.by === "self" ? t("history.bySelf") : item.by === "care_team" ? t("history.byTeam") : null;
        return (
          <Stack component="li" key={item.changedAt} gap={0}>
            <Text size="sm" fw={600}>
              {what}
              {who ? ` · ${who}` : ""}
            </Text>
            {item.message && (
              <Text size="sm" fs="italic">
                “{item.message}”
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
