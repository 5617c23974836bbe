import { Anchor, Badge, Button, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/use-page-title";
import { useAcknowledgeAlert } from "../alerts/api/change-alert";
import { type AlertStatus, useAlerts } from "./api/get-alerts";
import { requestErrorKey } from "./form-errors";
import { formatDateTime } from "./format";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "./page-states";

/** Break-the-glass alerts: who opened which record, why, and for how long; acknowledge each. */
export function AccessAlertsPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("alerts.title"));
  const [status, setStatus] = useState<AlertStatus>("open");
  const alerts = useAlerts(status);
  const acknowledge = useAcknowledgeAlert();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Stack maw={1200}>
      <PageHeader title={t("alerts.title")} />
      <Text>{t("alerts.intro")}</Text>
      <SegmentedControl
        aria-label={t("alerts.show")}
        value={status}
        onChange={(value) => setStatus(value as AlertStatus)}
        data={[
          { value: "open", label: t("alerts.open") },
          { value: "all", label: t("alerts.all") },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      {alerts.isPending && <TableSkeleton rows={3} />}
      {alerts.isError && <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.data &&
        (alerts.data.alerts.length === 0 ? (
          <EmptyState>{status === "open" ? t("alerts.emptyOpen") : t("alerts.emptyAll")}</EmptyState>
        ) : (
          <ScrollTable label={t("alerts.tableLabel")} minWidth={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("alerts.columns.when")}</Table.Th>
                <Table.Th scope="col">{t("alerts.columns.staff")}</Table.Th>
                <Table.Th scope="col">{t("alerts.columns.participant")}</Table.Th>
                <Table.Th scope="col">{t("alerts.columns.reason")}</Table.Th>
                <Table.Th scope="col">{t("alerts.columns.until")}</Table.Th>
                <Table.Th scope="col">{t("alerts.columns.review")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.data.alerts.map((alert) => (
                <Table.Tr key={alert.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{when(alert.createdAt)}</Table.Td>
                  <Table.Td>{alert.staff.displayName}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/participants/${alert.participant.id}`} size="sm">
                      {alert.participant.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {alert.site.name}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={360}>{alert.reason}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{when(alert.expiresAt)}</Table.Td>
                  <Table.Td>
                    {alert.acknowledgedAt ? (
                      <Badge color="gray" variant="light">
                        {t("alerts.acknowledgedBy", {
                          name: alert.acknowledgedBy ?? "—",
                          when: when(alert.acknowledgedAt),
                        })}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        loading={acknowledge.isPending && acknowledge.variables === alert.id}
                        aria-label={t("alerts.acknowledgeLabel", {
                          staff: alert.staff.displayName,
                          participant: alert.participant.name,
                        })}
                        onClick={() =>
                          acknowledge.mutate(alert.id, {
                            onSuccess: () =>
                              notifications.show({ color: "green", message: t("alerts.acknowledged") }),
                            onError: (error) =>
                              notifications.show({ color: "red", message: t(requestErrorKey(error)) }),
                          })
                        }
                      >
                        {t("alerts.acknowledge")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ))}
    </Stack>
  );
}
