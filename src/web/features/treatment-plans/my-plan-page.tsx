import { Alert, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { useMyPlan, useSignMyPlan } from "./api/my-plan";
import { MyPlanReading, MySignatures } from "./my-plan-reading";
import { MyPlanReviewsList } from "./my-plan-reviews-list";
import { MyPlanSignForm } from "./my-plan-sign-form";
import { formatLongDate } from "./my-plan-words";

/**
 * "My plan" on the participant's phone: the plan they made with their care team, in plain language and
 * in their language, who has signed it and when; when it awaits their signature, the place to sign at
 * the end. Crisis help stays in the footer of every /me page.
 */
export function MyPlanPage() {
  const { t, i18n } = useTranslation("myPlan");
  usePageTitle(t("page.title"));
  const plan = useMyPlan();
  const sign = useSignMyPlan();
  const [signedAt, setSignedAt] = useState<Date | null>(null);
  const data = plan.data?.plan;

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("page.title")}</Title>
        <Text>{t("page.intro")}</Text>
      </Stack>
      {plan.isPending ? (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("page.loading")}</VisuallyHidden>
          <Skeleton h={160} />
          <Skeleton h={96} />
        </Stack>
      ) : plan.isError ? (
        <LoadError error={plan.error} onRetry={() => void plan.refetch()} title={t("page.loadError")} />
      ) : !data ? (
        <Stack gap={4}>
          <Text fw={600} size="lg">
            {t("page.empty")}
          </Text>
          <Text>{t("page.emptyBody")}</Text>
        </Stack>
      ) : (
        <Stack gap="md">
          {data.awaitingMySignature && !signedAt && (
            <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
              {t("page.awaitingBanner")}
            </Alert>
          )}
          <Text c="dimmed">
            {t("page.version", {
              number: data.version.number,
              date: formatLongDate(data.version.startsOn, i18n.language),
            })}
          </Text>
          <MyPlanReading content={data.version.content} />
          <MySignatures
            headingId="my-plan-signatures"
            signatures={data.version.signatures}
            requiredRoles={data.version.requiredRoles}
          />
          {(data.awaitingMySignature || signedAt) && (
            <MyPlanSignForm
              kind="plan"
              signedAt={signedAt}
              onSign={async (typedName) => {
                await sign.mutateAsync({
                  versionId: data.version.id,
                  revision: data.version.revision,
                  typedName,
                });
                setSignedAt(new Date());
              }}
            />
          )}
          <MyPlanReviewsList />
        </Stack>
      )}
    </Stack>
  );
}
