import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCloudOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatTime } from "./plan-format";
import type { AutosaveStatus } from "./use-autosave";

/** Where the draft stands: saving, saved at a time, kept offline, refused, or in conflict with another save. */
export function AutosaveStatusLine({
  status,
  onReloadTheirs,
  reloading,
}: {
  status: AutosaveStatus;
  onReloadTheirs: () => void;
  reloading: boolean;
}) {
  const { t, i18n } = useTranslation("treatmentPlans");
  if (status.kind === "conflict")
    return (
      <Alert
        color="orange"
        role="alert"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("autosave.conflictTitle")}
      >
        <Text size="sm">{status.message}</Text>
        <Text size="sm" mt={4}>
          {t("autosave.conflictKept")}
        </Text>
        <Group mt="sm">
          <Button size="xs" onClick={onReloadTheirs} loading={reloading}>
            {t("autosave.reloadTheirs")}
          </Button>
        </Group>
      </Alert>
    );
  if (status.kind === "locked")
    return (
      <Alert color="red" role="alert">
        {t("autosave.locked", { message: status.message })}
      </Alert>
    );
  const text = (() => {
    switch (status.kind) {
      case "idle":
        return t("autosave.idle");
      case "pending":
        return t("autosave.pending");
      case "saving":
        return t("autosave.saving");
      case "saved":
        return t("autosave.saved", { time: formatTime(status.at, i18n.language) });
      case "offline":
        return t("autosave.offline");
      case "invalid":
        return t("autosave.invalid");
      case "error":
        return t("autosave.error", { message: status.message });
    }
  })();
  const warn = status.kind === "offline" || status.kind === "invalid" || status.kind === "error";
  return (
    <Text
      size="sm"
      role="status"
      aria-live="polite"
      c={warn ? "var(--mantine-color-orange-light-color)" : "dimmed"}
    >
      {status.kind === "offline" && <IconCloudOff size={14} aria-hidden style={{ verticalAlign: "-2px" }} />}
      {status.kind === "saved" && <IconCheck size={14} aria-hidden style={{ verticalAlign: "-2px" }} />}{" "}
      {text}
    </Text>
  );
}
