import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SessionUser } from "../../../core/identity/identity.schema";
import { CrisisCard } from "../../app/crisis";

export function FamilyHomePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("familyHome.greeting", { name: user.displayName.split(" ")[0] })}</Title>
        <Text>{t("familyHome.intro")}</Text>
      </Stack>
      <Card withBorder padding="lg" component="section" aria-labelledby="sharing-title">
        <Title order={2} size="h3" id="sharing-title">
          {t("familyHome.sharingTitle")}
        </Title>
        <Text mt="xs">{t("familyHome.sharingBody")}</Text>
      </Card>
      <CrisisCard />
    </Stack>
  );
}
