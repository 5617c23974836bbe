import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/use-page-title";
import { MyGoalsSection } from "./my-goals-section";
import { MyMeasuresSection } from "./my-measures-section";

/**
 * "My plan and progress" on the participant's phone: the goals of their plan in force with the steps
 * toward each and how many are reached (the whole plan and its signatures are at /me/plan), then
 * their own questionnaire scores over time in friendly charts, each with its numbers as a table.
 * Only their own record; no clinical bands or labels.
 */
export function MyProgressPage() {
  const { t } = useTranslation("myProgress");
  usePageTitle(t("page.title"));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t("page.title")}</Title>
        <Text>{t("page.intro")}</Text>
      </Stack>
      <MyGoalsSection />
      <MyMeasuresSection />
    </Stack>
  );
}
