import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconPencilPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { FamilyThreadGroup } from "../../../../core/messages/family-messages.schema";
import type { ThreadSummary } from "../../../../core/messages/messages.schema";
import { ApiError } from "../../../app/api-client";
import { usePageTitle } from "../../../app/use-page-title";
import { LoadError } from "../../admin/page-states";
import { AccessEnded } from "../../family/access-ended";
import { useFamilyThreads } from "../api/list-family-threads";
import { useStartFamilyThread } from "../api/start-family-thread";
import { formatSentAt } from "../conversation";
import { NewThreadForm } from "../new-thread-form";
import { NotForEmergencies } from "../not-for-emergencies";
import { MessageConfidentiality } from "./message-confidentiality";

function ThreadCard({ thread }: { thread: ThreadSummary }) {
  const { t, i18n } = useTranslation("messages");
  const last = thread.lastMessage;
  return (
    <Card
      component={Link}
      to={`/family/messages/${thread.id}`}
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
            {t("list.unread", {
              count: thread.unread,
              formatted: thread.unread.toLocaleString(i18n.language),
            })}
          </Badge>
        )}
      </Group>
      {last && (
        <Text mt={4} lineClamp={2}>
          {last.authorKind === "family"
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

/** The conversations about one person, with a way to write a new one and the notice of their disclosure. */
function PersonThreads({ group }: { group: FamilyThreadGroup }) {
  const { t } = useTranslation("messages");
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  const start = useStartFamilyThread();
  const { participantId, name, relationship } = group.person;
  const headingId = `family-threads-${participantId}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h3" id={headingId}>
        {t("family.about", { name, relationship })}
      </Title>
      {writing ? (
        <NewThreadForm
          title={t("family.newThreadAbout", { name })}
          headingOrder={3}
          start={(input) => start.mutateAsync({ ...input, participantId })}
          onStarted={(sent) => navigate(`/family/messages/${sent.thread.id}`)}
          onCancel={() => setWriting(false)}
        />
      ) : (
        <Button
          size="lg"
          leftSection={<IconPencilPlus size={20} aria-hidden />}
          onClick={() => setWriting(true)}
        >
          {t("family.newThread")}
        </Button>
      )}
      {group.threads.length === 0 ? (
        <Text>{t("family.empty", { name })}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {group.threads.map((thread) => (
            <li key={thread.id}>
              <ThreadCard thread={thread} />
            </li>
          ))}
        </Stack>
      )}
      <MessageConfidentiality notice={group} />
    </Stack>
  );
}

/**
 * "Messages" in the family area: the family member's conversations with the care team, one section per
 * person they support whose consent allows messages (each load a logged disclosure), with "not for
 * emergencies" and the crisis buttons on the page.
 */
export function FamilyMessagesPage() {
  const { t, i18n } = useTranslation("messages");
  usePageTitle(t("family.title"));
  const threads = useFamilyThreads();
  const data = threads.data;
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("family.title")}</Title>
        <Text>{t("family.intro")}</Text>
      </Stack>
      <NotForEmergencies compact />
      {threads.isPending ? (
        <Stack role="status">
          <VisuallyHidden>{t("family.title")}</VisuallyHidden>
          <Skeleton h={96} />
          <Skeleton h={96} />
        </Stack>
      ) : threads.isError ? (
        threads.error instanceof ApiError && threads.error.status === 403 ? (
          <AccessEnded />
        ) : (
          <LoadError
            error={threads.error}
            onRetry={() => void threads.refetch()}
            title={t("family.unavailable")}
          />
        )
      ) : (
        <>
          {data!.people.length === 0 && <Text>{t("family.none")}</Text>}
          {data!.people.map((group) => (
            <PersonThreads key={group.person.participantId} group={group} />
          ))}
          {data!.notShared > 0 && (
            <Text c="dimmed">
              {t("family.notShared", {
                count: data!.notShared,
                formatted: data!.notShared.toLocaleString(i18n.language),
              })}
            </Text>
          )}
        </>
      )}
      <NotForEmergencies />
    </Stack>
  );
}
