import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SessionUser } from "../../../core/identity/identity.schema";
import { CrisisCard } from "../../app/crisis";

export function ParticipantHomePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("participantHome.greeting", { name: user.displayName.split(" ")[0] })}</Title>
        <Text>{t("participantHome.intro")}</Text>
      </Stack>
      <CrisisCard />
      <Card withBorder padding="lg" component="section" aria-labelledby="coming-title">
        <Title order={2} size="h3" id="coming-title">
          {t("participantHome.comingTitle")}
        </Title>
        <Text mt="xs">{t("participantHome.comingBody")}</Text>
      </Card>
    </Stack>
  );
}
