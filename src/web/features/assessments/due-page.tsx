import { Anchor, Badge, Group, NativeSelect, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconClock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  DUE_STATUS_FILTERS,
  type DueListItem,
  type DueListQuery,
} from "../../../core/assessments/measurement-schedule.schema";
import { usePageTitle } from "../../app/use-page-title";
import { formatDate } from "../admin/format";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "../admin/page-states";
import { Pager } from "../admin/pager";
import { useDueMeasures } from "./api/get-due-measures";
import { useMeasurementSchedule } from "./api/get-measurement-schedule";
import { dueQueryFromParams, paramsFromDueQuery } from "./due-params";
import { dueReasonText, instrumentTitle } from "./due-reason";

/** The staff worklist: questionnaires the schedule asks of the participants I care for, longest-waiting first. */
export function DuePage() {
  const { t, i18n } = useTranslation("assessments");
  usePageTitle(t("due.title"));
  const [params, setParams] = useSearchParams();
  const query = dueQueryFromParams(params);
  const due = useDueMeasures(query);
  const schedule = useMeasurementSchedule();
  const change = (next: Partial<DueListQuery>) =>
    setParams(paramsFromDueQuery({ ...query, page: 1, ...next }), { replace: true });
  const n = (value: number) => value.toLocaleString(i18n.language);
  const scheduled = new Set(schedule.data?.entries.map((e) => e.instrumentKey) ?? []);
  const instruments = (schedule.data?.instruments ?? []).filter((i) => scheduled.has(i.key));
  const filtered = query.status !== "all" || query.instrumentKey !== undefined;

  return (
    <Stack maw={1200}>
      <PageHeader title={t("due.title")}>
        {due.data && (
          <Text size="sm" aria-live="polite">
            {t("due.counts", { overdue: n(due.data.counts.overdue), due: n(due.data.counts.due) })}
          </Text>
        )}
      </PageHeader>
      <Text>{t("due.intro")}</Text>

      <Group align="flex-end" gap="sm" role="group" aria-label={t("due.filters.label")}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="due-scope-label">
            {t("due.filters.scope")}
          </Text>
          <SegmentedControl
            aria-labelledby="due-scope-label"
            value={query.scope}
            onChange={(value) => change({ scope: value as DueListQuery["scope"] })}
            data={[
              { value: "mine", label: t("due.filters.scopeMine") },
              { value: "site", label: t("due.filters.scopeSite") },
            ]}
          />
        </Stack>
        <NativeSelect
          label={t("due.filters.status")}
          value={query.status}
          onChange={(e) => change({ status: e.currentTarget.value as DueListQuery["status"] })}
          data={DUE_STATUS_FILTERS.map((s) => ({ value: s, label: t(`due.statusFilters.${s}`) }))}
        />
        <NativeSelect
          label={t("due.filters.instrument")}
          value={query.instrumentKey ?? ""}
          onChange={(e) => change({ instrumentKey: e.currentTarget.value || undefined })}
          data={[
            { value: "", label: t("due.filters.anyInstrument") },
            ...instruments.map((i) => ({ value: i.key, label: instrumentTitle(i, i18n.language) })),
          ]}
        />
      </Group>

      {due.isPending && <TableSkeleton rows={5} />}
      {due.isError && <LoadError error={due.error} onRetry={() => void due.refetch()} />}
      {due.data &&
        (due.data.items.length === 0 ? (
          <EmptyState>{filtered ? t("due.emptyFiltered") : t("due.empty")}</EmptyState>
        ) : (
          <>
            <ScrollTable label={t("due.tableLabel")} minWidth={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("due.columns.participant")}</Table.Th>
                  <Table.Th scope="col">{t("due.columns.instrument")}</Table.Th>
                  <Table.Th scope="col">{t("due.columns.dueOn")}</Table.Th>
                  <Table.Th scope="col">{t("due.columns.status")}</Table.Th>
                  <Table.Th scope="col">{t("due.columns.why")}</Table.Th>
                  <Table.Th scope="col">{t("due.columns.assigned")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {due.data.items.map((item) => (
                  <DueRow key={`${item.participant.id}:${item.instrumentKey}`} item={item} />
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Pager
              page={query.page}
              pageSize={query.pageSize}
              total={due.data.total}
              onPage={(page) => change({ page })}
              onPageSize={(pageSize) => change({ pageSize })}
            />
          </>
        ))}
    </Stack>
  );
}

function DueRow({ item }: { item: DueListItem }) {
  const { t, i18n } = useTranslation("assessments");
  const language = i18n.language;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/staff/participants/${encodeURIComponent(item.participant.id)}?tab=assessments`}
          aria-label={t("due.openChart", { name: item.participant.name })}
          size="sm"
          fw={500}
        >
          {item.participant.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {item.site.name}
        </Text>
      </Table.Td>
      <Table.Td>{instrumentTitle(item, language)}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(item.dueOn, language)}</Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={item.status === "overdue" ? "red" : "blue"}
          leftSection={
            item.status === "overdue" ? (
              <IconAlertTriangle size={14} aria-hidden />
            ) : (
              <IconClock size={14} aria-hidden />
            )
          }
        >
          {t(`due.statuses.${item.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{dueReasonText(item.reason, t, language)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={item.openAssignment ? undefined : "dimmed"}>
          {item.openAssignment
            ? t("due.assigned", { date: formatDate(item.openAssignment.dueOn, language) })
            : t("due.notAssigned")}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
