import { Button, Card, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyPlan } from "./api/my-plan";
import { awaitsMySignature, useMyPlanReviews } from "./api/my-plan-reviews";

/**
 * On the participant's home: their plan, with a clear call to read and sign it when it awaits them,
 * and the same for a review of it that awaits their signature.
 */
export function MyPlanCard() {
  const { t } = useTranslation("myPlan");
  const plan = useMyPlan();
  const reviews = useMyPlanReviews();
  const awaiting = plan.data?.plan?.awaitingMySignature === true;
  const review = reviews.data?.reviews.find(awaitsMySignature);
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
        <Stack gap={4} mt="xs">
          <Text fw={awaiting ? 600 : undefined}>
            {awaiting ? t("home.awaiting") : plan.data.plan ? t("home.signed") : t("home.none")}
          </Text>
          {review && <Text fw={600}>{t("home.reviewAwaiting")}</Text>}
        </Stack>
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
      {review && (
        <Button
          component={Link}
          to={`/me/plan/reviews/${encodeURIComponent(review.id)}`}
          mt="sm"
          size="lg"
          fullWidth
          rightSection={<IconChevronRight size={20} aria-hidden />}
        >
          {t("home.openReview")}
        </Button>
      )}
    </Card>
  );
}
