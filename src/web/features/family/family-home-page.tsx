import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CrisisCard } from "../../app/crisis";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { firstName } from "../identity/first-name";

/** A family member's home: what they will see (the participant decides), and crisis help. */
export function FamilyHomePage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  usePageTitle(t("nav.home"));
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("familyHome.greeting", { name: firstName(user.displayName) })}</Title>
        <Text>{t("familyHome.intro")}</Text>
      </Stack>
      <CrisisCard />
      <Card withBorder padding="lg" component="section" aria-labelledby="sharing-title">
        <Title order={2} size="h3" id="sharing-title">
          {t("familyHome.sharingTitle")}
        </Title>
        <Text mt="xs">{t("familyHome.sharingBody")}</Text>
      </Card>
    </Stack>
  );
}
