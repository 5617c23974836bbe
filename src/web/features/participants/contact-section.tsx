import { SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { RecordSection } from "./record-section";

const CONTACT_FIELDS = [
  "phone",
  "email",
  "address",
  "emergencyContactName",
  "emergencyContactPhone",
  "insurancePayer",
  "insuranceMemberId",
] as const;

/** How to reach the person, their emergency contact and their insurance, as recorded at admission. */
export function ContactSection({ contact }: { contact: ParticipantRecord["contact"] }) {
  const { t } = useTranslation("admin");
  return (
    <RecordSection title={t("record.contact.title")} id="contact">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" m={0}>
        {CONTACT_FIELDS.map((field) => (
          <div key={field}>
            <Text component="dt" size="sm" c="dimmed">
              {t(`record.contact.${field}`)}
            </Text>
            <Text component="dd" m={0} style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
              {contact[field] || t("record.contact.notRecorded")}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </RecordSection>
  );
}
