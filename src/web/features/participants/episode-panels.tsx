import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { formatDate } from "../admin/format";
import { EmptyState, ScrollTable } from "../admin/page-states";
import { levelLabel } from "./level-label";
import { RecordSection } from "./record-section";

/** Every episode of care, with its admission, discharge and the reason it ended. */
export function DischargePanel({ record }: { record: ParticipantRecord }) {
  const { t, i18n } = useTranslation("admin");
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <RecordSection title={t("record.episodes.title")} id="episodes">
      {record.current && (
        <Text mb="xs">{t("record.discharge.open", { since: date(record.current.admittedOn) })}</Text>
      )}
      {record.episodes.length === 0 ? (
        <EmptyState>{t("record.episodes.empty")}</EmptyState>
      ) : (
        <ScrollTable label={t("record.episodes.title")} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("record.episodes.admitted")}</Table.Th>
              <Table.Th scope="col">{t("record.episodes.discharged")}</Table.Th>
              <Table.Th scope="col">{t("record.episodes.reason")}</Table.Th>
              <Table.Th scope="col">{t("record.episodes.level")}</Table.Th>
              <Table.Th scope="col">{t("record.episodes.track")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.episodes.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{date(e.admittedOn)}</Table.Td>
                <Table.Td>
                  {e.dischargedOn ? (
                    date(e.dischargedOn)
                  ) : (
                    <Badge variant="light">{t("record.episodes.current")}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {e.dischargeReason
                    ? t(`record.episodes.reasons.${e.dischargeReason}`, { defaultValue: e.dischargeReason })
                    : "—"}
                </Table.Td>
                <Table.Td>{levelLabel(e.levelOfCare, t)}</Table.Td>
                <Table.Td>{e.trackName ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </RecordSection>
  );
}
