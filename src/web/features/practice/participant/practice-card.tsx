import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyPractice } from "../api/get-my-practice";

/**
 * This week's practice for the Today page: its title (or that it is done), and a link to
 * /me/practice. Quiet when there is nothing to practise; a failed load never hides Today.
 */
export function PracticeCard() {
  const { t } = useTranslation("practice");
  const practice = useMyPractice();
  const current = practice.data?.assignments.find((a) => a.current);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="practice-card-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="practice-card-title">
          {t("card.title")}
        </Title>
        {practice.isPending ? null : practice.isError ? (
          <Text>{t("card.unavailable")}</Text>
        ) : current ? (
          <Text>
            {current.done && <IconCheck size={18} aria-hidden style={{ verticalAlign: "text-bottom" }} />}{" "}
            {current.done
              ? t("card.doneCurrent", { title: current.module.title })
              : t("card.current", { title: current.module.title })}
          </Text>
        ) : (
          <Text>{t("card.none")}</Text>
        )}
        <Button
          component={Link}
          to="/me/practice"
          size="md"
          variant={current && !current.done ? "filled" : "default"}
        >
          {t("card.open")}
        </Button>
      </Stack>
    </Card>
  );
}
