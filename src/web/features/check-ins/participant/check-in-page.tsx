import { Alert, Anchor, Button, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconChevronLeft, IconClockHour4 } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { newIdempotencyKey } from "../../../app/idempotency-key";
import { useSessionUser } from "../../../app/require-session";
import { usePageTitle } from "../../../app/use-page-title";
import type { Language } from "../../../i18n";
import { useCheckInOptions } from "./api/get-check-in-options";
import { CheckInForm } from "./check-in-form";
import {
  type CheckInFormValues,
  EMPTY_CHECK_IN,
  type FieldErrors,
  serverFieldErrors,
  toCheckInInput,
  toFormValues,
} from "./check-in-form-state";
import { CheckInResponseCard } from "./check-in-response-card";
import type { QueuedCheckIn } from "./offline-queue";
import { QueuedCheckIns, refusalWords } from "./queued-check-ins";
import { useCheckInQueue } from "./use-check-in-queue";

/**
 * `/me/check-in`: the daily check-in on the phone. One idempotency key per filled-in form: sent at
 * once when online, kept on the phone ("Waiting to send") when offline or the connection fails, and
 * sent from there by itself. A refusal puts the server's words on the fields and keeps every answer.
 */
export function CheckInPage({ now = () => new Date() }: { now?: () => Date }) {
  const { t, i18n } = useTranslation("checkIns");
  const user = useSessionUser();
  const language: Language = i18n.language.startsWith("es") ? "es" : "en";
  const options = useCheckInOptions();
  const queue = useCheckInQueue(user.id);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [values, setValues] = useState<CheckInFormValues>(EMPTY_CHECK_IN);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  usePageTitle(t("page.title"));

  const result = queue.sent.get(idempotencyKey);
  const waiting = queue.entries.some((q) => q.input.idempotencyKey === idempotencyKey && q.refusal === null);
  const earlier = queue.entries.filter((q) => q.input.idempotencyKey !== idempotencyKey);

  function startAgain() {
    setIdempotencyKey(newIdempotencyKey());
    setValues(EMPTY_CHECK_IN);
    setErrors({});
    setFormError(null);
    setSignedOut(false);
  }

  function correct(entry: QueuedCheckIn) {
    setIdempotencyKey(entry.input.idempotencyKey);
    setValues(toFormValues(entry.input));
    setErrors(serverFieldErrors(entry.refusal?.fields ?? []));
    setFormError(entry.refusal ? refusalWords(entry.refusal, t) : null);
  }

  async function send() {
    const checked = toCheckInInput(values, { idempotencyKey, now: now(), language });
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(t("form.fixBelow"));
      return;
    }
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    const outcome = await queue.submit(checked.input);
    setSubmitting(false);
    if (outcome.kind === "queued") setSignedOut(outcome.signedOut);
    else if (outcome.kind === "not-stored") setFormError(t("errors.notStored"));
    else if (outcome.kind === "refused") {
      const onFields = serverFieldErrors(outcome.refusal.fields);
      setErrors(onFields);
      setFormError(
        Object.keys(onFields).some((f) => f in EMPTY_CHECK_IN)
          ? t("form.fixBelow")
          : refusalWords(outcome.refusal, t),
      );
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/me" size="sm" style={{ alignSelf: "flex-start" }}>
        <IconChevronLeft size={16} aria-hidden style={{ verticalAlign: "middle" }} />
        {t("page.back")}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t("page.title")}</Title>
        {!result && !waiting && <Text>{t("page.intro")}</Text>}
      </Stack>
      <QueuedCheckIns entries={earlier} onCorrect={correct} onDiscard={queue.discard} />
      {result ? (
        <CheckInResponseCard result={result} onAgain={startAgain} />
      ) : waiting ? (
        <Alert
          color="blue"
          variant="light"
          role="status"
          icon={<IconClockHour4 aria-hidden />}
          title={t("queue.waitingTitle")}
        >
          <Text>{signedOut ? t("queue.signedOutBody") : t("queue.waitingBody")}</Text>
          <Button mt="sm" size="md" variant="default" onClick={() => void queue.flush()}>
            {t("queue.tryNow")}
          </Button>
        </Alert>
      ) : (
        <>
          {formError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {formError}
            </Alert>
          )}
          <CheckInForm
            values={values}
            onChange={setValues}
            errors={errors}
            options={options.data}
            submitting={submitting}
            onSubmit={() => void send()}
          />
          {formError && (
            <Text size="sm" c="var(--mantine-color-error)">
              {formError}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
