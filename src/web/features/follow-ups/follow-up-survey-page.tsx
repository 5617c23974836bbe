import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Radio,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerValue } from "../../../core/assessments/instrument";
import type { Questionnaire } from "../../../core/assessments/questionnaire";
import {
  FOLLOW_UP_EMPLOYMENT,
  FOLLOW_UP_HOUSING,
  type FollowUpAnswers,
} from "../../../core/follow-ups/follow-up.schema";
import type { FollowUpLinkView, FollowUpSubmitted } from "../../../core/follow-ups/follow-up-api.schema";
import { ApiError } from "../../app/api-client";
import { CrisisCard } from "../../app/crisis";
import { newIdempotencyKey } from "../../app/idempotency-key";
import { PublicLayout } from "../../app/public-layout";
import type { Language } from "../../i18n";
import { QuestionnaireForm } from "../assessments/questionnaire-form";
import { useLinkToken } from "../identity/link-token";
import { useFollowUpLink } from "./api/get-follow-up-link";
import { useOptOutOfFollowUps } from "./api/opt-out-follow-ups";
import { useSubmitFollowUp } from "./api/submit-follow-up";

type Draft = {
  alcoholDays: number | "";
  heavyDrinkingDays: number | "";
  drugDays: number | "";
  meetings: number | "";
  inTreatment: "yes" | "no" | "";
  housing: (typeof FOLLOW_UP_HOUSING)[number] | "";
  employment: (typeof FOLLOW_UP_EMPLOYMENT)[number] | "";
  wantsContact: "yes" | "no" | "";
};
const EMPTY: Draft = {
  alcoholDays: "",
  heavyDrinkingDays: "",
  drugDays: "",
  meetings: "",
  inTreatment: "",
  housing: "",
  employment: "",
  wantsContact: "",
};
type DraftErrors = Partial<Record<keyof Draft, string>>;

/** Check the first step; the server checks again with the same rules. */
function checkDraft(draft: Draft): { errors: DraftErrors; answers: FollowUpAnswers | null } {
  const errors: DraftErrors = {};
  for (const key of [
    "alcoholDays",
    "heavyDrinkingDays",
    "drugDays",
    "meetings",
    "inTreatment",
    "housing",
    "employment",
    "wantsContact",
  ] as const) {
    if (draft[key] === "") errors[key] = "required";
  }
  if (
    typeof draft.alcoholDays === "number" &&
    typeof draft.heavyDrinkingDays === "number" &&
    draft.heavyDrinkingDays > draft.alcoholDays
  ) {
    errors.heavyDrinkingDays = "heavyTooMany";
  }
  if (Object.keys(errors).length > 0) return { errors, answers: null };
  return {
    errors,
    answers: {
      alcoholDays: draft.alcoholDays as number,
      heavyDrinkingDays: draft.heavyDrinkingDays as number,
      drugDays: draft.drugDays as number,
      meetings: draft.meetings as number,
      inTreatment: draft.inTreatment === "yes",
      housing: draft.housing as FollowUpAnswers["housing"],
      employment: draft.employment as FollowUpAnswers["employment"],
      wantsContact: draft.wantsContact === "yes",
    },
  };
}

const numbersOnly = (answers: Record<string, AnswerValue>) =>
  Object.fromEntries(Object.entries(answers).filter((e): e is [string, number] => typeof e[1] === "number"));

/**
 * `/follow-up#token=…`: a follow-up survey from an emailed link, with no sign-in, phone first, in the
 * survey's language (the header switch changes it). Three steps: the use and life questions, the
 * PHQ-9, the GAD-7; then thanks, with crisis help first when an answer calls for it. Used, closed,
 * opted-out and broken links each get their own plain page; "I don't want these surveys" asks first.
 */
export function FollowUpSurveyPage() {
  const { t, i18n } = useTranslation("followUps");
  const token = useLinkToken();
  const link = useFollowUpLink(token ?? "", token !== null);
  const languageSet = useRef(false);
  useEffect(() => {
    if (link.data && !languageSet.current) {
      languageSet.current = true;
      if (!i18n.language.startsWith(link.data.language)) void i18n.changeLanguage(link.data.language);
    }
  }, [link.data, i18n]);

  let body: ReactNode;
  if (token === null || (link.error instanceof ApiError && link.error.status === 400)) {
    body = <Closed state="invalid" />;
  } else if (link.isPending) {
    body = (
      <Group role="status" justify="center" p="lg">
        <Loader aria-hidden />
        <VisuallyHidden>{t("survey.loading")}</VisuallyHidden>
      </Group>
    );
  } else if (link.isError) {
    body = (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
        {t("survey.loadError")}
        <Button mt="sm" variant="default" display="block" onClick={() => void link.refetch()}>
          {t("survey.retry")}
        </Button>
      </Alert>
    );
  } else if (link.data.state !== "open" || !link.data.questionnaires) {
    body = <Closed state={link.data.state} completedOn={link.data.completedOn} />;
  } else {
    body = <Survey token={token} view={link.data} onClosed={() => void link.refetch()} />;
  }
  return (
    <PublicLayout title={t("survey.title")} width={560}>
      {body}
    </PublicLayout>
  );
}

function Closed({
  state,
  completedOn = null,
}: {
  state: FollowUpLinkView["state"];
  completedOn?: string | null;
}) {
  const { t, i18n } = useTranslation("followUps");
  const date = completedOn
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${completedOn}T12:00:00Z`),
      )
    : "";
  const key =
    state === "completed"
      ? "used"
      : state === "opted_out"
        ? "optedOut"
        : state === "open"
          ? "invalid"
          : state;
  return (
    <Alert
      color={state === "completed" ? "teal" : "gray"}
      variant="light"
      role="status"
      title={t(`survey.${key}Title`)}
    >
      {t(`survey.${key}Body`, { date })}
    </Alert>
  );
}

function Survey({ token, view, onClosed }: { token: string; view: FollowUpLinkView; onClosed: () => void }) {
  const { t, i18n } = useTranslation("followUps");
  const language: Language = i18n.language.startsWith("es") ? "es" : "en";
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [answers, setAnswers] = useState<FollowUpAnswers | null>(null);
  const [phq9, setPhq9] = useState<Record<string, AnswerValue> | null>(null);
  const [gad7, setGad7] = useState<Record<string, AnswerValue> | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submit = useSubmitFollowUp();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new step starts reading at its heading
  useEffect(() => heading.current?.focus(), [step]);

  if (submit.isSuccess) return <Thanks result={submit.data} />;
  const questionnaires = view.questionnaires!;

  function send(gad7Answers: Record<string, AnswerValue>) {
    if (!answers || !phq9) return;
    setGad7(gad7Answers);
    submit.mutate(
      {
        token,
        answers,
        phq9: numbersOnly(phq9),
        gad7: numbersOnly(gad7Answers),
        idempotencyKey,
        language,
      },
      {
        onError: (error) => {
          if (
            error instanceof ApiError &&
            [
              "FOLLOW_UP_ALREADY_ANSWERED",
              "FOLLOW_UP_CLOSED",
              "FOLLOW_UP_OPTED_OUT",
              "TOKEN_INVALID",
            ].includes(error.code ?? "")
          ) {
            onClosed();
          }
        },
      },
    );
  }

  function firstStep(event: FormEvent) {
    event.preventDefault();
    const checked = checkDraft(draft);
    setErrors(checked.errors);
    if (!checked.answers) {
      const first = Object.keys(checked.errors)[0];
      document.getElementById(`follow-up-${first}`)?.focus();
      return;
    }
    setAnswers(checked.answers);
    setStep(1);
  }

  const field = <K extends keyof Draft>(key: K) => ({
    id: `follow-up-${key}`,
    error: errors[key] ? t(`survey.${errors[key]}`) : undefined,
  });
  const numberField = (key: "alcoholDays" | "heavyDrinkingDays" | "drugDays" | "meetings", max: number) => (
    <NumberInput
      {...field(key)}
      label={t(`survey.${key}`)}
      description={t(max === 30 ? "survey.daysHint" : "survey.meetingsHint")}
      min={0}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      size="md"
      inputMode="numeric"
      value={draft[key]}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: typeof v === "number" ? v : "" }))}
    />
  );
  const yesNo = (key: "inTreatment" | "wantsContact") => (
    <Radio.Group
      {...field(key)}
      label={t(`survey.${key}`)}
      value={draft[key]}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: v as "yes" | "no" }))}
    >
      <Group mt="xs">
        <Radio value="yes" label={t("survey.yes")} size="md" />
        <Radio value="no" label={t("survey.no")} size="md" />
      </Group>
    </Radio.Group>
  );
  const choice = (key: "housing" | "employment", options: readonly string[]) => (
    <Radio.Group
      {...field(key)}
      label={t(`survey.${key}`)}
      value={draft[key]}
      onChange={(v) => setDraft((d) => ({ ...d, [key]: v }))}
    >
      <Stack mt="xs" gap="xs">
        {options.map((o) => (
          <Radio key={o} value={o} label={t(`survey.${key}Options.${o}`)} size="md" />
        ))}
      </Stack>
    </Radio.Group>
  );

  return (
    <Stack gap="lg">
      <Text>{t("survey.hello", { name: view.firstName ?? "", wave: view.wave ?? 30 })}</Text>
      <Text size="sm" c="dimmed">
        {t("survey.privacy")}
      </Text>
      <Text size="sm" fw={600} aria-live="polite">
        {t("survey.step", { step: step + 1, count: 3 })}
      </Text>
      {step === 0 && (
        <form onSubmit={firstStep} noValidate>
          <Stack gap="lg">
            <Title order={2} ref={heading} tabIndex={-1}>
              {t("survey.useTitle")}
            </Title>
            {numberField("alcoholDays", 30)}
            {numberField("heavyDrinkingDays", 30)}
            {numberField("drugDays", 30)}
            {numberField("meetings", 99)}
            <Title order={2}>{t("survey.lifeTitle")}</Title>
            {yesNo("inTreatment")}
            {choice("housing", FOLLOW_UP_HOUSING)}
            {choice("employment", FOLLOW_UP_EMPLOYMENT)}
            {yesNo("wantsContact")}
            <Button type="submit" size="lg" fullWidth>
              {t("survey.next")}
            </Button>
          </Stack>
        </form>
      )}
      {step === 1 && (
        <Stack>
          <Title order={2} ref={heading} tabIndex={-1}>
            {t("survey.phq9Title")}
          </Title>
          <QuestionnaireForm
            questionnaire={questionnaires.phq9.questionnaire as Questionnaire}
            language={language}
            mode="self"
            initialAnswers={phq9 ?? {}}
            submitting={false}
            submitLabel={t("survey.next")}
            onSubmit={(a) => {
              setPhq9(a);
              setStep(2);
            }}
          />
          <Button variant="default" size="md" onClick={() => setStep(0)}>
            {t("survey.back")}
          </Button>
        </Stack>
      )}
      {step === 2 && (
        <Stack>
          <Title order={2} ref={heading} tabIndex={-1}>
            {t("survey.gad7Title")}
          </Title>
          <QuestionnaireForm
            questionnaire={questionnaires.gad7.questionnaire as Questionnaire}
            language={language}
            mode="self"
            initialAnswers={gad7 ?? {}}
            submitting={submit.isPending}
            submitLabel={submit.isPending ? t("survey.sending") : t("survey.send")}
            onSubmit={send}
          />
          {submit.isError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {submit.error instanceof ApiError && submit.error.status === 400
                ? submit.error.message
                : t("survey.failed")}
            </Alert>
          )}
          <Button variant="default" size="md" onClick={() => setStep(1)} disabled={submit.isPending}>
            {t("survey.back")}
          </Button>
        </Stack>
      )}
      <OptOut token={token} onDone={onClosed} />
    </Stack>
  );
}

function OptOut({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation("followUps");
  const [open, setOpen] = useState(false);
  const optOut = useOptOutOfFollowUps();
  return (
    <>
      <Button variant="subtle" color="gray" onClick={() => setOpen(true)} style={{ alignSelf: "center" }}>
        {t("survey.optOut")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("survey.optOutConfirmTitle")} centered>
        <Stack>
          <Text>{t("survey.optOutConfirmBody")}</Text>
          {optOut.isError && (
            <Text c="red" role="alert">
              {t("survey.optOutFailed")}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("survey.cancel")}
            </Button>
            <Button
              color="red"
              loading={optOut.isPending}
              onClick={() =>
                optOut.mutate(token, {
                  onSuccess: () => {
                    setOpen(false);
                    onDone();
                  },
                })
              }
            >
              {t("survey.optOutConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Thanks({ result }: { result: FollowUpSubmitted }) {
  const { t } = useTranslation("followUps");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (result.crisis) {
    return (
      <Stack>
        <Title order={2} ref={heading} tabIndex={-1}>
          {t("survey.crisisTitle")}
        </Title>
        <CrisisCard onCall={result.onCall} />
        <Text>{t("survey.crisisBody")}</Text>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2} ref={heading} tabIndex={-1}>
        {t("survey.thanksTitle")}
      </Title>
      <Text>{t("survey.thanksBody")}</Text>
    </Stack>
  );
}
