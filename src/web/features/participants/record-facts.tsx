import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { useHasPermission } from "../admin/api/get-my-permissions";
import { formatDate } from "../admin/format";
import { levelLabel } from "./level-label";
import { SobrietyDateModal } from "./sobriety-date-modal";

/** One labelled fact: the label above, the value below (a description list entry). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </Stack>
  );
}

/** The facts staff look for first: level, days in program, counselor, sobriety date, open alerts. */
export function RecordFacts({ record }: { record: ParticipantRecord }) {
  const { t, i18n } = useTranslation("admin");
  const canEditSobriety = useHasPermission("clinical.write");
  const seesAlerts = useHasPermission("alerts.view");
  const [editingSobriety, setEditingSobriety] = useState(false);
  const date = (iso: string) => formatDate(iso, i18n.language);
  const current = record.current;
  return (
    <Stack gap="sm">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
        <Fact label={t("record.facts.levelOfCare")}>
          {current ? levelLabel(current.levelOfCare, t) : t("record.facts.notInProgram")}
        </Fact>
        {current && (
          <Fact label={t("record.facts.daysInProgram")}>
            {t("record.facts.days", { count: current.daysInProgram, since: date(current.admittedOn) })}
          </Fact>
        )}
        {current && (
          <Fact label={t("record.facts.primaryCounselor")}>
            {current.primaryCounselor ?? t("record.facts.noCounselor")}
          </Fact>
        )}
        <Fact label={t("record.facts.sobrietyOn")}>
          <Group gap="xs" component="span">
            <span>{record.sobrietyOn ? date(record.sobrietyOn) : t("record.facts.notRecorded")}</span>
            {canEditSobriety && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => setEditingSobriety(true)}
                aria-label={t("record.sobriety.editLabel")}
              >
                {t("record.sobriety.edit")}
              </Button>
            )}
          </Group>
        </Fact>
        <Fact label={t("record.facts.openAlerts")}>
          <Group gap="xs">
            <Badge color={record.openAlerts > 0 ? "red" : "gray"} variant="light" size="lg">
              {record.openAlerts.toLocaleString(i18n.language)}
            </Badge>
            {seesAlerts && record.openAlerts > 0 && (
              <Anchor component={Link} to={`/staff/alerts?participantId=${record.id}`} size="sm">
                {t("alertInbox.seeForParticipant")}
              </Anchor>
            )}
          </Group>
        </Fact>
      </SimpleGrid>
      {editingSobriety && <SobrietyDateModal record={record} onClose={() => setEditingSobriety(false)} />}
    </Stack>
  );
}
