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
import { useDebouncedValue } from "@mantine/hooks";
import { IconInfoCircle, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/use-page-title";
import { useSites } from "../admin/api/get-sites";
import { formatDate } from "../admin/format";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "../admin/page-states";
import { Pager } from "../admin/pager";
import { useParticipants } from "./api/get-participants";

type Status = "current" | "past" | "all";

/** Participants the staff member may see: search, current/past, site, pages; each row opens the record. */
export function ParticipantsPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("participants.title"));
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<Status>("current");
  const [siteId, setSiteId] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const sites = useSites();
  const list = useParticipants({ q: q || undefined, status, siteId: siteId || undefined, page, pageSize });
  const filtered = q !== "" || siteId !== "" || status !== "current";
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
            setPage(1);
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
            onChange={(value) => {
              setStatus(value as Status);
              setPage(1);
            }}
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
            onChange={(event) => {
              setSiteId(event.currentTarget.value);
              setPage(1);
            }}
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
            <ScrollTable label={t("participants.tableLabel")} minWidth={860}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("participants.columns.name")}</Table.Th>
                  <Table.Th scope="col">{t("participants.columns.site")}</Table.Th>
                  <Table.Th scope="col">{t("participants.columns.track")}</Table.Th>
                  <Table.Th scope="col">{t("participants.columns.admitted")}</Table.Th>
                  <Table.Th scope="col">{t("participants.columns.discharged")}</Table.Th>
                  <Table.Th scope="col">{t("participants.columns.counselor")}</Table.Th>
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
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Pager
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPage={setPage}
              onPageSize={(size) => {
                setPageSize(size);
                setPage(1);
              }}
            />
          </>
        ))}
    </Stack>
  );
}
