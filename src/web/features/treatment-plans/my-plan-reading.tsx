import { Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type {
  Intervention,
  Objective,
  PlanContent,
  Problem,
  SignatureRole,
} from "../../../core/treatment-plans/plan.schema";
import type { Signature } from "../../../core/treatment-plans/plan-api.schema";
import { describeMeasureSimply, formatLongDate, formatSignedAt } from "./my-plan-words";

const STATUS_COLORS: Record<Objective["status"], string> = {
  not_started: "gray",
  in_progress: "blue",
  met: "green",
  revised: "grape",
  discontinued: "dark",
};

/** An objective's status as words with a colour (the colour never carries the meaning alone). */
export function ObjectiveStatusBadge({ status }: { status: Objective["status"] }) {
  const { t } = useTranslation("myPlan");
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size="lg" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

function ObjectiveItem({ objective }: { objective: Objective }) {
  const { t, i18n } = useTranslation("myPlan");
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={6}>
        <Text fw={600}>{objective.statement}</Text>
        <Text>{objective.measure ? describeMeasureSimply(objective.measure, t) : t("page.noMeasure")}</Text>
        <Group gap="xs" justify="space-between">
          <Text size="sm">
            {objective.targetOn
              ? t("page.byDate", { date: formatLongDate(objective.targetOn, i18n.language) })
              : t("page.noDate")}
          </Text>
          <ObjectiveStatusBadge status={objective.status} />
        </Group>
      </Stack>
    </Card>
  );
}

function InterventionItem({ intervention }: { intervention: Intervention }) {
  const { t } = useTranslation("myPlan");
  return (
    <List.Item>
      <Text fw={600}>{intervention.what}</Text>
      {intervention.frequency && (
        <Text size="sm">{t("page.howOften", { value: intervention.frequency })}</Text>
      )}
      {intervention.responsible && (
        <Text size="sm">{t("page.who", { value: intervention.responsible })}</Text>
      )}
    </List.Item>
  );
}

function ProblemSection({ problem, number }: { problem: Problem; number: number }) {
  const { t } = useTranslation("myPlan");
  const headingId = `my-plan-problem-${problem.id}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {t("page.problem", { number, title: problem.title })}
        </Title>
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t("page.whatIWant")}
          </Title>
          <Text size="lg" fs="italic">
            {problem.goal.participantWords || problem.goal.clinical}
          </Text>
          {problem.goal.participantWords && problem.goal.clinical && (
            <Text size="sm" c="dimmed">
              {t("page.clinicalGoal")}: {problem.goal.clinical}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t("page.howWeWillKnow")}
          </Title>
          {problem.objectives.length === 0 ? (
            <Text>{t("page.nothingListed")}</Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
              {problem.objectives.map((objective) => (
                <ObjectiveItem key={objective.id} objective={objective} />
              ))}
            </Stack>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t("page.whatWeWillDo")}
          </Title>
          {problem.interventions.length === 0 ? (
            <Text>{t("page.nothingListed")}</Text>
          ) : (
            <List spacing="xs">
              {problem.interventions.map((intervention) => (
                <InterventionItem key={intervention.id} intervention={intervention} />
              ))}
            </List>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

function PlainList({ title, items, id }: { title: string; items: string[]; id: string }) {
  const { t } = useTranslation("myPlan");
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text>{t("page.nothingListed")}</Text>
      ) : (
        <List spacing={4}>
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plain text items may repeat and have no id
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** The plan in plain language: each problem (what I want, how we will know, what we will do), then strengths, barriers and when the program ends. */
export function MyPlanReading({ content }: { content: PlanContent }) {
  const { t } = useTranslation("myPlan");
  return (
    <Stack gap="md">
      {content.problems.map((problem, index) => (
        <ProblemSection key={problem.id} problem={problem} number={index + 1} />
      ))}
      <PlainList id="my-plan-strengths" title={t("page.myStrengths")} items={content.strengths} />
      <PlainList id="my-plan-barriers" title={t("page.inTheWay")} items={content.barriers} />
      <PlainList id="my-plan-discharge" title={t("page.readyToFinish")} items={content.dischargeCriteria} />
    </Stack>
  );
}

/** Who has signed and when, and whose signature is still needed (as the participant reads it). */
export function MySignatures({
  signatures,
  requiredRoles,
  headingId,
}: {
  signatures: Signature[];
  requiredRoles: SignatureRole[];
  headingId: string;
}) {
  const { t, i18n } = useTranslation("myPlan");
  const missing = requiredRoles.filter((role) => !signatures.some((s) => s.role === role));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {t("page.signatures")}
      </Title>
      {signatures.length === 0 ? (
        <Text>{t("page.noSignatures")}</Text>
      ) : (
        <List spacing={4}>
          {signatures.map((signature) => (
            <List.Item key={`${signature.role}-${signature.signedAt}`}>
              {t("page.signedBy", {
                name: signature.signer.displayName,
                role: t(`roles.${signature.role}`),
                time: formatSignedAt(signature.signedAt, i18n.language),
              })}
            </List.Item>
          ))}
        </List>
      )}
      {missing.length > 0 && (
        <Text mt="xs">
          {t("page.needs", { roles: missing.map((role) => t(`roles.${role}`)).join(", ") })}
        </Text>
      )}
    </Card>
  );
}
