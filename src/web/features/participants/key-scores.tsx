import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconFlag } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { KeyMeasure } from "../../../core/assessments/progress.schema";
import type { ChangeStatus } from "../../../core/assessments/reliable-change";
import { shortNameOf } from "../../../core/assessments/short-names";

/**
 * Only worsening is coloured, in the theme's red text colour for the scheme (dark red on the light
 * scheme's striped rows, light red on the dark scheme's): WCAG AA in both. Every status is in words.
 */
const STATUS_COLOR: Record<ChangeStatus, string | undefined> = {
  recovered: undefined,
  improved: undefined,
  unchanged: undefined,
  deteriorated: "var(--mantine-color-red-light-color)",
};

function signed(n: number, language: string): string {
  const text = Math.abs(n).toLocaleString(language);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

/**
 * A caseload row's key scores: each key measure's latest total with its band and change from
 * baseline and its reliable-change status in words (worsening also in red), then the flags
 * that need attention: off track, and unresolved urgent alerts.
 */
export function KeyScores({
  clinical,
}: {
  clinical: { measures: readonly KeyMeasure[]; openUrgentAlerts: number };
}) {
  const { t, i18n } = useTranslation("admin");
  const { t: ta } = useTranslation("assessments");
  const language = i18n.language;
  const offTrack = clinical.measures.filter((m) => m.offTrack);
  return (
    <Stack gap={4}>
      {clinical.measures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("participants.clinical.none")}
        </Text>
      ) : (
        <Group gap="sm" wrap="wrap">
          {clinical.measures.map((m) => {
            const details = [
              m.band && ta(`bands.${m.band}`, { defaultValue: m.band }),
              m.change !== null && t("participants.clinical.change", { change: signed(m.change, language) }),
              m.status && ta(`chart.status.${m.status}`),
            ].filter(Boolean);
            return (
              <Text key={m.instrumentKey} size="sm" c={m.status ? STATUS_COLOR[m.status] : undefined}>
                <Text span fw={700}>
                  {shortNameOf(m.instrumentKey)} {m.score.toLocaleString(language)}
                </Text>
                {details.length > 0 && ` (${details.join(", ")})`}
              </Text>
            );
          })}
        </Group>
      )}
      {(offTrack.length > 0 || clinical.openUrgentAlerts > 0) && (
        <Group gap="xs">
          {offTrack.length > 0 && (
            <Badge color="red" variant="light" leftSection={<IconFlag size={12} aria-hidden />}>
              {t("participants.clinical.offTrack")}:{" "}
              {offTrack.map((m) => shortNameOf(m.instrumentKey)).join(", ")}
            </Badge>
          )}
          {clinical.openUrgentAlerts > 0 && (
            <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {t("participants.clinical.urgentAlerts", { count: clinical.openUrgentAlerts })}
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}
