import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  RESTRICTION_TERMINATIONS,
  type Restriction,
  type RestrictionTermination,
} from "../../../../core/privacy/restriction.schema";
import { useDecideRestriction } from "../api/decide-restriction";
import { useParticipantRestrictions } from "../api/get-participant-restrictions";
import { useRecordRestriction } from "../api/record-restriction";
import { useTerminateRestriction } from "../api/terminate-restriction";
import { RestrictionForm } from "../components/restriction-form";
import { RestrictionSummary } from "../components/restriction-summary";

function Decide({ participantId, restriction }: { participantId: string; restriction: Restriction }) {
  const { t } = useTranslation("privacy");
  const decide = useDecideRestriction(participantId);
  const [note, setNote] = useState("");
  const send = (decision: "agree" | "refuse") =>
    decide.mutate(
      { participantId, id: restriction.id, decision, note: note.trim() },
      { onSuccess: () => notifications.show({ color: "green", message: t("chart.decided") }) },
    );
  return (
    <Stack gap="xs">
      <Textarea
        label={t("chart.decideNote")}
        autosize
        minRows={1}
        maxLength={1000}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      {decide.isError && (
        <Alert color="red" role="alert">
          {decide.error.message}
        </Alert>
      )}
      <Group>
        <Button
          loading={decide.isPending && decide.variables?.decision === "agree"}
          disabled={decide.isPending}
          onClick={() => send("agree")}
        >
          {t("chart.agree")}
        </Button>
        <Button
          variant="default"
          loading={decide.isPending && decide.variables?.decision === "refuse"}
          disabled={decide.isPending}
          onClick={() => send("refuse")}
        >
          {t("chart.refuse")}
        </Button>
      </Group>
    </Stack>
  );
}

function Terminate({ participantId, restriction }: { participantId: string; restriction: Restriction }) {
  const { t } = useTranslation("privacy");
  const terminate = useTerminateRestriction(participantId);
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState<RestrictionTermination>("participant_written");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The program's notice never ends the self-paid health-plan restriction (42 CFR 2.26).
  const choices = RESTRICTION_TERMINATIONS.filter(
    (k) => !(restriction.kind === "health_plan_self_paid" && k === "program_notice"),
  );
  const confirm = () => {
    if (note.trim() === "") {
      setError(t("restrictions.errors.note"));
      return;
    }
    terminate.mutate(
      { participantId, id: restriction.id, by, note: note.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          notifications.show({ color: "green", message: t("chart.terminated") });
        },
      },
    );
  };
  return (
    <>
      <Button variant="default" size="sm" onClick={() => setOpen(true)}>
        {t("chart.terminate")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("chart.terminateTitle")}>
        <Stack>
          <Radio.Group
            label={t("chart.terminateBy")}
            value={by}
            onChange={(v) => setBy(v as RestrictionTermination)}
          >
            <Stack gap="xs" mt="xs">
              {choices.map((k) => (
                <Radio key={k} value={k} label={t(`chart.terminationKinds.${k}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t("chart.terminateNote")}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            error={error}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setError(null);
            }}
          />
          {terminate.isError && (
            <Alert color="red" role="alert">
              {terminate.error.message}
            </Alert>
          )}
          <Group>
            <Button color="red" loading={terminate.isPending} onClick={confirm}>
              {t("restrictions.endConfirm")}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)} disabled={terminate.isPending}>
              {t("restrictions.cancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * The chart's §2.26 restrictions: each request with where it stands and how it reached us; those
 * waiting can be agreed or refused, agreed ones ended (consents.manage); staff record requests made
 * in person. `highlight`: the restriction an alert points at (`?restriction=`).
 */
export function RestrictionsBlock({
  participantId,
  canManage,
  highlight,
}: {
  participantId: string;
  canManage: boolean;
  highlight: string | null;
}) {
  const { t } = useTranslation("privacy");
  const restrictions = useParticipantRestrictions(participantId);
  const record = useRecordRestriction(participantId);
  const [recording, setRecording] = useState(false);
  return (
    <Stack gap="sm" component="section" aria-labelledby="restrictions-chart-title">
      <Title order={3} size="h5" id="restrictions-chart-title">
        {t("chart.restrictionsTitle")}
      </Title>
      {restrictions.isPending ? (
        <Skeleton h={40} />
      ) : restrictions.isError ? (
        <Text>{t("chart.loadError")}</Text>
      ) : restrictions.data.restrictions.length === 0 ? (
        <Text c="dimmed">{t("chart.noRestrictions")}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {restrictions.data.restrictions.map((r) => (
            <Card
              key={r.id}
              component="li"
              withBorder
              padding="sm"
              data-highlighted={r.id === highlight || undefined}
              style={
                r.id === highlight
                  ? { borderColor: "var(--mantine-primary-color-filled)", borderWidth: 2 }
                  : undefined
              }
            >
              <RestrictionSummary restriction={r}>
                <Text size="xs" c="dimmed">
                  {t(
                    `chart.requestedVia.${r.requestedVia === "staff_recorded" ? "staff_recorded" : "participant_app"}`,
                  )}
                  {r.decidedBy ? ` · ${r.decidedBy}` : ""}
                </Text>
                {r.kind === "health_plan_self_paid" && r.status === "agreed" && (
                  <Text size="sm" fw={600}>
                    {t("chart.selfPaidNote")}
                  </Text>
                )}
                {canManage && r.status === "requested" && (
                  <Decide participantId={participantId} restriction={r} />
                )}
                {canManage && r.status === "agreed" && (
                  <Group>
                    <Terminate participantId={participantId} restriction={r} />
                  </Group>
                )}
              </RestrictionSummary>
            </Card>
          ))}
        </Stack>
      )}
      {canManage &&
        (recording ? (
          <Card withBorder padding="sm">
            <Stack gap="sm">
              <Text fw={700}>{t("chart.recordRequestTitle")}</Text>
              <RestrictionForm
                pending={record.isPending}
                onCancel={() => setRecording(false)}
                onSubmit={(input) =>
                  record.mutateAsync({ participantId, ...input }).then(() => {
                    setRecording(false);
                    notifications.show({ color: "green", message: t("chart.saved") });
                  })
                }
              />
            </Stack>
          </Card>
        ) : (
          <Group>
            <Button variant="default" onClick={() => setRecording(true)}>
              {t("chart.recordRequest")}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
