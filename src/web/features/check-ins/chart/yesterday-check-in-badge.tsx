import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { YesterdayCheckIn } from "../../../../core/check-ins/check-in-api.schema";

/**
 * Use is a filled red badge (the theme fills with shade 9: white text passes); a high craving and a
 * plain check-in are light badges, whose text colours the theme darkens to pass 4.5:1. A filled
 * orange does not pass under white text at any shade.
 */
const LOOKS: Record<Exclude<YesterdayCheckIn, "none">, { color: string; variant: "filled" | "light" }> = {
  use: { color: "red", variant: "filled" },
  high_craving: { color: "orange", variant: "light" },
  checked_in: { color: "teal", variant: "light" },
};

/** Yesterday's check-in in the caseload list: use and a high craving stand out; none is plain text. */
export function YesterdayCheckInBadge({ state }: { state: YesterdayCheckIn }) {
  const { t } = useTranslation("checkInsStaff");
  if (state === "none")
    return (
      <Text size="sm" c="dimmed">
        {t("caseload.none")}
      </Text>
    );
  return (
    <Badge color={LOOKS[state].color} variant={LOOKS[state].variant}>
      {t(`caseload.${state}`)}
    </Badge>
  );
}
