import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Radio,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPrinter } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NoticeAcknowledgement, NoticeStanding } from "../../../../core/privacy/notice.schema";
import { formatDateTime } from "../../admin/format";
import { useParticipantNoticeStatus } from "../api/get-participant-notice-status";
import { useRecordPaperNotice } from "../api/record-paper-notice";

const STANDING_COLORS: Record<NoticeStanding, string> = {
  not_given: "red",
  older_version: "yellow",
  given: "blue",
  acknowledged: "teal",
  declined: "gray",
};

function RecordPaper({ participantId, version }: { participantId: string; version: string }) {
  const { t } = useTranslation("privacy");
  const record = useRecordPaperNotice(participantId);
  const [open, setOpen] = useState(false);
  const [acknowledgement, setAcknowledgement] = useState<NoticeAcknowledgement>("signed");
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t("chart.recordPaper")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("chart.recordPaperTitle")}>
        <Stack>
          <Text>{t("chart.recordPaperBody", { version })}</Text>
          <Radio.Group
            value={acknowledgement}
            onChange={(v) => setAcknowledgement(v as NoticeAcknowledgement)}
          >
            <Stack gap="xs">
              <Radio value="signed" label={t("chart.signed")} />
              <Radio value="declined" label={t("chart.declined")} />
            </Stack>
          </Radio.Group>
          {record.isError && (
            <Alert color="red" role="alert">
              {record.error.message}
            </Alert>
          )}
          <Group>
            <Button
              loading={record.isPending}
              onClick={() =>
                record.mutate(
                  { participantId, acknowledgement },
                  {
                    onSuccess: () => {
                      setOpen(false);
                      notifications.show({ color: "green", message: t("chart.saved") });
                    },
                  },
                )
              }
            >
              {t("chart.save")}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)} disabled={record.isPending}>
              {t("restrictions.cancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * The chart's Patient Notice block: whether the current version was given and acknowledged, each
 * delivery, a clear banner while it has not been given, and (consents.manage) recording a paper copy.
 */
export function NoticeStatusBlock({
  participantId,
  canManage,
}: {
  participantId: string;
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation("privacy");
  const status = useParticipantNoticeStatus(participantId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="patient-notice-title">
      <Title order={3} size="h5" id="patient-notice-title">
        {t("chart.noticeTitle")}
      </Title>
      {status.isPending ? (
        <Skeleton h={40} />
      ) : status.isError ? (
        <Text>{t("chart.loadError")}</Text>
      ) : (
        <>
          {status.data.standing === "not_given" && (
            <Alert color="red" variant="light" title={t("chart.notYetGiven")}>
              {t("chart.notYetGivenBody", { version: status.data.currentVersion })}
            </Alert>
          )}
          {status.data.standing === "older_version" && (
            <Alert color="yellow" variant="light">
              {t("chart.olderVersion", { version: status.data.currentVersion })}
            </Alert>
          )}
          <Group gap="xs">
            <Badge color={STANDING_COLORS[status.data.standing]} variant="light" tt="none">
              {t(`chart.standing.${status.data.standing}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t("notice.version", { version: status.data.currentVersion })}
            </Text>
          </Group>
          {status.data.deliveries.length > 0 && (
            <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: "none" }}>
              {status.data.deliveries.map((d) => {
                const method = t(`chart.methods.${d.method}`);
                const date = formatDateTime(d.deliveredAt, i18n.language);
                const line = d.deliveredBy
                  ? t("chart.deliveryBy", { method, date, name: d.deliveredBy })
                  : t("chart.delivery", { method, date });
                return (
                  <Text component="li" size="sm" key={d.id}>
                    {line}
                    {d.acknowledgement ? ` · ${t(`chart.acknowledgements.${d.acknowledgement}`)}` : ""} ·{" "}
                    {t("notice.version", { version: d.noticeVersion })}
                  </Text>
                );
              })}
            </Stack>
          )}
          <Group>
            {canManage && <RecordPaper participantId={participantId} version={status.data.currentVersion} />}
            <Anchor component={Link} to="/staff/patient-notice" target="_blank">
              <IconPrinter size={16} aria-hidden /> {t("chart.print")}
            </Anchor>
          </Group>
        </>
      )}
    </Stack>
  );
}
