import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCloudOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatTime } from "./plan-format";
import type { AutosaveStatus } from "./use-autosave";

/**
 * Where the words for the status line live: a dictionary namespace and the group of keys in it
 * (idle, pending, saving, saved, offline, invalid, error, conflictTitle, reloadTheirs, locked), and
 * the key of the line under a conflict's message. Plans by default; notes pass their own.
 */
export interface AutosaveWords {
  ns: string;
  prefix: string;
  conflictNote: string;
}

const PLAN_WORDS: AutosaveWords = { ns: "treatmentPlans", prefix: "autosave", conflictNote: "conflictKept" };

/**
 * Where a draft stands: saving, saved at a time, kept offline, refused, or in conflict with another
 * save. Shared by the plan editor and the note editors.
 */
export function AutosaveStatusLine({
  status,
  onReloadTheirs,
  reloading,
  words = PLAN_WORDS,
}: {
  status: AutosaveStatus;
  onReloadTheirs: () => void;
  reloading: boolean;
  words?: AutosaveWords;
}) {
  const { t, i18n } = useTranslation(words.ns, { keyPrefix: words.prefix });
  if (status.kind === "conflict")
    return (
      <Alert color="orange" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t("conflictTitle")}>
        <Text size="sm">{status.message}</Text>
        <Text size="sm" mt={4}>
          {t(words.conflictNote)}
        </Text>
        <Group mt="sm">
          <Button size="xs" onClick={onReloadTheirs} loading={reloading}>
            {t("reloadTheirs")}
          </Button>
        </Group>
      </Alert>
    );
  if (status.kind === "locked")
    return (
      <Alert color="red" role="alert">
        {t("locked", { message: status.message })}
      </Alert>
    );
  const text = (() => {
    switch (status.kind) {
      case "idle":
        return t("idle");
      case "pending":
        return t("pending");
      case "saving":
        return t("saving");
      case "saved":
        return t("saved", { time: formatTime(status.at, i18n.language) });
      case "offline":
        return t("offline");
      case "invalid":
        return t("invalid");
      case "error":
        return t("error", { message: status.message });
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
