import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CLOSED_STAGES, PIPELINE_STAGES, type PipelineStage } from "../../../core/admissions/pipeline.rules";
import { usePageTitle } from "../../app/use-page-title";
import { useSites } from "../admin/api/get-sites";
import { EmptyState, LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { Pager } from "../admin/pager";
import { type LeadSummary, useLeads } from "./api/get-leads";
import { LeadCard } from "./lead-card";

export const OPEN_STAGES = PIPELINE_STAGES.filter((s) => !CLOSED_STAGES.includes(s));
type StageFilter = PipelineStage | "open" | "all";

function Column({ stage, leads, now }: { stage: PipelineStage; leads: LeadSummary[]; now: number }) {
  const { t } = useTranslation("intake");
  const headingId = `stage-${stage}`;
  return (
    <Paper component="section" aria-labelledby={headingId} bg="gray.0" p="xs" radius="md">
      <Title order={2} size="h5" id={headingId} mb="xs">
        {t("pipeline.columnCount", { stage: t(`stages.${stage}`), count: leads.length })}
      </Title>
      {leads.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("pipeline.emptyColumn")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {leads.map((lead) => (
            <li key={lead.id}>
              <LeadCard lead={lead} now={now} showStage={false} />
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The admissions pipeline: a board by open stage on wide screens, a filtered list on phones. */
export function PipelinePage() {
  const { t } = useTranslation("intake");
  usePageTitle(t("pipeline.title"));
  const wide = useMediaQuery("(min-width: 62em)") ?? false;
  const [stage, setStage] = useState<StageFilter>("open");
  const [siteId, setSiteId] = useState("");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const board = wide && stage === "open";
  const sites = useSites();
  const list = useLeads({
    stage,
    siteId: siteId || undefined,
    q: q || undefined,
    mine: mine ? "true" : undefined,
    overdue: overdue ? "true" : undefined,
    page: board ? 1 : page,
    pageSize: board ? 100 : pageSize,
  });
  const [now] = useState(() => Date.now());
  const filtered = q !== "" || siteId !== "" || mine || overdue || stage !== "open";
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack maw={1400}>
      <PageHeader title={t("pipeline.title")}>
        <Button component={Link} to="referrals/new" leftSection={<IconPlus size={18} aria-hidden />}>
          {t("pipeline.recordReferral")}
        </Button>
      </PageHeader>
      <Group align="flex-end" gap="sm" role="search" aria-label={t("pipeline.filters.label")}>
        <NativeSelect
          label={t("pipeline.filters.stage")}
          value={stage}
          onChange={(e) => reset(setStage)(e.currentTarget.value as StageFilter)}
          data={[
            { value: "open", label: t("pipeline.filters.open") },
            { value: "all", label: t("pipeline.filters.all") },
            ...PIPELINE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) })),
          ]}
        />
        {(sites.data?.sites.length ?? 0) > 1 && (
          <NativeSelect
            label={t("pipeline.filters.site")}
            value={siteId}
            onChange={(e) => reset(setSiteId)(e.currentTarget.value)}
            data={[
              { value: "", label: t("pipeline.filters.allSites") },
              ...(sites.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
        <TextInput
          type="search"
          label={t("pipeline.filters.search")}
          placeholder={t("pipeline.filters.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => reset(setSearch)(e.currentTarget.value)}
          w={{ base: "100%", sm: 240 }}
        />
        <Checkbox
          label={t("pipeline.filters.mine")}
          checked={mine}
          onChange={(e) => reset(setMine)(e.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t("pipeline.filters.overdue")}
          checked={overdue}
          onChange={(e) => reset(setOverdue)(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {list.isPending && <TableSkeleton />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (list.data.leads.length === 0 && !board ? (
          <EmptyState>{filtered ? t("pipeline.emptyFiltered") : t("pipeline.empty")}</EmptyState>
        ) : board ? (
          <SimpleGrid cols={4} spacing="sm" aria-label={t("pipeline.boardLabel")} role="group">
            {OPEN_STAGES.map((s) => (
              <Column key={s} stage={s} leads={list.data.leads.filter((l) => l.stage === s)} now={now} />
            ))}
          </SimpleGrid>
        ) : (
          <>
            <Stack
              gap="xs"
              component="ul"
              aria-label={t("pipeline.listLabel")}
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {list.data.leads.map((lead) => (
                <li key={lead.id}>
                  <LeadCard lead={lead} now={now} showStage />
                </li>
              ))}
            </Stack>
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
