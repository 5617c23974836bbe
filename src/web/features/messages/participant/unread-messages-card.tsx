import { Button, Card, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyUnread } from "../api/get-my-unread";

/** On the participant's Today page: whether their care team wrote to them, and the way to their messages. */
export function UnreadMessagesCard() {
  const { t, i18n } = useTranslation("messages");
  const unread = useMyUnread();
  const count = unread.data?.unread ?? 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="unread-messages-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="unread-messages-title">
          {t("card.title")}
        </Title>
        {unread.isPending ? (
          <Skeleton h={24} />
        ) : unread.isError ? (
          <Text>{t("card.unavailable")}</Text>
        ) : count > 0 ? (
          <Text fw={700}>{t("card.some", { count, formatted: count.toLocaleString(i18n.language) })}</Text>
        ) : (
          <Text>{t("card.none")}</Text>
        )}
        <Button
          component={Link}
          to="/me/messages"
          size="lg"
          fullWidth
          variant={count > 0 ? "filled" : "light"}
          leftSection={<IconMessages size={20} aria-hidden />}
        >
          {t("card.open")}
        </Button>
      </Stack>
    </Card>
  );
}
