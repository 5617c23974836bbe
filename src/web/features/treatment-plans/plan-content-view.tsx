import { Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanContent, Problem } from "../../../core/treatment-plans/plan.schema";
import { formatDate } from "../admin/format";
import { useMeasureText } from "./plan-format";

const STATUS_COLOR = {
  not_started: "gray",
  in_progress: "blue",
  met: "green",
  revised: "yellow",
  discontinued: "gray",
} as const;

function ProblemView({ problem, number }: { problem: Problem; number: number }) {
  const { t, i18n } = useTranslation("treatmentPlans");
  const measureText = useMeasureText();
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t("content.problemNumber", { number })}: {problem.title || t("content.untitled")}
        </Title>
        <div>
          <Text size="sm" fw={600}>
            {t("content.sources")}
          </Text>
          {problem.sources.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("content.noSources")}
            </Text>
          ) : (
            <List size="sm">
              {problem.sources.map((source) => (
                <List.Item key={`${source.kind}:${source.ref ?? ""}:${source.label}`}>
                  {t(`sourceKinds.${source.kind}`)}: {source.label}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t("content.goal")}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t("content.participantWords")}:{" "}
            </Text>
            {problem.goal.participantWords ? `“${problem.goal.participantWords}”` : t("content.notWritten")}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t("content.clinical")}:{" "}
            </Text>
            {problem.goal.clinical || t("content.notWritten")}
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t("content.objectives")}
          </Text>
          {problem.objectives.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("content.noObjectives")}
            </Text>
          ) : (
            <List size="sm" type="ordered">
              {problem.objectives.map((objective) => (
                <List.Item key={objective.id}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm">{objective.statement || t("content.notWritten")}</Text>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[objective.status]}>
                      {t(`objectiveStatus.${objective.status}`)}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {measureText(objective.measure)} ·{" "}
                    {objective.targetOn
                      ? t("content.target", { date: formatDate(objective.targetOn, i18n.language) })
                      : t("content.noTarget")}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t("content.interventions")}
          </Text>
          {problem.interventions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("content.noInterventions")}
            </Text>
          ) : (
            <List size="sm">
              {problem.interventions.map((intervention) => (
                <List.Item key={intervention.id}>
                  {t(`interventionKinds.${intervention.kind}`)}:{" "}
                  {t("content.intervention", {
                    what: intervention.what,
                    frequency: intervention.frequency,
                    responsible: intervention.responsible,
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    </Card>
  );
}

function TextList({ title, items }: { title: string; items: readonly string[] }) {
  const { t } = useTranslation("treatmentPlans");
  return (
    <div>
      <Title order={4} size="h6">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("content.noneListed")}
        </Text>
      ) : (
        <List size="sm">
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plain text lines may repeat; order is their identity
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** A plan's content, read-only: problems with their sources, goal, objectives and interventions; then the lists. */
export function PlanContentView({ content }: { content: PlanContent }) {
  const { t } = useTranslation("treatmentPlans");
  return (
    <Stack gap="sm">
      <Title order={4} size="h6">
        {t("content.problems")}
      </Title>
      {content.problems.map((problem, index) => (
        <ProblemView key={problem.id} problem={problem} number={index + 1} />
      ))}
      <TextList title={t("content.strengths")} items={content.strengths} />
      <TextList title={t("content.barriers")} items={content.barriers} />
      <TextList title={t("content.dischargeCriteria")} items={content.dischargeCriteria} />
    </Stack>
  );
}
