import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CrisisCard } from "../../app/crisis";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { firstName } from "../identity/first-name";
import { MyPlanCard } from "../treatment-plans/my-plan-card";
import { MyWeekCard } from "./my-week-card";
import { QuestionnairesCard } from "./questionnaires-card";

/** A participant's home: crisis help first, then their week, the questionnaires waiting for them, and what is coming. */
export function ParticipantHomePage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  usePageTitle(t("nav.home"));
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("participantHome.greeting", { name: firstName(user.displayName) })}</Title>
        <Text>{t("participantHome.intro")}</Text>
      </Stack>
      <CrisisCard />
      <MyWeekCard />
      <MyPlanCard />
      <QuestionnairesCard />
      <Card withBorder padding="lg" component="section" aria-labelledby="coming-title">
        <Title order={2} size="h3" id="coming-title">
          {t("participantHome.comingTitle")}
        </Title>
        <Text mt="xs">{t("participantHome.comingBody")}</Text>
      </Card>
    </Stack>
  );
}
