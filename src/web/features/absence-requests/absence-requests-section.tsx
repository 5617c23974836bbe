import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AbsenceRequest } from "../../../core/absence-requests/absence-requests.schema";
import { formatDay } from "../schedule/schedule-format";
import { useDecideAbsenceRequest } from "./api/decide-absence-request";
import { useParticipantAbsenceRequests } from "./api/get-participant-absence-requests";

const STATUS_COLORS = { pending: "yellow", approved: "teal", declined: "gray", withdrawn: "gray" } as const;

/**
 * On the chart's Schedule tab: the participant's requests to be excused, newest sessions first;
 * those waiting can be approved or declined (clinical.write) with a note the participant reads.
 * `highlight`: the request an alert points at (`?request=`).
 */
export function AbsenceRequestsSection({
  participantId,
  canDecide,
  highlight,
}: {
  participantId: string;
  canDecide: boolean;
  highlight: string | null;
}) {
  const { t } = useTranslation("today");
  const requests = useParticipantAbsenceRequests(participantId);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="absence-requests-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="absence-requests-title">
          {t("chartAbsences.title")}
        </Title>
        {requests.isPending ? (
          <Skeleton h={40} />
        ) : requests.isError ? (
          <Text>{t("chartAbsences.loadError")}</Text>
        ) : requests.data.requests.length === 0 ? (
          <Text c="dimmed">{t("chartAbsences.empty")}</Text>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
            {requests.data.requests.map((request) => (
              <RequestRow
                key={request.id}
                request={request}
                participantId={participantId}
                canDecide={canDecide}
                highlighted={request.id === highlight}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function RequestRow({
  request,
  participantId,
  canDecide,
  highlighted,
}: {
  request: AbsenceRequest;
  participantId: string;
  canDecide: boolean;
  highlighted: boolean;
}) {
  const { t, i18n } = useTranslation("today");
  const decide = useDecideAbsenceRequest(participantId);
  const [note, setNote] = useState("");
  const day = formatDay(request.occursOn, i18n.language);
  const title =
    request.kind === "group"
      ? request.title
      : t(`next.${request.title === "family" ? "family" : "individual"}`);
  return (
    <Stack
      component="li"
      gap={6}
      p="sm"
      data-highlighted={highlighted || undefined}
      style={{
        borderRadius: "var(--mantine-radius-md)",
        border: highlighted
          ? "2px solid var(--mantine-primary-color-filled)"
          : "1px solid var(--mantine-color-default-border)",
      }}
    >
      <Group justify="space-between" gap="xs">
        <Text fw={700}>{t("chartAbsences.item", { title, day })}</Text>
        <Badge color={STATUS_COLORS[request.status]} variant="light" tt="none">
          {t(`chartAbsences.status.${request.status}`)}
        </Badge>
      </Group>
      <Text size="sm">{t("chartAbsences.reason", { reason: t(`absence.reasons.${request.reason}`) })}</Text>
      {request.note && <Text size="sm">{t("chartAbsences.note", { note: request.note })}</Text>}
      {request.decidedBy && (request.status === "approved" || request.status === "declined") && (
        <Text size="sm" c="dimmed">
          {t("chartAbsences.decidedBy", {
            status: t(`chartAbsences.status.${request.status}`),
            name: request.decidedBy,
          })}
        </Text>
      )}
      {request.decisionNote && <Text size="sm">{request.decisionNote}</Text>}
      {canDecide && request.status === "pending" && (
        <Stack gap="xs">
          <Textarea
            label={t("chartAbsences.decisionNote")}
            aria-label={t("chartAbsences.decisionNoteLabel", { title, day })}
            value={note}
            maxLength={500}
            rows={1}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {decide.isError && (
            <Alert color="red" role="alert">
              {t("chartAbsences.failed")}
            </Alert>
          )}
          <Group>
            <Button
              loading={decide.isPending && decide.variables?.decision === "approve"}
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: request.id, decision: "approve", note: note.trim() })}
            >
              {t("chartAbsences.approve")}
            </Button>
            <Button
              variant="default"
              loading={decide.isPending && decide.variables?.decision === "decline"}
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: request.id, decision: "decline", note: note.trim() })}
            >
              {t("chartAbsences.decline")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
