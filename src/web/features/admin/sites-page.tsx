import { Button, Group, Stack, Table } from "@mantine/core";
import { IconFileText, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/use-page-title";
import { type Site, useSites } from "./api/get-sites";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "./page-states";
import { ProgramPageModal } from "./program-page-modal";
import { SiteModal } from "./site-modal";

/** Sites: name, time zone, staff and current participants; create, rename, and edit the public page. */
export function SitesPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("sites.title"));
  const sites = useSites();
  const [editing, setEditing] = useState<Site | "new" | null>(null);
  const [editingPage, setEditingPage] = useState<Site | null>(null);
  const n = (value: number) => value.toLocaleString(i18n.language);
  return (
    <Stack maw={960}>
      <PageHeader title={t("sites.title")}>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing("new")}>
          {t("sites.create")}
        </Button>
      </PageHeader>
      {sites.isPending && <TableSkeleton rows={3} />}
      {sites.isError && <LoadError error={sites.error} onRetry={() => void sites.refetch()} />}
      {sites.data &&
        (sites.data.sites.length === 0 ? (
          <EmptyState>{t("sites.empty")}</EmptyState>
        ) : (
          <ScrollTable label={t("sites.tableLabel")} minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("sites.columns.name")}</Table.Th>
                <Table.Th scope="col">{t("sites.columns.timeZone")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("sites.columns.staff")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("sites.columns.participants")}
                </Table.Th>
                <Table.Th scope="col">{t("users.columns.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.data.sites.map((site) => (
                <Table.Tr key={site.id}>
                  <Table.Th scope="row">{site.name}</Table.Th>
                  <Table.Td>{site.timeZone}</Table.Td>
                  <Table.Td ta="right">{n(site.staffCount)}</Table.Td>
                  <Table.Td ta="right">{n(site.currentParticipants)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(site)}
                        aria-label={t("sites.editLabel", { name: site.name })}
                      >
                        {t("sites.edit")}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconFileText size={14} aria-hidden />}
                        onClick={() => setEditingPage(site)}
                        aria-label={t("sites.editPageLabel", { name: site.name })}
                      >
                        {t("sites.editPage")}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ))}
      {editingPage && <ProgramPageModal site={editingPage} onClose={() => setEditingPage(null)} />}
      {editing && <SiteModal site={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
