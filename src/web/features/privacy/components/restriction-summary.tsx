import { Badge, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Restriction } from "../../../../core/privacy/restriction.schema";
import { formatDateTime } from "../../admin/format";

const STATUS_COLORS = { requested: "yellow", agreed: "teal", refused: "gray", terminated: "gray" } as const;

/** One of the participant's requests, in plain words, with where it stands. */
export function RestrictionSummary({
  restriction,
  children,
}: {
  restriction: Restriction;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation("privacy");
  const what = restriction.informationScope.map((s) => t(`scopes.${s}`)).join(", ");
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text fw={700}>{t(`kinds.${restriction.kind}`)}</Text>
        <Badge color={STATUS_COLORS[restriction.status]} variant="light" tt="none">
          {t(`statuses.${restriction.status}`)}
        </Badge>
      </Group>
      {what && <Text size="sm">{what}</Text>}
      {restriction.recipientText && <Text size="sm">{restriction.recipientText}</Text>}
      {restriction.description && (
        <Text size="sm" c="dimmed">
          {restriction.description}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t("restrictions.requestedOn", { date: formatDateTime(restriction.requestedAt, i18n.language) })}
      </Text>
      {restriction.decisionNote && restriction.status !== "requested" && (
        <Text size="sm">{t("restrictions.answer", { note: restriction.decisionNote })}</Text>
      )}
      {restriction.terminationNote && (
        <Text size="sm">{t("restrictions.endedNote", { note: restriction.terminationNote })}</Text>
      )}
      {children}
    </Stack>
  );
}
