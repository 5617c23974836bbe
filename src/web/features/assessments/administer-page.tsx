import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { SubmissionResult } from "../../../core/assessments/assessments.schema";
import type { AnswerValue } from "../../../core/assessments/instrument";
import { ApiError } from "../../app/api-client";
import { newIdempotencyKey } from "../../app/idempotency-key";
import { usePageTitle } from "../../app/use-page-title";
import { LANGUAGES, type Language } from "../../i18n";
import { LoadError } from "../admin/page-states";
import { useInstrument } from "./api/get-instrument";
import { useSubmitAssessment } from "./api/submit-assessment";
import { instrumentTitle, useBandLabel } from "./measure-card";
import { QuestionnaireForm } from "./questionnaire-form";

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function Result({ result, title, backTo }: { result: SubmissionResult; title: string; backTo: string }) {
  const { t, i18n } = useTranslation("assessments");
  const band = useBandLabel();
  const { response } = result;
  return (
    <Stack>
      {response.critical.length > 0 && (
        <Alert color="red" variant="filled" role="alert" icon={<IconAlertTriangle aria-hidden />}>
          {t("chart.entry.criticalSaved")}
        </Alert>
      )}
      <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
        <Text fw={700}>{t("chart.entry.saved", { title })}</Text>
        {response.scored ? (
          <Text>
            {response.total !== null &&
              t("chart.entry.score", { score: response.total.toLocaleString(i18n.language) })}
            {response.band && ` · ${band(response.band)}`}
          </Text>
        ) : (
          <Text>{t("chart.entry.notScored", { items: response.missing.join(", ") })}</Text>
        )}
      </Alert>
      <Group>
        <Button component={Link} to={backTo}>
          {t("chart.entry.another")}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Staff enter a questionnaire in the chart: the one renderer in its compact keyboard mode, the day
 * it was completed (a paper form may be entered later), and the form's language. The idempotency
 * key is made once for this filled-in form, so pressing submit again after a failure records once.
 */
export function AdministerPage() {
  const { t, i18n } = useTranslation("assessments");
  const { id = "", instrumentKey = "" } = useParams();
  const detail = useInstrument(instrumentKey);
  const submit = useSubmitAssessment();
  const [idempotencyKey] = useState(() => newIdempotencyKey());
  const [completedOn, setCompletedOn] = useState(localToday());
  const [language, setLanguage] = useState<Language>(i18n.language.startsWith("es") ? "es" : "en");
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<SubmissionResult | null>(null);
  const backTo = `/staff/participants/${encodeURIComponent(id)}?tab=assessments`;
  const title = detail.data
    ? instrumentTitle(detail.data.instrument, instrumentKey, i18n.language)
    : instrumentKey;
  usePageTitle(t("chart.entry.title", { title }));

  const onSubmit = (answers: Record<string, AnswerValue>) => {
    if (!detail.data) return;
    setFormError(null);
    setServerErrors({});
    submit.mutate(
      {
        participantId: id,
        input: {
          instrumentKey,
          version: detail.data.instrument.version,
          answers,
          idempotencyKey,
          language,
          completedOn,
          assignmentId: null,
        },
      },
      {
        onSuccess: setResult,
        onError: (error) => {
          if (error instanceof ApiError && error.code === "ASSESSMENTS_VERSION_RETIRED") {
            setFormError(t("chart.entry.retired"));
          } else if (error instanceof ApiError && error.fields.length > 0) {
            const byItem = Object.fromEntries(
              error.fields.map((f) => [f.path.replace(/^answers\./, ""), f.message] as const),
            );
            if (byItem.completedOn) setFormError(byItem.completedOn);
            setServerErrors(byItem);
          } else {
            setFormError(t("chart.entry.failed"));
          }
        },
      },
    );
  };

  return (
    <Stack maw={820}>
      <Anchor component={Link} to={backTo} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t("chart.entry.back")}
        </Group>
      </Anchor>
      <Title order={1}>{t("chart.entry.title", { title })}</Title>
      {detail.isPending ? (
        <Stack role="status" aria-label={t("chart.chartLoading")}>
          <Skeleton h={40} />
          <Skeleton h={240} />
        </Stack>
      ) : detail.isError ? (
        <LoadError
          error={detail.error}
          onRetry={() => detail.refetch()}
          title={
            detail.error instanceof ApiError && detail.error.status === 404
              ? t("chart.entry.notFound")
              : undefined
          }
        />
      ) : result ? (
        <Result result={result} title={title} backTo={backTo} />
      ) : (
        <Card withBorder padding="md">
          <Stack>
            {detail.data.instrument.credit && (
              <Text size="sm" c="dimmed">
                {detail.data.instrument.credit}
              </Text>
            )}
            <Group align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label={t("chart.entry.completedOn")}
                description={t("chart.entry.completedOnHint")}
                value={completedOn}
                max={localToday()}
                onChange={(e) => setCompletedOn(e.currentTarget.value)}
                w={220}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="form-language-label">
                  {t("chart.entry.language")}
                </Text>
                <SegmentedControl
                  aria-labelledby="form-language-label"
                  value={language}
                  onChange={(v) => setLanguage(v as Language)}
                  data={LANGUAGES.map((l) => ({ value: l, label: l === "en" ? "English" : "Español" }))}
                />
              </Stack>
            </Group>
            {formError && (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            )}
            <QuestionnaireForm
              questionnaire={detail.data.questionnaire}
              language={language}
              mode="staff"
              onSubmit={onSubmit}
              submitting={submit.isPending}
              serverErrors={serverErrors}
            />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
