import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { PageLoader, PageUnavailable } from "../../app/page-status";
import { usePageTitle } from "../../app/use-page-title";
import { formatDateTime } from "../admin/format";
import { AftercareGaps } from "./aftercare-gaps";
import { AftercarePlanParts } from "./aftercare-plan-parts";
import { MY_AFTERCARE } from "./api/aftercare-scope";
import { useAftercarePlan } from "./api/get-aftercare-plan";
import { MyAftercareSign } from "./my-aftercare-sign";

/**
 * My aftercare plan (`/me/aftercare`, phone first): the plan in plain words with an Edit on each part
 * (it is co-written), what it still needs in friendly words, and signing by typing one's name.
 */
export function MyAftercarePage() {
  const { t, i18n } = useTranslation("aftercare");
  usePageTitle(t("page.title"));
  const query = useAftercarePlan(MY_AFTERCARE);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.code === "AFTERCARE_PLAN_NO_EPISODE") {
      return (
        <Stack>
          <Title order={1}>{t("page.title")}</Title>
          <Text>{t("page.noEpisode")}</Text>
        </Stack>
      );
    }
    return <PageUnavailable onRetry={() => void query.refetch()} />;
  }
  const plan = query.data;
  return (
    <Stack gap="lg" maw={640} mx="auto" w="100%">
      <Stack gap={4}>
        <Title order={1}>{t("page.title")}</Title>
        <Text>{t("page.intro")}</Text>
        {plan.updatedBy && plan.updatedAt && (
          <Text size="sm" c="dimmed">
            {t("editing.lastSaved", {
              name: plan.updatedBy.displayName,
              date: formatDateTime(plan.updatedAt, i18n.language),
            })}
          </Text>
        )}
      </Stack>
      {!plan.participantSignedAt && (
        <AftercareGaps gaps={plan.gaps} title={t("gaps.titleMine")} headingOrder={2} />
      )}
      <AftercarePlanParts
        scope={MY_AFTERCARE}
        plan={plan}
        headingOrder={2}
        safetyPlanHref="/me/safety-plan"
      />
      <MyAftercareSign plan={plan} />
    </Stack>
  );
}
