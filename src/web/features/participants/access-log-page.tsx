import { Anchor, Badge, Button, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/use-page-title";
import { formatDateTime } from "../admin/format";
import { EmptyState, LoadError, ScrollTable, TableSkeleton } from "../admin/page-states";
import { useAccessLog } from "./api/get-access-log";

/** "Who accessed this record": each view, by whom, for what purpose; older entries on request. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("accessLog.title"));
  const { id = "" } = useParams();
  const log = useAccessLog(id);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Stack maw={1000}>
      <Anchor component={Link} to={`/staff/participants/${id}`} size="sm">
        {t("accessLog.back")}
      </Anchor>
      <Title order={1}>{t("accessLog.title")}</Title>
      <Text>{t("accessLog.intro")}</Text>
      {log.isPending && <TableSkeleton />}
      {log.isError && <LoadError error={log.error} onRetry={() => void log.refetch()} />}
      {log.data &&
        (entries.length === 0 ? (
          <EmptyState>{t("accessLog.empty")}</EmptyState>
        ) : (
          <>
            <ScrollTable label={t("accessLog.title")} minWidth={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("audit.columns.time")}</Table.Th>
                  <Table.Th scope="col">{t("accessLog.who")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.action")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.purpose")}</Table.Th>
                  <Table.Th scope="col">{t("audit.columns.outcome")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries carry no id; the order is fixed
                  <Table.Tr key={`${entry.occurredAt}-${index}`}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <time dateTime={entry.occurredAt}>
                        {formatDateTime(entry.occurredAt, i18n.language)}
                      </time>
                    </Table.Td>
                    <Table.Td>
                      {entry.actor ? (
                        <>
                          <Text size="sm">{entry.actor.displayName}</Text>
                          <Text size="xs" c="dimmed">
                            {entry.actor.roles
                              .map((r) => t(`roleNames.${r}`, { defaultValue: r }))
                              .join(", ") ||
                              t(`kinds.${entry.actor.kind}`, { defaultValue: entry.actor.kind })}
                          </Text>
                        </>
                      ) : (
                        t("audit.system")
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {entry.action}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`purposes.${entry.purpose}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={entry.outcome === "denied" ? "red" : "green"} variant="light">
                        {t(`outcomes.${entry.outcome}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            {log.hasNextPage ? (
              <Button
                variant="default"
                style={{ alignSelf: "flex-start" }}
                loading={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {t("accessLog.older")}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t("audit.end")}
              </Text>
            )}
          </>
        ))}
    </Stack>
  );
}
