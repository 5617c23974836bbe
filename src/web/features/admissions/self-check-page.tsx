import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconHeartHandshake } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  assessSelfCheck,
  SELF_CHECK_OPTIONS,
  SELF_CHECK_QUESTIONS,
  type SelfCheckQuestion,
  type SelfCheckResult,
  selfCheckAnswersSchema,
} from "../../../core/admissions/self-check";
import { CrisisCard } from "../../app/crisis";
import { PublicLayout } from "../../app/public-layout";
import { focusFirstError, useErrorText } from "../identity/form-errors";
import { ChoiceFieldset, withFieldsetFocus } from "./choice-fieldset";
import { WRAPPING_BUTTON } from "./get-help-page";

type Values = Record<SelfCheckQuestion, string>;
const NO_ANSWERS = Object.fromEntries(SELF_CHECK_QUESTIONS.map((q) => [q, ""])) as Values;

/** Every unanswered question gets the same dictionary key; the server's schema decides what is complete. */
export function validateSelfCheck(values: Values): Partial<Record<SelfCheckQuestion, string>> {
  const parsed = selfCheckAnswersSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: Partial<Record<SelfCheckQuestion, string>> = {};
  for (const issue of parsed.error.issues) {
    errors[issue.path[0] as SelfCheckQuestion] = "getHelp.selfCheck.answerRequired";
  }
  return errors;
}

/** Shown before anything else the moment someone says they are thinking of hurting themselves. */
function SafetyFirst() {
  const { t } = useTranslation();
  const section = useRef<HTMLDivElement>(null);
  // Bring it into view (focus stays on the answer, so keyboard users are not moved).
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: "start" });
  }, []);
  return (
    <Stack gap="sm" ref={section} style={{ scrollMarginTop: 8 }}>
      <Alert color="red" variant="light" icon={<IconHeartHandshake aria-hidden />} role="alert">
        {t("getHelp.selfCheck.safetyNow")}
      </Alert>
      <CrisisCard />
    </Stack>
  );
}

/**
 * `/get-help/self-check`: seven questions answered on this device (nothing is sent), then a
 * plain-language result that is never a diagnosis and can be carried into the inquiry form.
 */
export function SelfCheckPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [result, setResult] = useState<SelfCheckResult | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const form = useForm<Values>({
    mode: "controlled",
    name: "self-check",
    initialValues: NO_ANSWERS,
    validate: validateSelfCheck,
  });
  const submit = form.onSubmit(
    (values) => {
      setIncomplete(false);
      setResult(assessSelfCheck(selfCheckAnswersSchema.parse(values)));
    },
    (errors) => {
      setIncomplete(true);
      focusFirstError(withFieldsetFocus(form), SELF_CHECK_QUESTIONS, errors);
    },
  );
  const safetyFirst = result ? result.outcome === "crisis_first" : form.values.safety === "yes";

  return (
    <PublicLayout title={t("getHelp.selfCheck.title")} width={560}>
      {safetyFirst && <SafetyFirst />}
      {result ? (
        <SelfCheckResultView result={result} onChange={() => setResult(null)} />
      ) : (
        <>
          <Text>{t("getHelp.selfCheck.intro")}</Text>
          <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
            <Stack gap="xl">
              {SELF_CHECK_QUESTIONS.map((question) => (
                <ChoiceFieldset
                  key={question}
                  legend={t(`getHelp.selfCheck.questions.${question}`)}
                  dataPath={`self-check-${question}`}
                  required
                  options={SELF_CHECK_OPTIONS[question].map((option) => ({
                    value: option,
                    label: t(`getHelp.selfCheck.answers.${option}`),
                  }))}
                  value={form.values[question]}
                  onChange={(value) => form.setFieldValue(question, value)}
                  error={errorText(form.errors[question])}
                />
              ))}
              <div aria-live="assertive">
                {incomplete && Object.keys(form.errors).length > 0 && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
                    {t("getHelp.selfCheck.answerAll")}
                  </Alert>
                )}
              </div>
              <Button type="submit" size="md" styles={WRAPPING_BUTTON}>
                {t("getHelp.selfCheck.submit")}
              </Button>
            </Stack>
          </Card>
        </>
      )}
      <Group justify="center">
        <Anchor component={Link} to="/get-help" size="sm">
          {t("getHelp.selfCheck.backToGetHelp")}
        </Anchor>
      </Group>
    </PublicLayout>
  );
}

function SelfCheckResultView({ result, onChange }: { result: SelfCheckResult; onChange: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Stack component="section" aria-labelledby="result-title">
      <Title order={2} size="h3" id="result-title" ref={heading} tabIndex={-1}>
        {t("getHelp.selfCheck.resultTitle")}
      </Title>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t(`getHelp.selfCheck.outcomes.${result.outcome}.title`)}
          </Title>
          <Text>{t(`getHelp.selfCheck.outcomes.${result.outcome}.body`)}</Text>
          {result.notes.length > 0 && (
            <List spacing="xs">
              {result.notes.map((note) => (
                <List.Item key={note}>{t(`getHelp.selfCheck.notes.${note}`)}</List.Item>
              ))}
            </List>
          )}
          <Text fw={600}>{t("getHelp.selfCheck.notDiagnosis")}</Text>
        </Stack>
      </Card>
      <Stack gap={4}>
        <Button
          component={Link}
          to={`/get-help/inquiry?result=${result.outcome}`}
          size="md"
          styles={WRAPPING_BUTTON}
        >
          {t("getHelp.selfCheck.askQuestion")}
        </Button>
        <Text size="sm" c="dimmed">
          {t("getHelp.selfCheck.askQuestionHelp")}
        </Text>
      </Stack>
      <Button variant="default" size="md" styles={WRAPPING_BUTTON} onClick={onChange}>
        {t("getHelp.selfCheck.changeAnswers")}
      </Button>
      {result.outcome !== "crisis_first" && <CrisisCard />}
    </Stack>
  );
}
