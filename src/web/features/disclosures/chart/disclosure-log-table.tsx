import { Alert, Button, Group, Select, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DISCLOSURE_BASES, type DisclosureBasis } from "../../../../core/disclosures/disclosure.schema";
import { DISCLOSURE_PAGE_SIZE, useParticipantDisclosures } from "../api/get-participant-disclosures";

/** The chart's disclosure log: newest first, a page at a time, optionally one basis. */
export function DisclosureLogTable({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation("disclosures");
  const [page, setPage] = useState(1);
  const [basis, setBasis] = useState<DisclosureBasis | null>(null);
  const log = useParticipantDisclosures(participantId, page, basis);
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / DISCLOSURE_PAGE_SIZE));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Stack gap="sm">
      <Select
        label={t("staff.filter")}
        w={260}
        value={basis ?? "all"}
        allowDeselect={false}
        data={[
          { value: "all", label: t("staff.allBases") },
          ...DISCLOSURE_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) })),
        ]}
        onChange={(value) => {
          setBasis(value === "all" || value === null ? null : (value as DisclosureBasis));
          setPage(1);
        }}
      />
      {log.isPending ? (
        <Skeleton h={80} aria-label={t("staff.loading")} />
      ) : log.isError ? (
        <Alert color="red" role="alert">
          {t("staff.error")}
        </Alert>
      ) : log.data.entries.length === 0 ? (
        <Text c="dimmed">{t("staff.empty")}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("staff.columns.when")}</Table.Th>
                  <Table.Th scope="col">{t("staff.columns.recipient")}</Table.Th>
                  <Table.Th scope="col">{t("staff.columns.information")}</Table.Th>
                  <Table.Th scope="col">{t("staff.columns.basis")}</Table.Th>
                  <Table.Th scope="col">{t("staff.columns.by")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <time dateTime={entry.disclosedAt}>{when.format(new Date(entry.disclosedAt))}</time>
                    </Table.Td>
                    <Table.Td>{entry.recipientName}</Table.Td>
                    <Table.Td>
                      {entry.information.length > 0
                        ? entry.information.map((s) => t(`scopes.${s}`)).join(", ")
                        : "—"}
                    </Table.Td>
                    <Table.Td>
                      {t(`basis.${entry.basis}`)}
                      <Text size="xs" c="dimmed">
                        {entry.purpose}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.disclosedByName === null
                        ? "—"
                        : entry.channel === "family_portal"
                          ? t("staff.viewedBy", { name: entry.disclosedByName })
                          : entry.disclosedByName}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Group gap="xs">
              <Button variant="default" size="xs" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t("staff.previous")}
              </Button>
              <Text size="sm" aria-live="polite">
                {t("staff.page", { page, pages })}
              </Text>
              <Button variant="default" size="xs" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t("staff.next")}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
