import { Alert, Badge, Card, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanContent } from "../../../core/treatment-plans/plan.schema";
import { formatDate } from "../admin/format";
import { ScrollTable } from "../admin/page-states";
import { usePlanProgress } from "./api/get-plan-progress";

/** Each objective's course over time: its status at each signing and review, and measured values. */
export function PlanProgress({ participantId, content }: { participantId: string; content: PlanContent }) {
  const { t, i18n } = useTranslation("treatmentPlans");
  const progress = usePlanProgress(participantId);
  const statements = new Map(
    content.problems.flatMap((p) => p.objectives.map((o) => [o.id, o.statement] as const)),
  );
  const objectives = progress.data?.objectives.filter((o) => o.points.length > 0) ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="plan-progress-title">
      <Title order={3} size="h5" id="plan-progress-title" mb="xs">
        {t("progress.title")}
      </Title>
      {progress.isPending ? (
        <Loader size="sm" aria-label={t("states.loading")} />
      ) : progress.isError ? (
        <Alert color="red" role="alert">
          {t("progress.loadError")}
        </Alert>
      ) : objectives.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("progress.empty")}
        </Text>
      ) : (
        <Stack gap="md">
          {objectives.map((objective) => {
            const label = statements.get(objective.objectiveId) || t("progress.unknownObjective");
            return (
              <div key={objective.objectiveId}>
                <Text size="sm" fw={600} mb={4}>
                  {label}
                </Text>
                <ScrollTable label={label} minWidth={420}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("progress.date")}</Table.Th>
                      <Table.Th scope="col">{t("progress.status")}</Table.Th>
                      <Table.Th scope="col">{t("progress.value")}</Table.Th>
                      <Table.Th scope="col">{t("progress.source")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {objective.points.map((point, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: points of one day may share every field
                      <Table.Tr key={index}>
                        <Table.Td>{formatDate(point.on, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="light">
                            {t(`objectiveStatus.${point.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {point.value === null ? "—" : point.value.toLocaleString(i18n.language)}
                        </Table.Td>
                        <Table.Td>{t(`progress.sources.${point.source}`)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollTable>
              </div>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
