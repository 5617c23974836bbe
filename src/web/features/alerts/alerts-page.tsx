import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATE_FILTERS,
  type Alert,
  type AlertListQuery,
} from "../../../core/alerts/alerts.schema";
import { usePageTitle } from "../../app/use-page-title";
import { formatDateTime } from "../admin/format";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "../admin/page-states";
import { Pager } from "../admin/pager";
import { alertQueryFromParams, paramsFromAlertQuery } from "./alert-params";
import { useAlerts } from "./api/get-alerts";
import { SeverityBadge } from "./severity-badge";

/** The alert inbox: what needs attention about the participants I care for, most pressing first. */
export function AlertsPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("alertInbox.title"));
  const [params, setParams] = useSearchParams();
  const query = alertQueryFromParams(params);
  const alerts = useAlerts(query);
  const change = (next: Partial<AlertListQuery>) =>
    setParams(paramsFromAlertQuery({ ...query, page: 1, ...next }), { replace: true });
  const n = (value: number) => value.toLocaleString(i18n.language);
  const counts = alerts.data?.counts;

  return (
    <Stack maw={1200}>
      <PageHeader title={t("alertInbox.title")}>
        {counts && (
          <Text size="sm" aria-live="polite">
            {t("alertInbox.counts", { open: n(counts.open), mine: n(counts.openMine) })}
          </Text>
        )}
      </PageHeader>
      <Text>{t("alertInbox.intro")}</Text>

      <Group align="flex-end" gap="sm" role="group" aria-label={t("alertInbox.filters.label")}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="alert-scope-label">
            {t("alertInbox.filters.scope")}
          </Text>
          <SegmentedControl
            aria-labelledby="alert-scope-label"
            value={query.scope}
            onChange={(value) => change({ scope: value as AlertListQuery["scope"] })}
            data={[
              { value: "mine", label: t("alertInbox.filters.scopeMine") },
              { value: "all", label: t("alertInbox.filters.scopeAll") },
            ]}
          />
        </Stack>
        <NativeSelect
          label={t("alertInbox.filters.state")}
          value={query.state}
          onChange={(e) => change({ state: e.currentTarget.value as AlertListQuery["state"] })}
          data={ALERT_STATE_FILTERS.map((s) => ({ value: s, label: t(`alertInbox.stateFilters.${s}`) }))}
        />
        <NativeSelect
          label={t("alertInbox.filters.severity")}
          value={query.severity ?? ""}
          onChange={(e) =>
            change({ severity: (e.currentTarget.value || undefined) as AlertListQuery["severity"] })
          }
          data={[
            { value: "", label: t("alertInbox.filters.any") },
            ...[...ALERT_SEVERITIES]
              .reverse()
              .map((s) => ({ value: s, label: t(`alertInbox.severities.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t("alertInbox.filters.kind")}
          value={query.kind ?? ""}
          onChange={(e) => change({ kind: (e.currentTarget.value || undefined) as AlertListQuery["kind"] })}
          data={[
            { value: "", label: t("alertInbox.filters.any") },
            ...ALERT_KINDS.map((k) => ({ value: k, label: t(`alertInbox.kinds.${k}`) })),
          ]}
        />
        {query.participantId && (
          <Button variant="default" onClick={() => change({ participantId: undefined })}>
            {t("alertInbox.filters.clearParticipant")}
          </Button>
        )}
      </Group>

      {alerts.isPending && <TableSkeleton rows={4} />}
      {alerts.isError && <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.data &&
        (alerts.data.alerts.length === 0 ? (
          <EmptyState>
            {query.state === "active" && query.scope === "all" && !query.severity && !query.kind
              ? t("alertInbox.emptyActive")
              : t("alertInbox.empty")}
          </EmptyState>
        ) : (
          <>
            <ScrollTable label={t("alertInbox.tableLabel")} minWidth={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("alertInbox.columns.severity")}</Table.Th>
                  <Table.Th scope="col">{t("alertInbox.columns.alert")}</Table.Th>
                  <Table.Th scope="col">{t("alertInbox.columns.participant")}</Table.Th>
                  <Table.Th scope="col">{t("alertInbox.columns.raised")}</Table.Th>
                  <Table.Th scope="col">{t("alertInbox.columns.state")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.data.alerts.map((alert) => (
                  <AlertRow key={alert.id} alert={alert} when={(iso) => formatDateTime(iso, i18n.language)} />
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Pager
              page={query.page}
              pageSize={query.pageSize}
              total={alerts.data.total}
              onPage={(page) => change({ page })}
              onPageSize={(pageSize) => change({ pageSize })}
            />
          </>
        ))}
    </Stack>
  );
}

function AlertRow({ alert, when }: { alert: Alert; when: (iso: string) => string }) {
  const { t } = useTranslation("admin");
  return (
    <Table.Tr>
      <Table.Td>
        <SeverityBadge severity={alert.severity} />
      </Table.Td>
      <Table.Td maw={420}>
        <Anchor component={Link} to={`/staff/alerts/${alert.id}`} fw={alert.state === "open" ? 700 : 500}>
          {t(`alertInbox.kinds.${alert.kind}`)}
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {alert.reason}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/staff/participants/${alert.participant.id}`} size="sm">
          {alert.participant.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {alert.site.name}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{when(alert.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Text size="sm">{t(`alertInbox.states.${alert.state}`)}</Text>
          {alert.mine && (
            <Badge size="sm" variant="outline" color="gray">
              {t("alertInbox.forYou")}
            </Badge>
          )}
          {alert.escalatedAt && alert.state === "open" && (
            <Badge size="sm" variant="light" color="red">
              {t("alertInbox.escalated")}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
