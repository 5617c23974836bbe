import { Button, Card, Group, List, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconChevronLeft } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Objective } from "../../../core/treatment-plans/plan.schema";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { useMyPlan } from "./api/my-plan";
import { useMyPlanReview, useSignMyPlanReview } from "./api/my-plan-review";
import { MySignatures, ObjectiveStatusBadge } from "./my-plan-reading";
import { MyPlanSignForm } from "./my-plan-sign-form";
import { formatLongDate } from "./my-plan-words";

/**
 * A review of the participant's plan, on their phone: how each objective is going, the summary, and
 * whether the plan will change; the place to sign when it awaits their signature.
 */
export function MyPlanReviewPage() {
  const { t, i18n } = useTranslation("myPlan");
  usePageTitle(t("review.title"));
  const { reviewId = "" } = useParams();
  const user = useSessionUser();
  const review = useMyPlanReview(reviewId);
  const plan = useMyPlan();
  const sign = useSignMyPlanReview();
  const [signedAt, setSignedAt] = useState<Date | null>(null);
  const data = review.data;

  const objectives = new Map<string, Objective>(
    (plan.data?.plan?.version.content.problems ?? []).flatMap((p) => p.objectives.map((o) => [o.id, o])),
  );
  const mine = data?.signatures.some((s) => s.role === "participant") ?? false;
  const awaitingMe =
    data !== undefined &&
    data.status === "awaiting_signatures" &&
    data.requiredRoles.includes("participant") &&
    !mine &&
    user.kind === "participant";

  return (
    <Stack>
      <Button
        component={Link}
        to="/me/plan"
        variant="subtle"
        leftSection={<IconChevronLeft size={18} aria-hidden />}
        style={{ alignSelf: "flex-start" }}
      >
        {t("review.back")}
      </Button>
      <Stack gap={4}>
        <Title order={1}>{t("review.title")}</Title>
        <Text>{t("review.intro")}</Text>
      </Stack>
      {review.isPending ? (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("page.loading")}</VisuallyHidden>
          <Skeleton h={160} />
        </Stack>
      ) : review.isError ? (
        <LoadError error={review.error} onRetry={() => void review.refetch()} title={t("review.loadError")} />
      ) : data ? (
        <Stack gap="md">
          <Text c="dimmed">{t("review.heldOn", { date: formatLongDate(data.heldOn, i18n.language) })}</Text>
          <Card withBorder padding="md" component="section" aria-labelledby="my-review-progress">
            <Title order={2} size="h3" id="my-review-progress" mb="xs">
              {t("review.progress")}
            </Title>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
              {data.content.progress.map((entry) => (
                <Card withBorder padding="sm" component="li" key={entry.objectiveId}>
                  <Stack gap={4}>
                    <Text fw={600}>
                      {objectives.get(entry.objectiveId)?.statement ?? t("review.unknownObjective")}
                    </Text>
                    <Group gap="xs">
                      <ObjectiveStatusBadge status={entry.status} />
                      {entry.value !== null && (
                        <Text size="sm">{t("review.measured", { value: entry.value })}</Text>
                      )}
                    </Group>
                    {entry.note && <Text>{entry.note}</Text>}
                  </Stack>
                </Card>
              ))}
            </Stack>
          </Card>
          <Card withBorder padding="md" component="section" aria-labelledby="my-review-summary">
            <Title order={2} size="h3" id="my-review-summary" mb="xs">
              {t("review.summary")}
            </Title>
            {data.content.summary ? <Text>{data.content.summary}</Text> : null}
            <List mt="xs">
              <List.Item>
                {data.content.planChangesNeeded ? t("review.changesNeeded") : t("review.noChanges")}
              </List.Item>
            </List>
          </Card>
          <MySignatures
            headingId="my-review-signatures"
            signatures={data.signatures}
            requiredRoles={data.requiredRoles}
          />
          {(awaitingMe || signedAt) && (
            <MyPlanSignForm
              kind="review"
              signedAt={signedAt}
              onSign={async (typedName) => {
                await sign.mutateAsync({ reviewId: data.id, revision: data.revision, typedName });
                setSignedAt(new Date());
              }}
            />
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
