import {
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconPencilPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ThreadSummary } from "../../../../core/messages/messages.schema";
import { usePageTitle } from "../../../app/use-page-title";
import { LoadError } from "../../admin/page-states";
import { MY_THREADS_PAGE_SIZE, useMyThreads } from "../api/list-my-threads";
import { useStartMyThread } from "../api/start-my-thread";
import { formatSentAt } from "../conversation";
import { NewThreadForm } from "../new-thread-form";
import { NotForEmergencies } from "../not-for-emergencies";

function ThreadCard({ thread }: { thread: ThreadSummary }) {
  const { t, i18n } = useTranslation("messages");
  const last = thread.lastMessage;
  const formatted = thread.unread.toLocaleString(i18n.language);
  return (
    <Card
      component={Link}
      to={`/me/messages/${thread.id}`}
      withBorder
      padding="md"
      style={{ textDecoration: "none", color: "inherit" }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text fw={thread.unread > 0 ? 800 : 600} size="lg">
          {thread.subject}
        </Text>
        {thread.unread > 0 && (
          <Badge size="lg" color="blue" variant="filled" tt="none" style={{ flexShrink: 0 }}>
            {t("list.unread", { count: thread.unread, formatted })}
          </Badge>
        )}
      </Group>
      {last && (
        <Text mt={4} lineClamp={2}>
          {last.authorKind === "participant"
            ? t("list.lastFromYou", { preview: last.preview })
            : t("list.lastFrom", { name: last.authorName, preview: last.preview })}
        </Text>
      )}
      <Text size="sm" c="dimmed" mt={4}>
        <time dateTime={thread.lastMessageAt}>{formatSentAt(thread.lastMessageAt, i18n.language)}</time>
      </Text>
    </Card>
  );
}

/**
 * "Messages" in the participant's area: their conversations with the care team (unread ones marked in
 * words), a way to start a new one, and — on every message screen — that messages are not for
 * emergencies, with the crisis buttons.
 */
export function MessagesPage() {
  const { t } = useTranslation("messages");
  usePageTitle(t("list.title"));
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [writing, setWriting] = useState(false);
  const threads = useMyThreads(page);
  const start = useStartMyThread();
  const pages = threads.data ? Math.max(1, Math.ceil(threads.data.total / MY_THREADS_PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("list.title")}</Title>
        <Text>{t("list.intro")}</Text>
      </Stack>
      <NotForEmergencies compact />
      {writing ? (
        <NewThreadForm
          title={t("newThread.title")}
          start={(input) => start.mutateAsync(input)}
          onStarted={(sent) => navigate(`/me/messages/${sent.thread.id}`)}
          onCancel={() => setWriting(false)}
        />
      ) : (
        <Button
          size="lg"
          leftSection={<IconPencilPlus size={20} aria-hidden />}
          onClick={() => setWriting(true)}
        >
          {t("list.newThread")}
        </Button>
      )}
      {threads.isPending ? (
        <Stack role="status">
          <VisuallyHidden>{t("list.title")}</VisuallyHidden>
          <Skeleton h={96} />
          <Skeleton h={96} />
        </Stack>
      ) : threads.isError ? (
        <LoadError
          error={threads.error}
          onRetry={() => void threads.refetch()}
          title={t("list.unavailable")}
        />
      ) : threads.data.threads.length === 0 ? (
        <Text>{t("list.empty")}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {threads.data.threads.map((thread) => (
            <li key={thread.id}>
              <ThreadCard thread={thread} />
            </li>
          ))}
        </Stack>
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          size="lg"
          mx="auto"
          getControlProps={(control) => ({
            "aria-label":
              control === "previous" ? t("list.previous") : control === "next" ? t("list.next") : undefined,
          })}
        />
      )}
      <NotForEmergencies />
    </Stack>
  );
}
