import { Button, Table, Text } from "@mantine/core";
import { IconStairs } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { useHasPermission } from "../admin/api/get-my-permissions";
import { formatDate } from "../admin/format";
import { EmptyState, ScrollTable } from "../admin/page-states";
import { LevelChangeModal } from "./level-change-modal";
import { levelLabel } from "./level-label";
import { RecordSection } from "./record-section";

/** The open episode's level of care, its changes (oldest first), and a change for clinical writers. */
export function LevelOfCareSection({ record }: { record: ParticipantRecord }) {
  const { t, i18n } = useTranslation("admin");
  const canChange = useHasPermission("clinical.write");
  const [changing, setChanging] = useState(false);
  const current = record.current;
  return (
    <RecordSection
      title={t("record.level.title")}
      id="level-of-care"
      action={
        canChange &&
        current && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconStairs size={16} aria-hidden />}
            onClick={() => setChanging(true)}
          >
            {t("record.level.change")}
          </Button>
        )
      }
    >
      {current === null ? (
        <EmptyState>{t("record.level.notInProgram")}</EmptyState>
      ) : (
        <Text mb="xs">{t("record.level.current", { level: levelLabel(current.levelOfCare, t) })}</Text>
      )}
      {current &&
        (record.levelHistory.length === 0 ? (
          <EmptyState>{t("record.level.noChanges")}</EmptyState>
        ) : (
          <ScrollTable label={t("record.level.historyLabel")} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("record.level.on")}</Table.Th>
                <Table.Th scope="col">{t("record.level.levels")}</Table.Th>
                <Table.Th scope="col">{t("record.level.reason")}</Table.Th>
                <Table.Th scope="col">{t("record.level.by")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.levelHistory.map((h, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id; the order is fixed
                <Table.Tr key={index}>
                  <Table.Td>{formatDate(h.on, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t("record.level.fromTo", { from: levelLabel(h.from, t), to: levelLabel(h.to, t) })}
                  </Table.Td>
                  <Table.Td>{h.reason}</Table.Td>
                  <Table.Td>{h.by ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ))}
      {changing && current && (
        <LevelChangeModal
          record={record}
          currentLevel={current.levelOfCare}
          onClose={() => setChanging(false)}
        />
      )}
    </RecordSection>
  );
}
