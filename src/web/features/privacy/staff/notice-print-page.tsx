import { Alert, Skeleton, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeLanguage } from "../../../../core/privacy/notice.schema";
import { usePageTitle } from "../../../app/use-page-title";
import { useCurrentNotice } from "../api/get-current-notice";
import { NoticeDocument } from "../components/notice-document";

/** /staff/patient-notice — the current notice to print and hand over on paper, in either language. */
export function NoticePrintPage() {
  const { t, i18n } = useTranslation("privacy");
  usePageTitle(t("notice.title"));
  const current = useCurrentNotice();
  const [language, setLanguage] = useState<NoticeLanguage>(i18n.language.startsWith("es") ? "es" : "en");
  return (
    <Stack maw={820}>
      <Title order={1}>{t("notice.title")}</Title>
      {current.isPending ? (
        <Skeleton h={300} />
      ) : current.isError ? (
        <Alert color="red" role="alert">
          {t("notice.loadError")}
        </Alert>
      ) : (
        <NoticeDocument settings={current.data.settings} language={language} onLanguage={setLanguage} />
      )}
    </Stack>
  );
}
