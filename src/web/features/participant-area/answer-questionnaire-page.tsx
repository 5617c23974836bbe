import { Alert, Anchor, Button, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconAlertCircle, IconChevronLeft } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { z } from "zod";
import type { SubmissionResult } from "../../../core/assessments/assessments.schema";
import type { AnswerValue } from "../../../core/assessments/instrument";
import { ApiError } from "../../app/api-client";
import { CrisisCard } from "../../app/crisis";
import { newIdempotencyKey } from "../../app/idempotency-key";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import type { Language } from "../../i18n";
import { LoadError } from "../admin/page-states";
import { useInstrument } from "../assessments/api/get-instrument";
import { useSubmitAssessment } from "../assessments/api/submit-assessment";
import { instrumentTitle } from "../assessments/due-reason";
import { QuestionnaireForm } from "../assessments/questionnaire-form";
import { forgetAnsweredQuestionnaire } from "./use-questionnaire-todos";

const LIST_PATH = "/me/questionnaires";
const ANSWER_FIELD = "answers.";

/** `?assignment=` as the server accepts it; anything else is ignored rather than sent. */
const assignmentIdOf = (value: string | null) => (z.uuid().safeParse(value).success ? value : null);

/** What went wrong with a submission, in the participant's words; field errors go on their questions. */
function describeFailure(error: unknown) {
  if (!(error instanceof ApiError) || error.status === 0) return { kind: "network" } as const;
  if (error.code === "ASSESSMENTS_VERSION_RETIRED") return { kind: "retired" } as const;
  if (error.fields.some((f) => f.path === "assignmentId")) return { kind: "closed" } as const;
  const onQuestions = Object.fromEntries(
    error.fields
      .filter((f) => f.path.startsWith(ANSWER_FIELD))
      .map((f) => [f.path.slice(ANSWER_FIELD.length), f.message]),
  );
  if (Object.keys(onQuestions).length > 0) return { kind: "answers", onQuestions } as const;
  return { kind: "failed" } as const;
}

/**
 * A participant fills in one questionnaire on their phone, in their language. The idempotency key
 * is made once for this filled-in form, so sending again after a dropped connection is recorded
 * once. Afterwards: crisis help first when an answer calls for it, otherwise a plain thank-you;
 * never a score.
 */
export function AnswerQuestionnairePage() {
  const { t, i18n } = useTranslation("assessments");
  const { instrumentKey = "" } = useParams();
  const [params] = useSearchParams();
  const assignmentId = assignmentIdOf(params.get("assignment"));
  const { participantId } = useSessionUser();
  const language: Language = i18n.language.startsWith("es") ? "es" : "en";
  const instrument = useInstrument(instrumentKey);
  const submit = useSubmitAssessment();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [sent, setSent] = useState<Record<string, AnswerValue> | null>(null);
  const title = instrument.data ? instrumentTitle(instrument.data.instrument, language) : null;
  usePageTitle(title ?? t("mine.answer.heading"));

  if (submit.isSuccess) return <Thanks result={submit.data} />;

  const back = (
    <Anchor component={Link} to={LIST_PATH} size="sm" style={{ alignSelf: "flex-start" }}>
      <IconChevronLeft size={16} aria-hidden style={{ verticalAlign: "middle" }} />
      {t("mine.answer.back")}
    </Anchor>
  );

  if (participantId === null) {
    return (
      <Stack>
        {back}
        <Title order={1}>{t("mine.answer.heading")}</Title>
        <Text>{t("mine.noRecord")}</Text>
      </Stack>
    );
  }

  function send(answers: Record<string, AnswerValue>) {
    if (!instrument.data || participantId === null) return;
    setSent(answers);
    const key = instrument.data.instrument.key;
    submit.mutate(
      {
        participantId,
        input: {
          instrumentKey: key,
          version: instrument.data.instrument.version,
          answers,
          idempotencyKey,
          language,
          assignmentId,
        },
      },
      { onSuccess: () => forgetAnsweredQuestionnaire(queryClient, participantId, key) },
    );
  }

  const failure = submit.isError ? describeFailure(submit.error) : null;

  return (
    <Stack>
      {back}
      <Stack gap={4}>
        <Title order={1}>{t("mine.answer.heading")}</Title>
        <Text>{t("mine.answer.intro")}</Text>
      </Stack>
      {instrument.isPending && (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("mine.answer.loading")}</VisuallyHidden>
          <Skeleton h={32} w="70%" />
          <Skeleton h={160} />
          <Skeleton h={160} />
        </Stack>
      )}
      {instrument.isError &&
        (instrument.error instanceof ApiError && instrument.error.status === 404 ? (
          <Alert color="gray" variant="light" title={t("mine.answer.notFound")}>
            <Anchor component={Link} to={LIST_PATH}>
              {t("mine.answer.back")}
            </Anchor>
          </Alert>
        ) : (
          <LoadError
            error={instrument.error}
            title={t("mine.answer.loadError")}
            onRetry={() => void instrument.refetch()}
          />
        ))}
      {instrument.data && (
        <QuestionnaireForm
          key={instrument.data.instrument.version}
          questionnaire={instrument.data.questionnaire}
          language={language}
          mode="self"
          onSubmit={send}
          submitting={submit.isPending}
          serverErrors={failure?.kind === "answers" ? failure.onQuestions : undefined}
          submitLabel={t("mine.answer.submit")}
        />
      )}
      {failure && failure.kind !== "answers" && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          <Text>{t(`mine.answer.failures.${failure.kind}`)}</Text>
          {(failure.kind === "network" || failure.kind === "failed") && sent && (
            <Button mt="sm" size="md" variant="default" onClick={() => send(sent)}>
              {t("mine.answer.sendAgain")}
            </Button>
          )}
          {failure.kind === "retired" && (
            <Button
              mt="sm"
              size="md"
              variant="default"
              onClick={() => {
                submit.reset();
                void instrument.refetch();
              }}
            >
              {t("mine.answer.reload")}
            </Button>
          )}
          {failure.kind === "closed" && (
            <Anchor component={Link} to={LIST_PATH} display="block" mt="sm">
              {t("mine.answer.back")}
            </Anchor>
          )}
        </Alert>
      )}
    </Stack>
  );
}

/** After sending: crisis help first when an answer calls for it; a plain thank-you otherwise. */
function Thanks({ result }: { result: SubmissionResult }) {
  const { t } = useTranslation("assessments");
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: start reading here (focusing the heading also scrolls it into view).
  useEffect(() => heading.current?.focus(), []);
  const backToList = (
    <Button component={Link} to={LIST_PATH} size="lg" variant="default" fullWidth>
      {t("mine.done.back")}
    </Button>
  );
  if (result.crisis) {
    return (
      <Stack>
        <Title order={1} ref={heading} tabIndex={-1}>
          {t("mine.done.crisisTitle")}
        </Title>
        <CrisisCard onCall={result.onCall} />
        <Text>{t("mine.done.crisisBody")}</Text>
        {backToList}
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={1} ref={heading} tabIndex={-1}>
        {t("mine.done.title")}
      </Title>
      <Text>{t("mine.done.body")}</Text>
      {backToList}
    </Stack>
  );
}
