import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlanWorklistItem, WorklistState } from "../../../core/treatment-plans/plan-api.schema";
import { usePageTitle } from "../../app/use-page-title";
import { formatDate } from "../admin/format";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { usePlanWorklist } from "./api/get-worklist";

/** The order groups are shown in: what is late first, then what waits on the reader, then the rest. */
export const WORKLIST_ORDER = [
  "review_overdue",
  "review_due",
  "awaiting_my_signature",
  "no_plan",
  "review_due_soon",
  "draft",
  "awaiting_others",
] as const satisfies readonly WorklistState[];

const COLORS: Record<WorklistState, string> = {
  review_overdue: "red",
  review_due: "orange",
  awaiting_my_signature: "blue",
  no_plan: "grape",
  review_due_soon: "yellow",
  draft: "gray",
  awaiting_others: "gray",
};

/** Items of one state, by the date that matters (earliest first, undated last), then by name. */
function sortItems(items: readonly PlanWorklistItem[]): PlanWorklistItem[] {
  return [...items].sort(
    (a, b) =>
      (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31") ||
      a.participant.name.localeCompare(b.participant.name),
  );
}

/**
 * The clinician's plan worklist at /staff/treatment-plans: everything that needs doing on plans within
 * the reader's reach, grouped by state (overdue reviews first) with a count per group; each name opens
 * the Plan tab of the participant's chart.
 */
export function WorklistPage() {
  const { t } = useTranslation("treatmentPlansAdmin");
  usePageTitle(t("worklist.title"));
  const worklist = usePlanWorklist();
  const items = worklist.data?.items ?? [];

  return (
    <Stack maw={960}>
      <PageHeader title={t("worklist.title")} />
      <Text>{t("worklist.intro")}</Text>
      {worklist.isPending && <TableSkeleton rows={6} />}
      {worklist.isError && <LoadError error={worklist.error} onRetry={() => void worklist.refetch()} />}
      {worklist.data && items.length === 0 && (
        <Card withBorder padding="lg">
          <Group wrap="nowrap" align="flex-start">
            <IconCircleCheck aria-hidden color="var(--mantine-color-green-7)" style={{ flexShrink: 0 }} />
            <Text>{t("worklist.empty")}</Text>
          </Group>
        </Card>
      )}
      {items.length > 0 && (
        <>
          <Text fw={600} role="status">
            {t("worklist.summary", { count: items.length })}
          </Text>
          {WORKLIST_ORDER.map((state) => {
            const group = items.filter((item) => item.state === state);
            return group.length > 0 ? <WorklistGroup key={state} state={state} items={group} /> : null;
          })}
        </>
      )}
    </Stack>
  );
}

function WorklistGroup({ state, items }: { state: WorklistState; items: readonly PlanWorklistItem[] }) {
  const { t, i18n } = useTranslation("treatmentPlansAdmin");
  const headingId = useId();
  const dueKey =
    state === "review_overdue" || state === "review_due" || state === "review_due_soon" || state === "no_plan"
      ? state
      : "other";
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {t(`worklist.groups.${state}`)}
          </Title>
          <Badge color={COLORS[state]} variant="light" size="lg">
            {t("worklist.count", { count: items.length })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`worklist.hints.${state}`)}
        </Text>
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: "none" }}>
          {sortItems(items).map((item) => (
            <Group
              component="li"
              key={`${item.participant.id}-${item.state}`}
              justify="space-between"
              wrap="wrap"
              gap={4}
              py={8}
              style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
            >
              <Anchor
                component={Link}
                to={`/staff/participants/${item.participant.id}?tab=plan`}
                fw={600}
                aria-label={t("worklist.openPlan", { name: item.participant.name })}
              >
                {item.participant.name}
              </Anchor>
              <Group gap="md" wrap="wrap" style={{ rowGap: 2 }}>
                {item.dueOn && (
                  <Text size="sm" fw={state === "review_overdue" ? 700 : undefined}>
                    {t(`worklist.due.${dueKey}`, { date: formatDate(item.dueOn, i18n.language) })}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {t("worklist.admitted", { date: formatDate(item.admittedOn, i18n.language) })}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
