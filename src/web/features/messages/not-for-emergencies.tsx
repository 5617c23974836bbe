import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconMessage, IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CrisisCard } from "../../app/crisis";

/**
 * On every participant message screen: messages are not for emergencies, with the crisis buttons —
 * in full (the crisis card), or compact above a conversation so it is in view without scrolling.
 */
export function NotForEmergencies({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation("messages");
  const { t: tc } = useTranslation();
  const notice = (
    <Alert
      role="note"
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t("notice.title")}
    >
      {compact ? (
        <Group gap="xs" mt={4}>
          <Button
            component="a"
            href="tel:988"
            color="red"
            size="md"
            leftSection={<IconPhone size={18} aria-hidden />}
          >
            {tc("crisis.call988")}
          </Button>
          <Button
            component="a"
            href="sms:988"
            variant="default"
            size="md"
            leftSection={<IconMessage size={18} aria-hidden />}
          >
            {tc("crisis.text988")}
          </Button>
        </Group>
      ) : (
        <Text size="sm">{t("notice.body")}</Text>
      )}
    </Alert>
  );
  if (compact) return notice;
  return (
    <Stack gap="sm">
      {notice}
      <CrisisCard />
    </Stack>
  );
}
