import {
  Alert,
  Anchor,
  Badge,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconInfoCircle, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  PARTICIPANT_SORTS,
  type ParticipantListQuery,
  type ParticipantSort,
} from "../../../core/participants/participants.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useSites } from "../admin/api/get-sites";
import { formatDate } from "../admin/format";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "../admin/page-states";
import { Pager } from "../admin/pager";
import { YesterdayCheckInBadge } from "../check-ins/chart/yesterday-check-in-badge";
import { useParticipants } from "./api/get-participants";
import { KeyScores } from "./key-scores";
import { listQueryFromParams, nextSort, paramsFromListQuery } from "./list-params";
import { SortableHeader } from "./sortable-header";

type Status = ParticipantListQuery["status"];

/**
 * Participants the staff member may see: search, current/past, site, sort, pages — all kept in the
 * address; each row opens the record.
 */
export function ParticipantsPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("participants.title"));
  const [params, setParams] = useSearchParams();
  const query = listQueryFromParams(params);
  /** Any change but turning the page starts again at page 1. */
  const update = (changes: Partial<ParticipantListQuery>, options?: { replace?: boolean }) =>
    setParams(paramsFromListQuery({ ...query, page: 1, ...changes }), options);
  const [search, setSearch] = useState(query.q ?? "");
  const applySearch = useDebouncedCallback((value: string) => {
    if (value.trim() !== (query.q ?? "")) update({ q: value.trim() || undefined }, { replace: true });
  }, 300);
  const q = query.q ?? "";
  const siteId = query.siteId ?? "";
  const status = query.status;
  const sites = useSites();
  const list = useParticipants(query);
  // The key-scores column only for those who may read clinical content of someone on the page.
  const showClinical = list.data?.participants.some((p) => p.clinical !== null) ?? false;
  const filtered = q !== "" || siteId !== "" || status !== "current";
  const sortHeader = (column: ParticipantSort) => (
    <SortableHeader
      key={column}
      label={t(`participants.columns.${column}`)}
      sorted={query.sort === column ? query.dir : null}
      onSort={() => update(nextSort(query, column))}
    />
  );
  const date = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : "—");

  return (
    <Stack maw={1200}>
      <PageHeader title={t("participants.title")} />
      <Group align="flex-end" gap="sm" role="search" aria-label={t("participants.filters.label")}>
        <TextInput
          type="search"
          label={t("participants.filters.search")}
          placeholder={t("participants.filters.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          w={{ base: "100%", sm: 260 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="participant-status-label">
            {t("participants.filters.status")}
          </Text>
          <SegmentedControl
            aria-labelledby="participant-status-label"
            value={status}
            onChange={(value) => update({ status: value as Status })}
            data={[
              { value: "current", label: t("participants.status.current") },
              { value: "past", label: t("participants.status.past") },
              { value: "all", label: t("participants.status.all") },
            ]}
          />
        </Stack>
        {(sites.data?.sites.length ?? 0) > 1 && (
          <NativeSelect
            label={t("participants.filters.site")}
            value={siteId}
            onChange={(event) => update({ siteId: event.currentTarget.value || undefined })}
            data={[
              { value: "", label: t("participants.filters.allSites") },
              ...(sites.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
      </Group>
      {list.data?.scope === "care_team" && (
        <Alert variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t("participants.careTeamOnly")}
        </Alert>
      )}
      {list.data?.approximate && q !== "" && (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />} role="status">
          {t("participants.approximate", { q })}
        </Alert>
      )}
      {list.isPending && <TableSkeleton />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (list.data.participants.length === 0 ? (
          <EmptyState>
            {filtered
              ? t("participants.emptyFiltered")
              : list.data.scope === "care_team"
                ? t("participants.emptyCareTeam")
                : t("participants.empty")}
          </EmptyState>
        ) : (
          <>
            <ScrollTable
              label={t("participants.sort.caption", {
                column: t(`participants.columns.${query.sort}`),
                direction: t(`participants.sort.${query.dir}`),
              })}
              minWidth={showClinical ? 1260 : 860}
            >
              <Table.Thead>
                <Table.Tr>
                  {PARTICIPANT_SORTS.map(sortHeader)}
                  {showClinical && <Table.Th scope="col">{t("participants.clinical.column")}</Table.Th>}
                  {showClinical && <Table.Th scope="col">{t("checkInsStaff:caseload.column")}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.participants.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/staff/participants/${p.id}`} fw={600} size="sm">
                        {p.name}
                      </Anchor>
                      {p.onMyCareTeam && (
                        <Badge ml="xs" size="xs" variant="light" color="teal">
                          {t("participants.onMyCareTeam")}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>{p.siteName}</Table.Td>
                    <Table.Td>{p.trackName ?? "—"}</Table.Td>
                    <Table.Td>{date(p.admittedOn)}</Table.Td>
                    <Table.Td>{date(p.dischargedOn)}</Table.Td>
                    <Table.Td>{p.primaryCounselor ?? "—"}</Table.Td>
                    {showClinical && (
                      <Table.Td>{p.clinical ? <KeyScores clinical={p.clinical} /> : "—"}</Table.Td>
                    )}
                    {showClinical && (
                      <Table.Td>
                        {p.yesterdayCheckIn ? <YesterdayCheckInBadge state={p.yesterdayCheckIn} /> : "—"}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Pager
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPage={(page) => setParams(paramsFromListQuery({ ...query, page }))}
              onPageSize={(pageSize) => update({ pageSize })}
            />
          </>
        ))}
    </Stack>
  );
}
