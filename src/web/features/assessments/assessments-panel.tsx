import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconClipboardList, IconLock, IconSend } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { AssessmentAssignment, InstrumentSummary } from "../../../core/assessments/assessments.schema";
import { ApiError } from "../../app/api-client";
import { useMyPermissions } from "../admin/api/get-my-permissions";
import { formatDate } from "../admin/format";
import { EmptyState, LoadError } from "../admin/page-states";
import { useCancelAssignment } from "./api/cancel-assignment";
import { useCreateAssignment } from "./api/create-assignment";
import { useAssignments } from "./api/get-assignments";
import { useInstruments } from "./api/get-instruments";
import { useProgress } from "./api/get-progress";
import { instrumentTitle, MeasureCard } from "./measure-card";

/** Today as YYYY-MM-DD in the browser's time zone. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function useInstrumentOptions(instruments: readonly InstrumentSummary[] | undefined) {
  const { i18n } = useTranslation();
  return (instruments ?? [])
    .map((i) => ({ value: i.key, label: instrumentTitle(i, i.key, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
}

/** Choose a questionnaire and open it for entry in the chart. */
function AdministerControl({
  participantId,
  instruments,
}: {
  participantId: string;
  instruments: readonly InstrumentSummary[] | undefined;
}) {
  const { t } = useTranslation("assessments");
  const navigate = useNavigate();
  const options = useInstrumentOptions(instruments);
  const [key, setKey] = useState<string | null>(null);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t("chart.administerLabel")}
        data={options}
        value={key}
        onChange={setKey}
        searchable
        w={260}
      />
      <Button
        leftSection={<IconClipboardList size={16} aria-hidden />}
        disabled={key === null}
        onClick={() =>
          key && navigate(`/staff/participants/${encodeURIComponent(participantId)}/assessments/new/${key}`)
        }
      >
        {t("chart.administer")}
      </Button>
    </Group>
  );
}

function AssignModal({
  participantId,
  instruments,
  onClose,
}: {
  participantId: string;
  instruments: readonly InstrumentSummary[] | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation("assessments");
  const options = useInstrumentOptions(instruments);
  const create = useCreateAssignment();
  const [instrumentKey, setInstrumentKey] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState(localToday());
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!instrumentKey) local.instrumentKey = t("chart.assignForm.chooseInstrument");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) local.dueOn = t("chart.assignForm.chooseDate");
    if (Object.keys(local).length > 0 || !instrumentKey) {
      setErrors(local);
      return;
    }
    create.mutate(
      { participantId, input: { instrumentKey, dueOn } },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("chart.assignForm.assigned") });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0)
            setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
          else setErrors({ form: error instanceof Error ? error.message : String(error) });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t("chart.assignForm.title")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Select
            label={t("chart.assignForm.instrument")}
            data={options}
            value={instrumentKey}
            onChange={setInstrumentKey}
            searchable
            required
            error={errors.instrumentKey}
            data-autofocus
          />
          <TextInput
            type="date"
            label={t("chart.assignForm.dueOn")}
            value={dueOn}
            min={localToday()}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            required
            error={errors.dueOn}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("chart.assignForm.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("chart.assignForm.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AssignmentsList({
  participantId,
  assignments,
  instruments,
  canWrite,
}: {
  participantId: string;
  assignments: readonly AssessmentAssignment[];
  instruments: readonly InstrumentSummary[] | undefined;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation("assessments");
  const cancel = useCancelAssignment();
  const [confirming, setConfirming] = useState<AssessmentAssignment | null>(null);
  const titleOf = (key: string) =>
    instrumentTitle(
      instruments?.find((i) => i.key === key),
      key,
      i18n.language,
    );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="assigned-title">
      <Title order={3} size="h5" id="assigned-title" mb="xs">
        {t("chart.assignments.title")}
      </Title>
      {assignments.length === 0 ? (
        <EmptyState>{t("chart.assignments.empty")}</EmptyState>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {assignments.map((a) => (
            <Group key={a.id} component="li" justify="space-between" wrap="wrap">
              <Text>
                <Text span fw={600}>
                  {titleOf(a.instrumentKey)}
                </Text>
                {" · "}
                {t("chart.assignments.due", { date: formatDate(a.dueOn, i18n.language) })}
                {a.assignedBy && ` · ${t("chart.assignments.by", { name: a.assignedBy })}`}
              </Text>
              {canWrite && (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => setConfirming(a)}
                  aria-label={`${t("chart.assignments.cancel")}: ${titleOf(a.instrumentKey)}`}
                >
                  {t("chart.assignments.cancel")}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t("chart.assignments.cancelTitle")}
      >
        {confirming && (
          <Stack>
            <Text>{t("chart.assignments.cancelBody", { title: titleOf(confirming.instrumentKey) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                {t("chart.assignments.keep")}
              </Button>
              <Button
                color="red"
                loading={cancel.isPending}
                onClick={() =>
                  cancel.mutate(
                    { participantId, assignmentId: confirming.id },
                    {
                      onSuccess: () => {
                        notifications.show({ message: t("chart.assignments.cancelled") });
                        setConfirming(null);
                      },
                      onError: (error) =>
                        notifications.show({
                          color: "red",
                          message: error instanceof Error ? error.message : String(error),
                        }),
                    },
                  )
                }
              >
                {t("chart.assignments.cancelConfirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

/**
 * The Assessments tab of a participant's chart: administer or assign a questionnaire, what is
 * assigned and not yet done, and one card per measure with its progress.
 */
export function AssessmentsPanel({ participantId }: { participantId: string }) {
  const { t } = useTranslation("assessments");
  const permissions = useMyPermissions();
  if (permissions.isPending) return <Skeleton h={120} />;
  if (!permissions.data?.includes("clinical.view")) {
    return (
      <Card withBorder padding="md">
        <Group gap="xs">
          <IconLock size={16} aria-hidden />
          <Text>{t("chart.notPermitted")}</Text>
        </Group>
      </Card>
    );
  }
  return (
    <Measures
      participantId={participantId}
      canRespond={permissions.data.includes("assessments.respond")}
      canWrite={permissions.data.includes("clinical.write")}
    />
  );
}

function Measures({
  participantId,
  canRespond,
  canWrite,
}: {
  participantId: string;
  canRespond: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation("assessments");
  const [assigning, setAssigning] = useState(false);
  // An alert's evidence link names the response (`?response=`): its measure is brought into view.
  const [params] = useSearchParams();
  const linkedResponse = params.get("response");
  const instruments = useInstruments();
  const progress = useProgress(participantId);
  const assignments = useAssignments(participantId);

  return (
    <Stack>
      <Card withBorder padding="md" component="section" aria-labelledby="measures-title">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Stack gap={2}>
              <Title order={2} size="h4" id="measures-title">
                {t("chart.title")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("chart.intro")}
              </Text>
            </Stack>
            <Group gap="sm" align="flex-end" wrap="wrap">
              {canRespond && (
                <AdministerControl participantId={participantId} instruments={instruments.data} />
              )}
              {canWrite && (
                <Button
                  variant="default"
                  leftSection={<IconSend size={16} aria-hidden />}
                  onClick={() => setAssigning(true)}
                >
                  {t("chart.assign")}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </Card>

      {assignments.data && (
        <AssignmentsList
          participantId={participantId}
          assignments={assignments.data}
          instruments={instruments.data}
          canWrite={canWrite}
        />
      )}

      {progress.isPending ? (
        <Stack role="status" aria-label={t("chart.chartLoading")}>
          <Skeleton h={120} />
          <Skeleton h={120} />
        </Stack>
      ) : progress.isError ? (
        <LoadError error={progress.error} onRetry={() => progress.refetch()} title={t("chart.loadError")} />
      ) : progress.data.episode === null ? (
        <Card withBorder padding="md">
          <EmptyState>{t("chart.noEpisode")}</EmptyState>
        </Card>
      ) : progress.data.measures.length === 0 ? (
        <Card withBorder padding="md">
          <EmptyState>{t("chart.empty")}</EmptyState>
        </Card>
      ) : (
        progress.data.measures.map((measure) => (
          <MeasureCard
            key={measure.instrumentKey}
            measure={measure}
            instrument={instruments.data?.find((i) => i.key === measure.instrumentKey)}
            highlighted={
              linkedResponse !== null &&
              (measure.latest?.responseId === linkedResponse ||
                measure.points.some((p) => p.responseId === linkedResponse))
            }
          />
        ))
      )}

      {assigning && (
        <AssignModal
          participantId={participantId}
          instruments={instruments.data}
          onClose={() => setAssigning(false)}
        />
      )}
    </Stack>
  );
}
