import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { YesterdayCheckIn } from "../../../../core/check-ins/check-in-api.schema";

const COLORS: Record<Exclude<YesterdayCheckIn, "none">, string> = {
  use: "red.8",
  high_craving: "orange.9",
  checked_in: "teal",
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
    <Badge color={COLORS[state]} variant={state === "checked_in" ? "light" : "filled"}>
      {t(`caseload.${state}`)}
    </Badge>
  );
}
