import { Alert, Box, Button, Card, Group, Skeleton, Stack, Text, VisuallyHidden } from "@mantine/core";
import { type ReactNode, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Message } from "../../../core/messages/messages.schema";
import { ApiError } from "../../app/api-client";
import { LoadError } from "../admin/page-states";
import { useThread } from "./api/get-thread";
import { useMarkRead } from "./api/mark-read";
import type { MessageSide } from "./api/message-paths";
import { useSendMessage } from "./api/send-message";
import { Composer } from "./composer";

export function formatSentAt(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

function MessageItem({ message }: { message: Message }) {
  const { t, i18n } = useTranslation("messages");
  const author = message.mine ? t("thread.you") : message.author.name;
  return (
    <Box component="li" style={{ listStyle: "none", display: "flex" }}>
      <Card
        withBorder
        padding="sm"
        radius="md"
        w="100%"
        maw={520}
        ml={message.mine ? "auto" : 0}
        bg={message.mine ? "var(--mantine-color-blue-light)" : undefined}
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} size="sm">
            {author}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={message.sentAt}>{formatSentAt(message.sentAt, i18n.language)}</time>
          </Text>
        </Group>
        <Text mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {message.body}
        </Text>
      </Card>
    </Box>
  );
}

/**
 * A conversation, oldest to newest (earlier messages on request), marked read up to the newest message
 * shown, with the composer below. Shared by the participant's and the staff member's screens.
 */
export function Conversation({
  side,
  threadId,
  header,
  forbidden,
}: {
  side: MessageSide;
  threadId: string;
  header: (subject: string, participantName: string) => ReactNode;
  /** Shown instead of the conversation when the server refuses it (a family member whose access ended). */
  forbidden?: ReactNode;
}) {
  const { t } = useTranslation("messages");
  const thread = useThread(side, threadId);
  const send = useSendMessage(side, threadId);
  const markRead = useMarkRead(side, threadId);
  const first = thread.data?.pages[0];
  const messages = useMemo(
    () => (thread.data ? [...thread.data.pages].reverse().flatMap((page) => page.messages) : []),
    [thread.data],
  );
  const newest = first?.messages.at(-1);
  const unread = first?.thread.unread ?? 0;
  const { mutate } = markRead;
  useEffect(() => {
    if (newest && unread > 0) mutate(newest.sentAt);
  }, [newest, unread, mutate]);

  if (thread.isPending) {
    return (
      <Stack role="status">
        <VisuallyHidden>{t("thread.conversation")}</VisuallyHidden>
        <Skeleton h={40} />
        <Skeleton h={80} />
        <Skeleton h={80} />
      </Stack>
    );
  }
  if (thread.isError) {
    if (forbidden && thread.error instanceof ApiError && thread.error.status === 403) return forbidden;
    if (thread.error instanceof ApiError && thread.error.status === 404) {
      return (
        <Alert color="gray" variant="light" role="alert">
          {t("thread.notFound")}
        </Alert>
      );
    }
    return (
      <LoadError error={thread.error} onRetry={() => void thread.refetch()} title={t("thread.unavailable")} />
    );
  }
  const summary = first!.thread;
  return (
    <Stack>
      {header(summary.subject, summary.participant.name)}
      {thread.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void thread.fetchNextPage()}
          loading={thread.isFetchingNextPage}
        >
          {t("thread.older")}
        </Button>
      )}
      <Stack component="ol" gap="sm" p={0} m={0} aria-label={t("thread.conversation")}>
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </Stack>
      <Composer send={(input) => send.mutateAsync(input)} />
    </Stack>
  );
}
