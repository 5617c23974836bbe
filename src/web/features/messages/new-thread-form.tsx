import { Button, Card, Stack, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  MESSAGE_SUBJECT_MAX,
  type SendMessageInput,
  type SentMessage,
} from "../../../core/messages/messages.schema";
import { ApiError } from "../../app/api-client";
import { Composer } from "./composer";

/**
 * A new conversation: a subject and the first message (the composer keeps the text on a failure). Used
 * by the participant and, from the chart, by staff.
 */
export function NewThreadForm({
  start,
  onStarted,
  onCancel,
  title,
  headingOrder = 2,
}: {
  start: (input: SendMessageInput & { subject: string }) => Promise<SentMessage>;
  onStarted: (sent: SentMessage) => void;
  onCancel: () => void;
  title: string;
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation("messages");
  const [subject, setSubject] = useState("");
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const missing = subject.trim().length === 0;

  function canSend() {
    if (missing) setSubjectError(t("newThread.subjectRequired"));
    return !missing;
  }

  async function send(input: SendMessageInput) {
    try {
      onStarted(await start({ ...input, subject: subject.trim() }));
    } catch (error) {
      const field = error instanceof ApiError ? error.fields.find((f) => f.path === "subject") : undefined;
      if (field) setSubjectError(field.message);
      throw error;
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="new-thread-title">
      <Stack>
        <Title order={headingOrder} size="h3" id="new-thread-title">
          {title}
        </Title>
        <TextInput
          label={t("newThread.subject")}
          description={t("newThread.subjectHint")}
          value={subject}
          maxLength={MESSAGE_SUBJECT_MAX}
          onChange={(event) => {
            setSubject(event.currentTarget.value);
            setSubjectError(null);
          }}
          error={subjectError}
          size="md"
          required
          autoFocus
        />
        <Composer send={send} canSend={canSend} />
        <Button variant="default" size="md" onClick={onCancel}>
          {t("newThread.cancel")}
        </Button>
      </Stack>
    </Card>
  );
}
