import { Alert, Badge, Card, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import { useChartAlumni } from "../api/get-chart-alumni";

const day = (iso: string) => iso.slice(0, 10);

/**
 * The chart's alumni section (Discharge tab): membership, opt-outs, and the weekly check-ins with
 * their flags; an alert's link (`?alumniCheckIn=<id>`) outlines and scrolls to its check-in.
 */
export function AlumniSection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("alumni");
  const [params] = useSearchParams();
  const highlighted = params.get("alumniCheckIn");
  const alumni = useChartAlumni(record.id);
  useEffect(() => {
    if (highlighted && alumni.data) {
      document.getElementById(`alumni-check-in-${highlighted}`)?.scrollIntoView?.({ block: "center" });
    }
  }, [highlighted, alumni.data]);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="chart-alumni-title">
      <Title order={3} id="chart-alumni-title">
        {t("chart.title")}
      </Title>
      {alumni.isPending ? (
        <Loader size="sm" role="status" aria-label={t("chart.title")} />
      ) : alumni.isError ? (
        <Alert color="red" mt="sm">
          {t("chart.loadError")}
        </Alert>
      ) : !alumni.data.membership ? (
        <Text mt="xs">{t("chart.notMember")}</Text>
      ) : (
        <Stack mt="xs" gap="sm">
          <Group gap="xs">
            <Badge color={alumni.data.membership.status === "active" ? "teal" : "gray"}>
              {t(`status.${alumni.data.membership.status}`)}
            </Badge>
            <Text size="sm">{t("chart.joined", { date: alumni.data.membership.joinedOn })}</Text>
            {alumni.data.membership.optedOutAt && (
              <Text size="sm">{t("chart.optedOut", { date: day(alumni.data.membership.optedOutAt) })}</Text>
            )}
            {alumni.data.membership.followUpsOptedOutAt && (
              <Text size="sm">
                {t("chart.followUpsOptedOut", { date: day(alumni.data.membership.followUpsOptedOutAt) })}
              </Text>
            )}
          </Group>
          <Title order={4}>{t("chart.checkIns")}</Title>
          {alumni.data.checkIns.length === 0 ? (
            <Text>{t("chart.noCheckIns")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("chart.week")}</Table.Th>
                    <Table.Th>{t("chart.used")}</Table.Th>
                    <Table.Th>{t("chart.craving")}</Table.Th>
                    <Table.Th>{t("chart.mood")}</Table.Th>
                    <Table.Th>{t("chart.meetings")}</Table.Th>
                    <Table.Th>{t("staff.flags")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {alumni.data.checkIns.map((c) => (
                    <Table.Tr
                      key={c.id}
                      id={`alumni-check-in-${c.id}`}
                      data-highlighted={c.id === highlighted || undefined}
                      style={
                        c.id === highlighted
                          ? { outline: "3px solid var(--mantine-color-orange-6)" }
                          : undefined
                      }
                    >
                      <Table.Td>{c.weekOf}</Table.Td>
                      <Table.Td>{c.usedSinceLast ? t("chart.yes") : t("chart.no")}</Table.Td>
                      <Table.Td>{c.craving}</Table.Td>
                      <Table.Td>{c.mood}</Table.Td>
                      <Table.Td>{c.meetingsAttended}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {c.flags.map((f) => (
                            <Badge key={f} color={f === "use_resumed" ? "red" : "orange"} variant="light">
                              {t(`flags.${f}`)}
                            </Badge>
                          ))}
                        </Group>
                        {c.note && <Text size="sm">{c.note}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Card>
  );
}
