import { Button, Card, Skeleton, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyPlan } from "./api/my-plan";

/** On the participant's home: their plan, and a clear call to read and sign it when it awaits them. */
export function MyPlanCard() {
  const { t } = useTranslation("myPlan");
  const plan = useMyPlan();
  const awaiting = plan.data?.plan?.awaitingMySignature === true;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-plan-card-title">
      <Title order={2} size="h3" id="my-plan-card-title">
        {t("home.title")}
      </Title>
      {plan.isPending ? (
        <div role="status">
          <VisuallyHidden>{t("page.loading")}</VisuallyHidden>
          <Skeleton mt="xs" h={24} w="60%" />
        </div>
      ) : plan.isError ? (
        <Text mt="xs">{t("home.unavailable")}</Text>
      ) : (
        <Text mt="xs" fw={awaiting ? 600 : undefined}>
          {awaiting ? t("home.awaiting") : plan.data.plan ? t("home.signed") : t("home.none")}
        </Text>
      )}
      <Button
        component={Link}
        to="/me/plan"
        mt="md"
        size="lg"
        fullWidth
        variant={awaiting ? "filled" : "default"}
        rightSection={<IconChevronRight size={20} aria-hidden />}
      >
        {awaiting ? t("home.openToSign") : t("home.open")}
      </Button>
    </Card>
  );
}
