import { Button, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconChevronRight, IconCircleCheck, IconClockHour4, IconFlame } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSessionUser } from "../../../app/require-session";
import { useCheckInSummary } from "./api/get-check-in-summary";
import { useCheckInQueue } from "./use-check-in-queue";

/**
 * On Today: whether they have checked in today (or one waits on this phone to send), their streak,
 * and the way to `/me/check-in`. Opening Today also sends any check-in still waiting.
 */
export function CheckInTodayCard() {
  const { t } = useTranslation("checkIns");
  const user = useSessionUser();
  const summary = useCheckInSummary();
  const queue = useCheckInQueue(user.id);
  const done = summary.data?.checkedInToday === true;
  const waiting = queue.waiting > 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="check-in-card-title">
      <Title order={2} size="h3" id="check-in-card-title">
        {t("today.title")}
      </Title>
      <Stack gap={6} mt="xs">
        {waiting && (
          <Group gap="xs" wrap="nowrap">
            <IconClockHour4 size={20} aria-hidden />
            <Text fw={600}>{t("today.waiting")}</Text>
          </Group>
        )}
        {summary.isPending ? (
          <div role="status">
            <VisuallyHidden>{t("today.loading")}</VisuallyHidden>
            <Skeleton h={24} w="60%" />
          </div>
        ) : summary.isError ? (
          !waiting && <Text>{t("today.unavailable")}</Text>
        ) : (
          <>
            {done ? (
              <Group gap="xs" wrap="nowrap">
                <IconCircleCheck size={20} aria-hidden color="var(--mantine-color-teal-7)" />
                <Text>{t("today.done")}</Text>
              </Group>
            ) : (
              !waiting && <Text>{t("today.notYet")}</Text>
            )}
            {summary.data.streak > 0 && (
              <Group gap="xs" wrap="nowrap">
                <IconFlame size={20} aria-hidden />
                <Text>{t("today.streak", { count: summary.data.streak })}</Text>
              </Group>
            )}
          </>
        )}
      </Stack>
      <Button
        component={Link}
        to="/me/check-in"
        mt="md"
        size="lg"
        fullWidth
        variant={done ? "default" : "filled"}
        rightSection={<IconChevronRight size={20} aria-hidden />}
      >
        {done ? t("today.again") : t("today.open")}
      </Button>
    </Card>
  );
}
