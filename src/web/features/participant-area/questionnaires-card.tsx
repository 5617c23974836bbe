import { Button, Card, Skeleton, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSessionUser } from "../../app/require-session";
import { useQuestionnaireTodos } from "./use-questionnaire-todos";

/** On the participant's home page: how many questionnaires wait for them, and the way to them. */
export function QuestionnairesCard() {
  const { t } = useTranslation("assessments");
  const user = useSessionUser();
  const { unlinked, todos, error } = useQuestionnaireTodos(user.participantId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="questionnaires-title">
      <Title order={2} size="h3" id="questionnaires-title">
        {t("mine.homeCard.title")}
      </Title>
      {unlinked ? (
        <Text mt="xs">{t("mine.noRecord")}</Text>
      ) : todos ? (
        <Text mt="xs" fw={todos.length > 0 ? 600 : undefined}>
          {todos.length > 0 ? t("mine.homeCard.count", { count: todos.length }) : t("mine.homeCard.none")}
        </Text>
      ) : error ? (
        <Text mt="xs">{t("mine.homeCard.error")}</Text>
      ) : (
        <div role="status">
          <VisuallyHidden>{t("mine.homeCard.loading")}</VisuallyHidden>
          <Skeleton mt="xs" h={24} w="60%" />
        </div>
      )}
      <Button
        component={Link}
        to="/me/questionnaires"
        mt="md"
        size="lg"
        fullWidth
        variant={todos && todos.length > 0 ? "filled" : "default"}
        rightSection={<IconChevronRight size={20} aria-hidden />}
      >
        {t("mine.homeCard.open")}
      </Button>
    </Card>
  );
}
