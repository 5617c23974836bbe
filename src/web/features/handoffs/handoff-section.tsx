import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  List,
  Modal,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ConsentProblem } from "../../../core/consents/consent.schema";
import type {
  HandoffChannel,
  HandoffIneligibility,
  HandoffRecipient,
} from "../../../core/handoffs/handoff.schema";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { ApiError } from "../../app/api-client";
import { useCurrentSession } from "../identity/api/get-current-session";
import { useHandoffRecipients } from "./api/get-handoff-recipients";
import { useHandoffs } from "./api/get-handoffs";
import { useSendHandoff } from "./api/send-handoff";
import { TaskOutcome } from "./task-outcome";

/**
 * The warm handoff on the Discharge tab: who may receive a referral packet now (or why nobody may, with
 * the way to the Consents tab), sending the PDF or the FHIR bundle after a confirmation that names the
 * recipient and the purpose, the packets sent, and the first-appointment task with its outcome form.
 * For staff with consents.manage (the packet is a disclosure); the outcome form needs clinical.write.
 */
export function HandoffSection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("handoffs");
  const session = useCurrentSession();
  const permissions = session.data?.permissions ?? [];
  const canManage = permissions.includes("consents.manage");
  const canWrite = permissions.includes("clinical.write");
  if (!canManage) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="handoff-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="handoff-title">
            {t("title")}
          </Title>
          <Text size="sm">{t("intro")}</Text>
        </Stack>
        <Recipients participantId={record.id} />
        <Divider />
        <History participantId={record.id} canWrite={canWrite} />
      </Stack>
    </Card>
  );
}

function Recipients({ participantId }: { participantId: string }) {
  const { t } = useTranslation("handoffs");
  const recipients = useHandoffRecipients(participantId);
  const send = useSendHandoff(participantId);
  const [pending, setPending] = useState<{ recipient: HandoffRecipient; channel: HandoffChannel } | null>(
    null,
  );
  const list = (scopes: readonly string[]) => scopes.map((s) => t(`scopes.${s}`)).join(", ");

  if (recipients.isPending) return <Skeleton h={80} role="status" aria-label={t("loading")} />;
  if (recipients.isError)
    return (
      <Alert color="red" role="alert">
        {t("error")}
      </Alert>
    );
  const { stepDownProvider } = recipients.data;
  const eligible = recipients.data.recipients.filter((r) => r.eligible);
  const others = recipients.data.recipients.filter((r) => !r.eligible);
  const refusal =
    send.error instanceof ApiError &&
    (send.error.code === "DISCLOSURE_NOT_ALLOWED" || send.error.code === "HANDOFF_RECIPIENT_NOT_ELIGIBLE")
      ? [
          ...((send.error.detail.problems as ConsentProblem[] | undefined) ?? []).map((p) =>
            t(`problems.${p}`),
          ),
          ...((send.error.detail.reasons as HandoffIneligibility[] | undefined) ?? []).map((r) =>
            t(`reasons.${r}`),
          ),
        ]
      : null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="handoff-recipients-title">
      <Title order={3} size="h5" id="handoff-recipients-title">
        {t("recipients.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {stepDownProvider ? t("recipients.stepDown", { name: stepDownProvider }) : t("recipients.noStepDown")}
      </Text>
      {eligible.length === 0 ? (
        <Alert color="yellow" title={t("recipients.none")}>
          <Stack gap={4}>
            <Text size="sm">{t("recipients.noneHelp")}</Text>
            <Anchor component={Link} to={`/staff/participants/${participantId}?tab=consents`} size="sm">
              {t("recipients.consentsLink")}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <List listStyleType="none" spacing="sm" aria-label={t("recipients.eligible")}>
          {eligible.map((r) => (
            <List.Item key={`${r.consentId}:${r.recipientId}`}>
              <Card withBorder padding="sm">
                <Stack gap={6}>
                  <Group gap="xs">
                    <Text fw={600}>{r.name}</Text>
                    {r.relationship && <Text size="sm">({r.relationship})</Text>}
                    {r.isStepDownProvider && (
                      <Badge variant="light" color="teal">
                        {t("recipients.stepDownBadge")}
                      </Badge>
                    )}
                    <Badge variant="outline">
                      {t("recipients.consent", { kind: t(`kinds.${r.consentKind}`) })}
                    </Badge>
                  </Group>
                  <Text size="sm">{t("recipients.carries", { list: list(r.categories) })}</Text>
                  {r.withheld.length > 0 && (
                    <Text size="sm" c="orange.8">
                      {t("recipients.withheld", { list: list(r.withheld) })}
                    </Text>
                  )}
                  <Group gap="xs">
                    <Button
                      size="xs"
                      onClick={() => setPending({ recipient: r, channel: "referral_packet" })}
                    >
                      {t("send.pdf")}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setPending({ recipient: r, channel: "fhir" })}
                    >
                      {t("send.fhir")}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            </List.Item>
          ))}
        </List>
      )}
      {refusal && (
        <Alert color="red" role="alert" title={t("send.refusedTitle")}>
          <List size="sm">
            {refusal.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {send.isError && !refusal && (
        <Alert color="red" role="alert">
          {send.error instanceof ApiError ? send.error.message : t("send.failed")}
        </Alert>
      )}
      {send.isSuccess && (
        <Alert color="teal" role="status">
          {t("send.done")}
        </Alert>
      )}
      {others.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("recipients.notEligibleTitle")}
          </Text>
          <List size="sm">
            {others.map((r) => (
              <List.Item key={`${r.consentId}:${r.recipientId}`}>
                {r.name}
                {r.relationship ? ` (${r.relationship})` : ""}:{" "}
                {[
                  ...r.problems.map((p) => t(`problems.${p}`)),
                  ...r.reasons.map((x) => t(`reasons.${x}`)),
                ].join(" ")}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t("send.confirmTitle")}
        centered
      >
        {pending && (
          <Stack gap="sm">
            <Text size="sm">
              {t(pending.channel === "fhir" ? "send.confirmFhir" : "send.confirmPdf", {
                recipient: pending.recipient.name,
              })}
            </Text>
            <Text size="sm">{t("send.carries", { list: list(pending.recipient.categories) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t("send.cancel")}
              </Button>
              <Button
                loading={send.isPending}
                onClick={() =>
                  send.mutate(
                    {
                      consentId: pending.recipient.consentId,
                      recipientId: pending.recipient.recipientId,
                      channel: pending.channel,
                    },
                    { onSettled: () => setPending(null) },
                  )
                }
              >
                {t("send.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function History({ participantId, canWrite }: { participantId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation("handoffs");
  const handoffs = useHandoffs(participantId);
  if (handoffs.isPending) return <Skeleton h={60} role="status" aria-label={t("loading")} />;
  if (handoffs.isError)
    return (
      <Alert color="red" role="alert">
        {t("error")}
      </Alert>
    );
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Stack gap="md">
      {handoffs.data.tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("task.none")}
        </Text>
      ) : (
        handoffs.data.tasks.map((task) => (
          <TaskOutcome key={task.id} participantId={participantId} task={task} canWrite={canWrite} />
        ))
      )}
      <Stack gap={4} component="section" aria-labelledby="handoff-history-title">
        <Title order={3} size="h5" id="handoff-history-title">
          {t("history.title")}
        </Title>
        {handoffs.data.handoffs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("history.none")}
          </Text>
        ) : (
          <List size="sm">
            {handoffs.data.handoffs.map((h) => (
              <List.Item key={h.id}>
                {t("history.item", {
                  channel: t(`channels.${h.channel}`),
                  provider: h.providerName,
                  by: h.sentBy,
                  when: when.format(new Date(h.sentAt)),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
