import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Alert as Notice,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type Alert, RESOLUTION_NOTE_MAX, resolveAlertSchema } from "../../../core/alerts/alerts.schema";
import { ApiError } from "../../app/api-client";
import { useSession } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { ConfirmModal } from "../admin/confirm-modal";
import { requestErrorKey } from "../admin/form-errors";
import { formatDateTime } from "../admin/format";
import { LoadError, TableSkeleton } from "../admin/page-states";
import { useAcknowledgeAlert, useResolveAlert } from "./api/change-alert";
import { useAlert } from "./api/get-alert";
import { SeverityBadge } from "./severity-badge";

/** The words for a failed change: the alert rules' own codes first, then the general ones. */
function useChangeErrorText() {
  const { t, i18n } = useTranslation("admin");
  return (error: unknown) =>
    error instanceof ApiError && i18n.exists(`alertInbox.errors.${error.code}`, { ns: "admin" })
      ? t(`alertInbox.errors.${error.code}`)
      : t(requestErrorKey(error));
}

/** One alert: why, the evidence, who it is for, what happened to it; acknowledge and resolve. */
export function AlertDetailPage() {
  const { t } = useTranslation("admin");
  const { id = "" } = useParams();
  const alert = useAlert(id);
  usePageTitle(alert.data ? t(`alertInbox.kinds.${alert.data.kind}`) : t("alertInbox.title"));
  const notFound = alert.error instanceof ApiError && alert.error.status === 404;
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/staff/alerts" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t("alertInbox.detail.back")}
        </Group>
      </Anchor>
      {alert.isPending && <TableSkeleton rows={3} />}
      {notFound && (
        <>
          <Title order={1}>{t("alertInbox.detail.notFoundTitle")}</Title>
          <Text>{t("alertInbox.detail.notFoundBody")}</Text>
        </>
      )}
      {alert.isError && !notFound && <LoadError error={alert.error} onRetry={() => void alert.refetch()} />}
      {alert.data && <AlertDetail alert={alert.data} />}
    </Stack>
  );
}

function AlertDetail({ alert }: { alert: Alert }) {
  const { t, i18n } = useTranslation("admin");
  const { permissions } = useSession();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const mayAct =
    permissions.includes("alerts.manage") ||
    (alert.kind === "break_the_glass" && permissions.includes("alerts.review_access"));
  return (
    <Stack>
      <Group gap="sm" align="center">
        <SeverityBadge severity={alert.severity} size="lg" />
        <Title order={1}>{t(`alertInbox.kinds.${alert.kind}`)}</Title>
      </Group>
      <Group gap="xs">
        <Text fw={600}>{t(`alertInbox.states.${alert.state}`)}</Text>
        {alert.mine && (
          <Badge variant="outline" color="gray">
            {t("alertInbox.forYou")}
          </Badge>
        )}
      </Group>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Fact label={t("alertInbox.detail.why")}>{alert.reason}</Fact>
          <Fact label={t("alertInbox.columns.participant")}>
            <Anchor component={Link} to={`/staff/participants/${alert.participant.id}`}>
              {alert.participant.name}
            </Anchor>{" "}
            <Text span c="dimmed" size="sm">
              ({alert.site.name})
            </Text>
          </Fact>
          <Fact label={t("alertInbox.detail.evidence")}>
            <Anchor component={Link} to={alert.evidence.link}>
              {t(`alertInbox.evidence.${alert.evidence.kind}`)}
            </Anchor>
          </Fact>
          <Fact label={t("alertInbox.detail.forWhom")}>
            {alert.audience.map((a) => t(`alertInbox.audiences.${a}`)).join(", ")}
          </Fact>
        </Stack>
      </Paper>

      <Title order={2} size="h3">
        {t("alertInbox.detail.history")}
      </Title>
      <List spacing={4}>
        <List.Item>{t("alertInbox.detail.raised", { when: when(alert.createdAt) })}</List.Item>
        {alert.escalatedAt && (
          <List.Item>{t("alertInbox.detail.escalated", { when: when(alert.escalatedAt) })}</List.Item>
        )}
        {alert.acknowledgedAt && (
          <List.Item>
            {t("alertInbox.detail.acknowledged", {
              name: alert.acknowledgedBy?.displayName ?? "—",
              when: when(alert.acknowledgedAt),
            })}
          </List.Item>
        )}
        {alert.resolvedAt && (
          <List.Item>
            {t("alertInbox.detail.resolved", {
              name: alert.resolvedBy?.displayName ?? "—",
              when: when(alert.resolvedAt),
            })}
          </List.Item>
        )}
      </List>
      {alert.resolutionNote !== null && (
        <Fact label={t("alertInbox.detail.note")}>
          <Text style={{ whiteSpace: "pre-wrap" }}>{alert.resolutionNote}</Text>
        </Fact>
      )}

      {mayAct && alert.state === "open" && <AcknowledgeAction alert={alert} />}
      {mayAct && alert.state === "acknowledged" && <ResolveAction alert={alert} />}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function AcknowledgeAction({ alert }: { alert: Alert }) {
  const { t } = useTranslation("admin");
  const errorText = useChangeErrorText();
  const [confirming, setConfirming] = useState(false);
  const acknowledge = useAcknowledgeAlert();
  return (
    <>
      <Text>{t("alertInbox.acknowledge.hint")}</Text>
      <Button style={{ alignSelf: "flex-start" }} onClick={() => setConfirming(true)}>
        {t("alertInbox.acknowledge.action")}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t("alertInbox.acknowledge.title")}
        confirmLabel={t("alertInbox.acknowledge.confirm")}
        loading={acknowledge.isPending}
        error={null}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          acknowledge.mutate(alert.id, {
            onSuccess: () =>
              notifications.show({ color: "green", message: t("alertInbox.acknowledge.done") }),
            onError: (error) => notifications.show({ color: "red", message: errorText(error) }),
            onSettled: () => setConfirming(false),
          })
        }
      >
        {t("alertInbox.acknowledge.body")}
      </ConfirmModal>
    </>
  );
}

function ResolveAction({ alert }: { alert: Alert }) {
  const { t } = useTranslation("admin");
  const errorText = useChangeErrorText();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const resolve = useResolveAlert();
  const check = () => {
    const parsed = resolveAlertSchema.safeParse({ note });
    if (parsed.success) {
      setNoteError(undefined);
      setConfirming(true);
    } else {
      setNoteError(
        note.trim().length > RESOLUTION_NOTE_MAX
          ? t("alertInbox.resolve.noteTooLong")
          : t("alertInbox.resolve.noteRequired"),
      );
    }
  };
  return (
    <Stack
      component="form"
      gap="sm"
      onSubmit={(event) => {
        event.preventDefault();
        check();
      }}
    >
      <Textarea
        label={t("alertInbox.resolve.note")}
        description={t("alertInbox.resolve.noteHelp")}
        withAsterisk
        aria-required
        rows={4}
        maxLength={RESOLUTION_NOTE_MAX}
        value={note}
        error={noteError}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Button type="submit" style={{ alignSelf: "flex-start" }}>
        {t("alertInbox.resolve.action")}
      </Button>
      {resolve.isError && !confirming && (
        <Notice color="red" variant="light" role="alert">
          {errorText(resolve.error)}
        </Notice>
      )}
      <ConfirmModal
        opened={confirming}
        title={t("alertInbox.resolve.title")}
        confirmLabel={t("alertInbox.resolve.confirm")}
        loading={resolve.isPending}
        error={null}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          resolve.mutate(
            { id: alert.id, note: note.trim() },
            {
              onSuccess: () => notifications.show({ color: "green", message: t("alertInbox.resolve.done") }),
              onSettled: () => setConfirming(false),
            },
          )
        }
      >
        {t("alertInbox.resolve.body")}
      </ConfirmModal>
    </Stack>
  );
}
