import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCloudOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { NoteSaveStatus } from "./session-note-autosave";

const timeOf = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit" }).format(new Date(iso));

/** Where a note's draft stands: saving, saved at a time, offline, refused, or in conflict with another save. */
export function NoteSaveStatusLine({
  status,
  onReloadTheirs,
  reloading,
}: {
  status: NoteSaveStatus;
  onReloadTheirs: () => void;
  reloading: boolean;
}) {
  const { t, i18n } = useTranslation("sessionNotes");
  if (status.kind === "conflict")
    return (
      <Alert
        color="orange"
        role="alert"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("save.conflictTitle")}
      >
        <Text size="sm">{status.message}</Text>
        <Text size="sm" mt={4}>
          {t("save.conflictHint")}
        </Text>
        <Group mt="sm">
          <Button size="xs" onClick={onReloadTheirs} loading={reloading}>
            {t("save.reloadTheirs")}
          </Button>
        </Group>
      </Alert>
    );
  if (status.kind === "locked")
    return (
      <Alert color="red" role="alert">
        {t("save.locked", { message: status.message })}
      </Alert>
    );
  const text = (() => {
    switch (status.kind) {
      case "idle":
        return t("save.idle");
      case "pending":
        return t("save.pending");
      case "saving":
        return t("save.saving");
      case "saved":
        return t("save.saved", { time: timeOf(status.at, i18n.language) });
      case "offline":
        return t("save.offline");
      case "invalid":
        return t("save.invalid");
      case "error":
        return t("save.error", { message: status.message });
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
