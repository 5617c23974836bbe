import { Alert, Badge, Button, Card, Group, Modal, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForgetSession } from "../identity/api/sign-out";
import { type MySession, useMySessions } from "./api/get-my-sessions";
import { useRevokeMySession } from "./api/revoke-my-session";
import { summariseUserAgent } from "./user-agent";

function useDeviceName(): (session: MySession) => string {
  const { t } = useTranslation();
  return (session) => {
    const { browser, os } = summariseUserAgent(session.userAgent);
    if (!browser && !os) return t("account.unknownDevice");
    return t("account.device", {
      browser: browser ?? t("account.unknownBrowser"),
      os: os ?? t("account.unknownOs"),
    });
  };
}

function RevokeDialog({ session, onClose }: { session: MySession | null; onClose: () => void }) {
  const { t } = useTranslation();
  const deviceName = useDeviceName();
  const revoke = useRevokeMySession();
  const forget = useForgetSession();
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = () => {
    if (!session) return;
    revoke.mutate(session.id, {
      onSuccess: () => (session.current ? void forget("/sign-in") : close()),
    });
  };
  return (
    <Modal opened={session !== null} onClose={close} title={t("account.revokeTitle")} centered>
      {session && (
        <Stack>
          <Text>
            {session.current
              ? t("account.revokeCurrentBody")
              : t("account.revokeBody", { device: deviceName(session) })}
          </Text>
          {revoke.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {t("common.somethingWrong")}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("account.cancel")}
            </Button>
            <Button color="red" onClick={confirm} loading={revoke.isPending}>
              {t("account.revokeConfirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Where I am signed in, this device marked; each session can be signed out after a confirmation. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const sessions = useMySessions();
  const deviceName = useDeviceName();
  const [revoking, setRevoking] = useState<MySession | null>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const list = sessions.data
    ? [...sessions.data.sessions].sort(
        (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
      )
    : [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sessions-title">
      <Stack>
        <Title order={2} size="h3" id="sessions-title">
          {t("account.sessionsTitle")}
        </Title>
        <Text>{t("account.sessionsIntro")}</Text>
        {sessions.isPending && <Skeleton h={64} />}
        {sessions.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {t("account.loadError")}
            <Button mt="sm" display="block" variant="default" onClick={() => void sessions.refetch()}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {list.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {list.map((session) => (
              <Card component="li" key={session.id} withBorder padding="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text fw={600}>{deviceName(session)}</Text>
                      {session.current && (
                        <Badge color="teal" variant="light">
                          {t("account.thisDevice")}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">{t("account.lastSeen", { time: when(session.lastSeenAt) })}</Text>
                    <Text size="sm">{t("account.signedInAt", { time: when(session.createdAt) })}</Text>
                    {session.ipAddress && (
                      <Text size="sm">{t("account.ipAddress", { ip: session.ipAddress })}</Text>
                    )}
                  </Stack>
                  <Button
                    variant="default"
                    onClick={() => setRevoking(session)}
                    aria-label={t("account.revokeLabel", { device: deviceName(session) })}
                  >
                    {t("account.revoke")}
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
      <RevokeDialog session={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
