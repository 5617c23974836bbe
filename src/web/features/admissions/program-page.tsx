import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertCircle, IconMessageQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../app/api-client";
import { CrisisCard } from "../../app/crisis";
import { PublicLayout } from "../../app/public-layout";
import { useProgramPage } from "./api/get-program-page";
import { WRAPPING_BUTTON } from "./get-help-page";
import { ProgramPageMarkdown } from "./program-page-markdown";
import { ProgramWeekSection } from "./program-week-section";

function BackToGetHelp() {
  const { t } = useTranslation();
  return (
    <Group justify="center">
      <Anchor component={Link} to="/get-help" size="sm">
        {t("getHelp.program.backToGetHelp")}
      </Anchor>
    </Group>
  );
}

/** `/get-help/programs/:siteId`: what one location offers, in its staff's words, and how to ask. */
export function ProgramPage() {
  const { t } = useTranslation();
  const { siteId = "" } = useParams();
  const page = useProgramPage(siteId);

  if (page.isPending)
    return (
      <PublicLayout title={t("getHelp.program.loadingTitle")} width={720}>
        <Stack role="status">
          <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
          <Skeleton h={28} w="60%" />
          <Skeleton h={120} />
          <Skeleton h={80} />
        </Stack>
      </PublicLayout>
    );

  if (page.isError) {
    const notFound = page.error instanceof ApiError && page.error.status === 404;
    return (
      <PublicLayout
        title={notFound ? t("getHelp.program.notFoundTitle") : t("getHelp.program.loadingTitle")}
        width={720}
      >
        {notFound ? (
          <Text>{t("getHelp.program.notFoundBody")}</Text>
        ) : (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text>{t("getHelp.program.loadFailed")}</Text>
              <Button size="xs" variant="default" onClick={() => void page.refetch()}>
                {t("common.retry")}
              </Button>
            </Stack>
          </Alert>
        )}
        <BackToGetHelp />
      </PublicLayout>
    );
  }

  const program = page.data;
  return (
    <PublicLayout title={program.siteName} width={720}>
      <Stack component="article" gap="sm" aria-label={program.siteName}>
        <ProgramPageMarkdown markdown={program.bodyMarkdown} />
      </Stack>
      <ProgramWeekSection week={program.week} />
      <Card withBorder padding="lg" component="section" aria-labelledby="program-ask-title">
        <Stack gap="xs">
          <Title order={2} size="h3" id="program-ask-title">
            {t("getHelp.program.askTitle")}
          </Title>
          <Text>{t("getHelp.program.askBody")}</Text>
          <Button
            component={Link}
            to={`/get-help/inquiry?site=${encodeURIComponent(program.siteId)}`}
            size="md"
            styles={WRAPPING_BUTTON}
            leftSection={<IconMessageQuestion size={20} aria-hidden />}
          >
            {t("getHelp.program.ask")}
          </Button>
        </Stack>
      </Card>
      <CrisisCard />
      <BackToGetHelp />
    </PublicLayout>
  );
}
