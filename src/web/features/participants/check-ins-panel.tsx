import { Group, Table, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { formatDate } from "../admin/format";
import { EmptyState, ScrollTable } from "../admin/page-states";
import { RecordSection } from "./record-section";

/** The participant's recent daily check-ins, newest first; a plain note when the role may not read them. */
export function CheckInsPanel({ checkIns }: { checkIns: ParticipantRecord["recentCheckIns"] }) {
  const { t, i18n } = useTranslation("admin");
  return (
    <RecordSection title={t("record.checkIns.title")} id="check-ins">
      {checkIns === null ? (
        <Group gap="xs">
          <IconLock size={16} aria-hidden />
          <Text>{t("record.checkIns.notPermitted")}</Text>
        </Group>
      ) : checkIns.length === 0 ? (
        <EmptyState>{t("record.checkIns.empty")}</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {t("record.checkIns.newestFirst")}
          </Text>
          <ScrollTable label={t("record.checkIns.title")} minWidth={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("record.checkIns.on")}</Table.Th>
                <Table.Th scope="col">{t("record.checkIns.mood")}</Table.Th>
                <Table.Th scope="col">{t("record.checkIns.craving")}</Table.Th>
                <Table.Th scope="col">{t("record.checkIns.anyUse")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checkIns.map((c) => (
                <Table.Tr key={c.on}>
                  <Table.Td>{formatDate(c.on, i18n.language)}</Table.Td>
                  <Table.Td>{c.mood.toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>{c.craving.toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>
                    {c.anyUse ? (
                      <Text span fw={700}>
                        {t("record.checkIns.yes")}
                      </Text>
                    ) : (
                      t("record.checkIns.no")
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      )}
    </RecordSection>
  );
}
