import { Alert, Badge, Button, Card, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CrisisCard } from "../../../app/crisis";
import { useSessionUser } from "../../../app/require-session";
import { firstName } from "../../identity/first-name";
import { useMyAlumni } from "../api/get-my-alumni";
import { useRejoinAlumni } from "../api/rejoin-alumni";
import { AlumniEventsCard } from "./alumni-events-card";
import { LeaveAlumniCard } from "./leave-alumni-card";
import { WeeklyCheckInCard } from "./weekly-check-in-card";

/**
 * The alumni home, shown at /me once the participant is discharged and in the alumni program: crisis
 * help first, the weekly check-in, their plans, events, messages with the alumni coordinator, and
 * leaving the program. Someone who left sees a way back.
 */
export function AlumniHome({ status }: { status: "active" | "opted_out" | "readmitted" | null }) {
  const { t } = useTranslation("alumni");
  const user = useSessionUser();
  const home = useMyAlumni(status === "active");
  const rejoin = useRejoinAlumni();
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t("home.greeting", { name: firstName(user.displayName) })}</Title>
        <Text>{t("home.intro")}</Text>
      </Stack>
      <CrisisCard />
      {status !== "active" ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="alumni-out-title">
          <Title order={2} size="h3" id="alumni-out-title">
            {t("optedOut.title")}
          </Title>
          <Text mt="xs">{t("optedOut.body")}</Text>
          {rejoin.isError && (
            <Alert color="red" mt="sm">
              {rejoin.error.message}
            </Alert>
          )}
          <Button mt="md" loading={rejoin.isPending} onClick={() => rejoin.mutate()}>
            {t("optedOut.rejoin")}
          </Button>
        </Card>
      ) : home.isPending ? (
        <Loader role="status" aria-label={t("home.title")} />
      ) : home.isError ? (
        <Alert color="red" title={t("home.loadError")}>
          <Button variant="light" mt="xs" onClick={() => home.refetch()}>
            {t("home.retry")}
          </Button>
        </Alert>
      ) : (
        <>
          <WeeklyCheckInCard
            key={home.data.thisWeek?.id ?? "new"}
            weekOf={home.data.weekOf}
            thisWeek={home.data.thisWeek}
          />
          <Card withBorder padding="lg" component="section" aria-labelledby="alumni-plans-title">
            <Title order={2} size="h3" id="alumni-plans-title">
              {t("home.plans")}
            </Title>
            <Stack mt="sm" gap="xs">
              <Button component={Link} to="/me/recovery-plan" variant="light">
                {t("home.recoveryPlan")}
              </Button>
              <Button component={Link} to="/me/safety-plan" variant="light">
                {t("home.safetyPlan")}
              </Button>
              <Button component={Link} to="/me/aftercare" variant="light">
                {t("home.aftercare")}
              </Button>
            </Stack>
          </Card>
          <AlumniEventsCard events={home.data.events} />
          <Button
            component={Link}
            to="/me/alumni/messages"
            variant="light"
            size="md"
            rightSection={
              home.data.unreadMessages > 0 ? (
                <Badge color="red">{t("home.unread", { count: home.data.unreadMessages })}</Badge>
              ) : undefined
            }
          >
            {t("home.messages")}
          </Button>
          <LeaveAlumniCard />
        </>
      )}
    </Stack>
  );
}
