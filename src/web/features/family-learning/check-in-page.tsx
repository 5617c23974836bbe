import { Alert, Anchor, Button, Card, Group, List, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconHeartHandshake, IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { shouldOfferSupport } from "../../../core/family-learning/family-learning.rules";
import {
  CHECK_IN_HISTORY_DEFAULT_DAYS,
  type FamilyCheckIn,
  type FamilyCheckInSaved,
  SELF_CARE_MODULE,
} from "../../../core/family-learning/family-learning.schema";
import { usePageTitle } from "../../app/use-page-title";
import { formatDate } from "../admin/format";
import { LoadError } from "../admin/page-states";
import { useCheckIns } from "./api/get-check-ins";
import { FamilyCheckInForm } from "./check-in-form";
import { learnPath } from "./family-content";

/**
 * The family member's own check-in: private (no one is alerted), one a day in their day, editable
 * that day, with the last 30 days underneath and a gentle pointer to self-care when stress is high.
 */
export function FamilyCheckInPage() {
  const { t, i18n } = useTranslation("familyLearning");
  usePageTitle(t("checkIn.title"));
  const checkIns = useCheckIns(CHECK_IN_HISTORY_DEFAULT_DAYS);
  const [saved, setSaved] = useState<FamilyCheckInSaved | null>(null);

  return (
    <Stack>
      <Title order={1}>{t("checkIn.title")}</Title>
      <Text>{t("checkIn.intro")}</Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconLock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm">{t("checkIn.private")}</Text>
      </Group>

      <div aria-live="polite">
        {saved && (
          <Alert color="teal" variant="light">
            {saved.created ? t("checkIn.savedNew") : t("checkIn.savedUpdate")}
          </Alert>
        )}
      </div>
      {(saved
        ? saved.offerSupport
        : checkIns.data?.todayCheckIn != null && shouldOfferSupport(checkIns.data.todayCheckIn.stress)) && (
        <SupportCard />
      )}

      {checkIns.isPending && <Skeleton h={320} aria-hidden />}
      {checkIns.isError && (
        <LoadError
          error={checkIns.error}
          title={t("checkIn.loadError")}
          onRetry={() => void checkIns.refetch()}
        />
      )}
      {checkIns.data && (
        <>
          {checkIns.data.todayCheckIn && !saved && <Text size="sm">{t("checkIn.todayDone")}</Text>}
          <Card withBorder padding="lg">
            <FamilyCheckInForm
              key={checkIns.data.today}
              today={checkIns.data.todayCheckIn}
              onSaved={setSaved}
            />
          </Card>
          <History
            history={checkIns.data.history}
            today={checkIns.data.today}
            format={(d) => formatDate(d, i18n.language)}
          />
        </>
      )}
    </Stack>
  );
}

/** When stress is high: the self-care module, the resources and 988 — and no alert to anyone. */
function SupportCard() {
  const { t } = useTranslation("familyLearning");
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="support-title">
      <Group gap="xs" wrap="nowrap">
        <IconHeartHandshake size={22} aria-hidden />
        <Title order={2} size="h3" id="support-title">
          {t("checkIn.supportTitle")}
        </Title>
      </Group>
      <Text mt="xs">{t("checkIn.supportBody")}</Text>
      <Group mt="md">
        <Button component={Link} to={learnPath(SELF_CARE_MODULE)}>
          {t("checkIn.supportModule")}
        </Button>
        <Button component={Link} to="/family/resources" variant="default">
          {t("checkIn.supportResources")}
        </Button>
      </Group>
    </Card>
  );
}

function History({
  history,
  today,
  format,
}: {
  history: FamilyCheckIn[];
  today: string;
  format: (isoDate: string) => string;
}) {
  const { t } = useTranslation("familyLearning");
  return (
    <Stack component="section" aria-labelledby="history-title" gap="xs">
      <Title order={2} size="h3" id="history-title">
        {t("checkIn.historyTitle")}
      </Title>
      {history.length === 0 ? (
        <Text>{t("checkIn.historyEmpty")}</Text>
      ) : (
        <List listStyleType="none" spacing="xs" p={0}>
          {history.map((day) => (
            <List.Item key={day.id}>
              <Card withBorder padding="sm">
                <Text fw={600}>
                  {day.recordedOn === today ? t("checkIn.historyToday") : format(day.recordedOn)}
                </Text>
                <Text size="sm">
                  {[
                    t("checkIn.historyStress", { value: day.stress }),
                    t("checkIn.historyWellbeing", { value: day.wellbeing }),
                    ...(day.sleepQuality === null
                      ? []
                      : [t("checkIn.historySleep", { value: day.sleepQuality })]),
                  ].join(" · ")}
                </Text>
                {day.selfCare && <Text size="sm">{day.selfCare}</Text>}
                {day.note && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                    {day.note}
                  </Text>
                )}
              </Card>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to="/family/resources" size="sm">
        {t("checkIn.supportResources")}
      </Anchor>
    </Stack>
  );
}
