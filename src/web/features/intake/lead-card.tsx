import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../admin/format";
import type { LeadSummary } from "./api/get-leads";

/** Whole days between an instant and now (never negative). */
export function ageInDays(createdAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(createdAt)) / 86_400_000));
}

/** One lead in the pipeline: person, reference, kind, owner, next action and due date, age. */
export function LeadCard({ lead, now, showStage }: { lead: LeadSummary; now: number; showStage: boolean }) {
  const { t, i18n } = useTranslation("intake");
  const due = lead.nextActionDueOn ? formatDate(lead.nextActionDueOn, i18n.language) : null;
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`lead-${lead.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={lead.id} fw={600} id={`lead-${lead.id}`}>
            {lead.personName}
          </Anchor>
          {showStage && (
            <Badge variant="light" size="sm">
              {t(`stages.${lead.stage}`)}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t("pipeline.card.reference", { reference: lead.reference })} · {lead.site.name}
        </Text>
        <Text size="sm">
          {lead.kind === "referral" && lead.referralSource
            ? t("pipeline.card.referralFrom", { source: t(`sources.${lead.referralSource}`) })
            : t(`kinds.${lead.kind}`)}
        </Text>
        <Text size="sm">
          {lead.owner
            ? t("pipeline.card.owner", { name: lead.owner.displayName })
            : t("pipeline.card.noOwner")}
        </Text>
        <Text size="sm">
          {lead.nextAction ? t("pipeline.card.next", { action: lead.nextAction }) : t("pipeline.card.noNext")}
        </Text>
        {due &&
          (lead.overdue ? (
            <Group gap={4} c="red.8" wrap="nowrap">
              <IconAlertTriangle size={16} aria-hidden />
              <Text size="sm" fw={700} c="red.8">
                {t("pipeline.card.overdueDue", { date: due })}
              </Text>
            </Group>
          ) : (
            <Text size="sm">{t("pipeline.card.due", { date: due })}</Text>
          ))}
        <Text size="xs" c="dimmed">
          {t("pipeline.card.age", {
            age: t("common.days", { count: ageInDays(lead.createdAt, now) }),
          })}
        </Text>
      </Stack>
    </Card>
  );
}
