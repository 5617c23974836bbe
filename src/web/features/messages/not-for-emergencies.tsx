import { Alert, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CrisisCard } from "../../app/crisis";

/** On every participant message screen: messages are not for emergencies, with the crisis buttons. */
export function NotForEmergencies() {
  const { t } = useTranslation("messages");
  return (
    <Stack gap="sm">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("notice.title")}
      >
        {t("notice.body")}
      </Alert>
      <CrisisCard />
    </Stack>
  );
}
