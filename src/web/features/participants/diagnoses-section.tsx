import { Badge, Group, List, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { EmptyState } from "../admin/page-states";
import { RecordSection } from "./record-section";

/** The diagnoses, primary marked; a plain note when the role may not read them. */
export function DiagnosesSection({ diagnoses }: { diagnoses: ParticipantRecord["diagnoses"] }) {
  const { t } = useTranslation("admin");
  return (
    <RecordSection title={t("record.diagnoses.title")} id="diagnoses">
      {diagnoses === null ? (
        <Group gap="xs">
          <IconLock size={16} aria-hidden />
          <Text>{t("record.diagnoses.notPermitted")}</Text>
        </Group>
      ) : diagnoses.length === 0 ? (
        <EmptyState>{t("record.diagnoses.empty")}</EmptyState>
      ) : (
        <List spacing={4}>
          {diagnoses.map((d) => (
            <List.Item key={d.code}>
              <Text span fw={600}>
                {d.code}
              </Text>{" "}
              {d.title}
              {d.primary && (
                <Badge ml="xs" size="sm" variant="light">
                  {t("record.diagnoses.primary")}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </RecordSection>
  );
}
