import { Alert, Anchor, Button, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NoticeLanguage } from "../../../../core/privacy/notice.schema";
import { ApiError } from "../../../app/api-client";
import { usePageTitle } from "../../../app/use-page-title";
import { formatDateTime } from "../../admin/format";
import { useAcknowledgeNotice } from "../api/acknowledge-notice";
import { useCurrentNotice } from "../api/get-current-notice";
import { useMyNoticeStatus } from "../api/get-my-notice-status";
import { NoticeDocument } from "../components/notice-document";

/**
 * /me/privacy/notice — the Patient Notice to read (either language), print, and acknowledge: "I have
 * read this notice" records an electronic delivery of the version on screen, once.
 */
export function NoticePage() {
  const { t, i18n } = useTranslation("privacy");
  usePageTitle(t("notice.title"));
  const current = useCurrentNotice();
  const status = useMyNoticeStatus();
  const acknowledge = useAcknowledgeNotice();
  const [language, setLanguage] = useState<NoticeLanguage>(i18n.language.startsWith("es") ? "es" : "en");
  const [justAcknowledged, setJustAcknowledged] = useState(false);

  const acknowledged = status.data?.deliveries.find(
    (d) => d.noticeVersion === current.data?.version && d.acknowledgement === "signed",
  );
  const changed =
    acknowledge.error instanceof ApiError && acknowledge.error.code === "NOTICE_VERSION_CHANGED";

  return (
    <Stack>
      <Anchor component={Link} to="/me/privacy" size="sm">
        <IconArrowLeft size={14} aria-hidden /> {t("notice.back")}
      </Anchor>
      <Title order={1}>{t("notice.title")}</Title>
      {current.isPending ? (
        <Skeleton h={300} />
      ) : current.isError ? (
        <Alert color="red" role="alert">
          <Stack gap="xs">
            <Text>{t("notice.loadError")}</Text>
            <Button variant="default" onClick={() => void current.refetch()}>
              {t("notice.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <NoticeDocument settings={current.data.settings} language={language} onLanguage={setLanguage} />
          <div aria-live="polite">
            {justAcknowledged ? (
              <Alert color="teal">{t("notice.acknowledgedNow")}</Alert>
            ) : acknowledged?.acknowledgedAt ? (
              <Alert color="teal">
                {t("notice.acknowledged", {
                  date: formatDateTime(acknowledged.acknowledgedAt, i18n.language),
                })}
              </Alert>
            ) : null}
          </div>
          {changed && (
            <Alert color="yellow" role="alert">
              {t("notice.changed")}
            </Alert>
          )}
          {acknowledge.isError && !changed && (
            <Alert color="red" role="alert">
              {acknowledge.error.message}
            </Alert>
          )}
          {!status.isPending && !acknowledged && !justAcknowledged && (
            <Button
              size="md"
              loading={acknowledge.isPending}
              onClick={() =>
                acknowledge.mutate(current.data.version, {
                  onSuccess: () => setJustAcknowledged(true),
                  onError: () => void current.refetch(),
                })
              }
            >
              {t("notice.acknowledge")}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
