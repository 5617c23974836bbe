import { Badge } from "@mantine/core";
import { IconAlertCircle, IconAlertOctagon, IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { AlertSeverity } from "../../../core/alerts/alerts.schema";

/** Severity by word and shape as well as colour (never colour alone). */
const LOOK = {
  info: { color: "blue", Icon: IconInfoCircle },
  warning: { color: "yellow", Icon: IconAlertCircle },
  urgent: { color: "orange", Icon: IconAlertTriangle },
  emergency: { color: "red", Icon: IconAlertOctagon },
} as const;

export function SeverityBadge({
  severity,
  size = "md",
}: {
  severity: AlertSeverity;
  size?: "sm" | "md" | "lg";
}) {
  const { t } = useTranslation("admin");
  const { color, Icon } = LOOK[severity];
  return (
    <Badge
      color={color}
      variant="light"
      size={size}
      leftSection={<Icon size={14} aria-hidden />}
      fw={severity === "emergency" || severity === "urgent" ? 800 : 600}
      style={{ flexShrink: 0 }}
    >
      {t(`alertInbox.severities.${severity}`)}
    </Badge>
  );
}
