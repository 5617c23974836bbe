import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LeadDetail } from "../../../core/admissions/leads.schema";
import type { Screening } from "../../../core/admissions/screening.schema";
import { formatDateTime } from "../admin/format";
import { ScrollTable } from "../admin/page-states";
import { dimensionName } from "../participants/level-label";
import { ScreeningForm } from "./screening-form";

const SCREENABLE = ["screening_scheduled", "screened"];

function RecordedScreening({ screening }: { screening: Screening }) {
  const { t, i18n } = useTranslation("intake");
  const date = formatDateTime(screening.screenedAt, i18n.language);
  return (
    <Stack gap="sm">
      <Text fw={600}>
        {screening.screenedBy
          ? t("screening.recordedTitle", { date, name: screening.screenedBy })
          : t("screening.recordedTitleNoName", { date })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Text size="sm">
          {t("screening.suggested")}: <strong>{screening.suggestedLevel}</strong>
        </Text>
        <Text size="sm">
          {t("screening.recommended")}: <strong>{screening.recommendedLevel}</strong>
        </Text>
        <Text size="sm">
          {t("screening.provided")}: <strong>{screening.providedLevel}</strong>
        </Text>
      </SimpleGrid>
      {screening.differenceReason && (
        <Text size="sm">
          {t("screening.differenceReason")}: {t(`differenceReasons.${screening.differenceReason}`)}
          {screening.differenceNote ? ` — ${screening.differenceNote}` : ""}
        </Text>
      )}
      <ScrollTable label={t("screening.ratingsTableLabel")} minWidth={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("screening.columns.dimension")}</Table.Th>
            <Table.Th scope="col">{t("screening.columns.rating")}</Table.Th>
            <Table.Th scope="col">{t("screening.columns.justification")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {screening.dimensions.map((name, i) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" fw={400}>
                {i + 1}. {dimensionName(screening.edition, i, t)}
              </Table.Th>
              <Table.Td>{screening.ratings[i]}</Table.Td>
              <Table.Td style={{ whiteSpace: "pre-wrap" }}>{screening.justifications[i] || "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

/** The latest screening, or the form to record one while screening is scheduled or done. */
export function ScreeningSection({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation("intake");
  const [again, setAgain] = useState(false);
  const canScreen = SCREENABLE.includes(lead.stage);
  return (
    <Card withBorder component="section" aria-labelledby="screening-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="screening-title">
            {t("screening.title")}
          </Title>
          {lead.screening && canScreen && !again && (
            <Button variant="default" onClick={() => setAgain(true)}>
              {t("screening.again")}
            </Button>
          )}
        </Group>
        {lead.screening && !again && <RecordedScreening screening={lead.screening} />}
        {canScreen && (!lead.screening || again) && (
          <ScreeningForm lead={lead} onDone={lead.screening ? () => setAgain(false) : undefined} />
        )}
        {!canScreen && !lead.screening && <Text c="dimmed">{t("screening.notYet")}</Text>}
      </Stack>
    </Card>
  );
}
