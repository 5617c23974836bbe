import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { messageLength } from "../../../core/messages/messages.rules";
import { MESSAGE_BODY_MAX, type SendMessageInput } from "../../../core/messages/messages.schema";
import { ApiError } from "../../app/api-client";
import { newIdempotencyKey } from "../../app/idempotency-key";

/**
 * Where a message is written: a counter of characters against the limit (a clear message and no
 * sending when over it), Ctrl/⌘+Enter to send, and nothing lost on a failure — the text stays and a
 * retry of the same text reuses its idempotency key, so a send that did reach the server is never
 * doubled. The text clears only once the server has it.
 */
export function Composer({
  send,
  autoFocus = false,
  canSend = () => true,
}: {
  send: (input: SendMessageInput) => Promise<unknown>;
  autoFocus?: boolean;
  /** Another field of the form (a new conversation's subject) may stop the send; it says why itself. */
  canSend?: () => boolean;
}) {
  const { t, i18n } = useTranslation("messages");
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [sentNotice, setSentNotice] = useState(false);
  const key = useRef<{ text: string; key: string } | null>(null);
  const hintId = useId();
  const counterId = useId();
  const length = messageLength(body);
  const over = length > MESSAGE_BODY_MAX;
  const format = (n: number) => n.toLocaleString(i18n.language);
  const tooLong = over
    ? t("composer.tooLong", { length: format(length), max: format(MESSAGE_BODY_MAX) })
    : null;

  async function submit() {
    if (pending) return;
    setSentNotice(false);
    if (body.trim().length === 0) {
      setProblem(t("composer.empty"));
      return;
    }
    if (over || !canSend()) return;
    if (key.current?.text !== body) key.current = { text: body, key: newIdempotencyKey() };
    setPending(true);
    setFailed(false);
    setProblem(null);
    try {
      await send({ body, idempotencyKey: key.current.key });
      setBody("");
      key.current = null;
      setSentNotice(true);
    } catch (error) {
      const field = error instanceof ApiError ? error.fields.find((f) => f.path === "body") : undefined;
      if (field) setProblem(field.message);
      else setFailed(true);
    } finally {
      setPending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <Stack gap="xs">
      <Textarea
        label={t("composer.label")}
        placeholder={t("composer.placeholder")}
        value={body}
        onChange={(event) => {
          setBody(event.currentTarget.value);
          setProblem(null);
          setSentNotice(false);
        }}
        onKeyDown={onKeyDown}
        autosize
        minRows={3}
        maxRows={12}
        size="md"
        autoFocus={autoFocus}
        error={tooLong ?? problem}
        aria-describedby={`${hintId} ${counterId}`}
      />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Text size="sm" id={hintId} c="dimmed">
          {t("composer.hint")}
        </Text>
        <Text size="sm" id={counterId} c={over ? "red.8" : "dimmed"} fw={over ? 700 : undefined}>
          {t("composer.counter", { length: format(length), max: format(MESSAGE_BODY_MAX) })}
        </Text>
      </Group>
      {failed && (
        <Alert color="red" variant="light" role="alert">
          {t("composer.failed")}
        </Alert>
      )}
      <Button
        size="lg"
        onClick={() => void submit()}
        loading={pending}
        disabled={over}
        leftSection={<IconSend size={20} aria-hidden />}
      >
        {t("composer.send")}
      </Button>
      <Text size="sm" role="status" aria-live="polite">
        {sentNotice ? t("composer.sent") : ""}
      </Text>
    </Stack>
  );
}
