import { Anchor, Badge, Card, Group, List, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { awaitsMySignature, useMyPlanReviews } from "./api/my-plan-reviews";
import { formatLongDate } from "./my-plan-words";

/** The reviews of the participant's plan, newest first: which waits for them, which are signed. */
export function MyPlanReviewsList() {
  const { t, i18n } = useTranslation("myPlan");
  const reviews = useMyPlanReviews();
  const list = reviews.data?.reviews ?? [];
  if (reviews.isPending || (reviews.isSuccess && list.length === 0)) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="my-plan-reviews">
      <Title order={2} size="h3" id="my-plan-reviews" mb="xs">
        {t("page.reviews")}
      </Title>
      {reviews.isError ? (
        <Text>{t("page.reviewsError")}</Text>
      ) : (
        <List spacing="sm" listStyleType="none" p={0}>
          {list.map((review) => {
            const mine = awaitsMySignature(review);
            return (
              <List.Item key={review.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/me/plan/reviews/${encodeURIComponent(review.id)}`} fw={600}>
                    {t("page.reviewItem", { date: formatLongDate(review.heldOn, i18n.language) })}
                  </Anchor>
                  <Badge
                    color={mine ? "blue" : review.status === "signed" ? "green" : "gray"}
                    variant="light"
                    tt="none"
                  >
                    {mine
                      ? t("page.reviewAwaitingYou")
                      : review.status === "signed"
                        ? t("page.reviewSigned")
                        : t("page.reviewWaitingOthers")}
                  </Badge>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Card>
  );
}
