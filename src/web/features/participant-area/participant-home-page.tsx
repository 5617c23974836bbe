import { Button, Stack, Text, Title } from "@mantine/core";
import { IconLifebuoy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CrisisCard } from "../../app/crisis";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { AftercarePlanLink } from "../aftercare/aftercare-plan-link";
import { useMyAlumniStatus } from "../alumni/api/get-my-alumni-status";
import { AlumniHome } from "../alumni/participant/alumni-home";
import { CheckInTodayCard } from "../check-ins/participant/check-in-today-card";
import { firstName } from "../identity/first-name";
import { UnreadMessagesCard } from "../messages/participant/unread-messages-card";
import { PracticeCard } from "../practice/participant/practice-card";
import { useToday } from "../today/api/get-today";
import { NextSessionCard } from "../today/next-session-card";
import { RecoveryCard } from "../today/recovery-card";
import { MyPlanCard } from "../treatment-plans/my-plan-card";
import { QuestionnairesCard } from "./questionnaires-card";

/**
 * Today, the participant's home: crisis help always first (988, 911, their on-call line, and the
 * Help page), then the next session, today's
 * check-in, days in recovery, practice, new messages, questionnaires and the treatment plan. Each card loads (and fails) on
 * its own, so one card's trouble never blanks the page.
 */
export function ParticipantHomePage() {
  const { t } = useTranslation("today");
  const user = useSessionUser();
  const today = useToday();
  usePageTitle(t("page.title"));
  const alumni = useMyAlumniStatus();
  if (alumni.data?.alumni) return <AlumniHome status={alumni.data.status} />;
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("page.greeting", { name: firstName(user.displayName) })}</Title>
        <Text>{t("page.intro")}</Text>
      </Stack>
      <CrisisCard onCall={today.data?.onCall ?? null} />
      <Button
        component={Link}
        to="/me/help"
        variant="light"
        color="red"
        size="lg"
        fullWidth
        leftSection={<IconLifebuoy size={22} aria-hidden />}
        styles={{ root: { height: "auto", minHeight: 52, paddingBlock: 8 }, label: { whiteSpace: "normal" } }}
      >
        {t("page.moreHelp")}
      </Button>
      <NextSessionCard today={today} />
      <CheckInTodayCard />
      <RecoveryCard today={today} />
      <PracticeCard />
      <UnreadMessagesCard />
      <QuestionnairesCard />
      <MyPlanCard />
      <AftercarePlanLink />
    </Stack>
  );
}
