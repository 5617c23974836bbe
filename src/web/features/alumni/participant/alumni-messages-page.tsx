import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CrisisFooter } from "../../../app/crisis";
import { usePageTitle } from "../../../app/use-page-title";
import {
  useMyAlumniThread,
  useMyAlumniThreads,
  useReplyAlumniThread,
  useStartAlumniThread,
} from "../api/my-alumni-messages";

/** Messages with the alumni coordinator: the list and a new conversation. */
export function AlumniMessagesPage() {
  const { t } = useTranslation("alumni");
  usePageTitle(t("messages.title"));
  const threads = useMyAlumniThreads();
  const start = useStartAlumniThread();
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  return (
    <Stack>
      <Title order={1}>{t("messages.title")}</Title>
      <Alert color="orange">{t("messages.notEmergency")}</Alert>
      <CrisisFooter />
      {threads.isPending ? (
        <Loader role="status" aria-label={t("messages.title")} />
      ) : threads.isError ? (
        <Alert color="red">{threads.error.message}</Alert>
      ) : threads.data.threads.length === 0 ? (
        <Text>{t("messages.empty")}</Text>
      ) : (
        <Stack component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {threads.data.threads.map((thread) => (
            <li key={thread.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/me/alumni/messages/${thread.id}`}>
                  {thread.subject}
                </Anchor>
                {thread.unread > 0 && <Badge color="red">{thread.unread}</Badge>}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="alumni-new-message">
        <Title order={2} size="h3" id="alumni-new-message">
          {t("messages.newTitle")}
        </Title>
        <Stack
          component="form"
          mt="sm"
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate(
              { subject, body, idempotencyKey: crypto.randomUUID() },
              {
                onSuccess: () => {
                  setSubject("");
                  setBody("");
                },
              },
            );
          }}
        >
          <TextInput
            label={t("messages.subject")}
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
          <Textarea
            label={t("messages.body")}
            required
            rows={3}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          {start.isError && (
            <Alert color="red" title={t("messages.error")}>
              {start.error.message}
            </Alert>
          )}
          <Button type="submit" loading={start.isPending}>
            {t("messages.send")}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

/** One conversation with the alumni coordinator, and a reply. */
export function AlumniThreadPage() {
  const { t } = useTranslation("alumni");
  const { threadId = "" } = useParams();
  const thread = useMyAlumniThread(threadId);
  const reply = useReplyAlumniThread(threadId);
  const [body, setBody] = useState("");
  usePageTitle(thread.data?.thread.subject ?? t("messages.title"));
  return (
    <Stack>
      <Anchor component={Link} to="/me/alumni/messages">
        {t("messages.back")}
      </Anchor>
      <Alert color="orange">{t("messages.notEmergency")}</Alert>
      {thread.isPending ? (
        <Loader role="status" aria-label={t("messages.title")} />
      ) : thread.isError ? (
        <Alert color="red">{thread.error.message}</Alert>
      ) : (
        <>
          <Title order={1}>{thread.data.thread.subject}</Title>
          <Stack component="ol" p={0} m={0} style={{ listStyle: "none" }}>
            {thread.data.messages.map((m) => (
              <Card component="li" key={m.id} withBorder padding="sm">
                <Text size="sm" fw={600}>
                  {m.mine ? t("messages.you") : m.author.name}
                </Text>
                <Text style={{ whiteSpace: "pre-wrap" }}>{m.body}</Text>
              </Card>
            ))}
          </Stack>
          <Stack
            component="form"
            onSubmit={(event) => {
              event.preventDefault();
              reply.mutate({ body, idempotencyKey: crypto.randomUUID() }, { onSuccess: () => setBody("") });
            }}
          >
            <Textarea
              label={t("messages.reply")}
              required
              rows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            {reply.isError && (
              <Alert color="red" title={t("messages.error")}>
                {reply.error.message}
              </Alert>
            )}
            <Button type="submit" loading={reply.isPending}>
              {t("messages.send")}
            </Button>
          </Stack>
        </>
      )}
    </Stack>
  );
}
