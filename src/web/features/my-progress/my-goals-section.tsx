import { Button, Card, List, Progress, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Problem } from "../../../core/treatment-plans/plan.schema";
import { LoadError } from "../admin/page-states";
import { useMyPlan } from "../treatment-plans/api/my-plan";
import { ObjectiveStatusBadge } from "../treatment-plans/my-plan-reading";
import { formatLongDate } from "../treatment-plans/my-plan-words";

/** Steps that count toward a goal (a revised or discontinued step was replaced or set aside). */
export function stepsProgress(problem: Problem): { met: number; total: number } {
  const counted = problem.objectives.filter((o) => o.status !== "revised" && o.status !== "discontinued");
  return { met: counted.filter((o) => o.status === "met").length, total: counted.length };
}

function GoalCard({ problem, number }: { problem: Problem; number: number }) {
  const { t, i18n } = useTranslation("myProgress");
  const { met, total } = stepsProgress(problem);
  const headingId = `my-goal-${problem.id}`;
  const label = t("plan.stepsDone", { met, total });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {t("plan.goal", { number, title: problem.title })}
        </Title>
        <Text fw={600}>{t("plan.whatIWant")}</Text>
        <Text size="lg" fs="italic">
          {problem.goal.participantWords || problem.goal.clinical}
        </Text>
        {total > 0 && (
          <Stack gap={4}>
            <Text fw={600}>{label}</Text>
            <Progress value={(met / total) * 100} size="lg" color="teal" aria-label={label} />
          </Stack>
        )}
        <Text fw={600}>{t("plan.steps")}</Text>
        {problem.objectives.length === 0 ? (
          <Text>{t("plan.noSteps")}</Text>
        ) : (
          <List spacing="sm" listStyleType="none" p={0}>
            {problem.objectives.map((o) => (
              <List.Item key={o.id}>
                <Stack gap={4}>
                  <Text>{o.statement}</Text>
                  <Text size="sm" c="dimmed">
                    {o.targetOn ? t("plan.byDate", { date: formatLongDate(o.targetOn, i18n.language) }) : ""}
                  </Text>
                  <ObjectiveStatusBadge status={o.status} />
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

/** "My goals": each goal of the plan in force in the participant's words, its steps and how many are reached. */
export function MyGoalsSection() {
  const { t } = useTranslation("myProgress");
  const plan = useMyPlan();
  const content = plan.data?.plan?.version.content;
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-goals-title">
      <Title order={2} id="my-goals-title">
        {t("plan.title")}
      </Title>
      {plan.isPending ? (
        <Stack gap="sm" role="status">
          <VisuallyHidden>{t("plan.loading")}</VisuallyHidden>
          <Skeleton h={160} />
        </Stack>
      ) : plan.isError ? (
        <LoadError error={plan.error} onRetry={() => void plan.refetch()} title={t("plan.loadError")} />
      ) : !content ? (
        <Text>{t("plan.none")}</Text>
      ) : (
        <>
          {content.problems.map((problem, index) => (
            <GoalCard key={problem.id} problem={problem} number={index + 1} />
          ))}
          <Button
            component={Link}
            to="/me/plan"
            variant="default"
            size="md"
            style={{ alignSelf: "flex-start" }}
          >
            {t("plan.openPlan")}
          </Button>
        </>
      )}
    </Stack>
  );
}
