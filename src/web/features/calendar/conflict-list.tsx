import { Alert, Button, Group, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ScheduleConflictView } from "../../../core/schedule/appointment.schema";
import { conflictText, onlyUnavailability } from "./booking-form";

/** The clashes under one field, each in plain words (with its date when several sessions clash). */
export function FieldConflicts({
  conflicts,
  withDate,
}: {
  conflicts: readonly ScheduleConflictView[];
  withDate: boolean;
}) {
  const { i18n } = useTranslation("calendar");
  if (conflicts.length === 1) return <>{conflictText(conflicts[0]!, withDate, i18n.language)}</>;
  return (
    <List size="sm" spacing={2} c="inherit">
      {conflicts.map((c) => {
        const text = conflictText(c, withDate, i18n.language);
        return <List.Item key={`${c.field} ${c.date} ${c.start} ${c.message}`}>{text}</List.Item>;
      })}
    </List>
  );
}

/** A field's own problem, or its clashes, or nothing: what an input's `error` shows. */
export function fieldError(
  message: string | undefined,
  conflicts: readonly ScheduleConflictView[],
  field: ScheduleConflictView["field"],
  withDate: boolean,
): ReactNode {
  if (message) return message;
  const mine = conflicts.filter((c) => c.field === field);
  return mine.length > 0 ? <FieldConflicts conflicts={mine} withDate={withDate} /> : undefined;
}

/**
 * The summary of a refused booking or move: nothing was saved, each clash is shown on its field.
 * When the only clashes are the participant's declared unavailability, staff may go ahead anyway,
 * after saying so a second time.
 */
export function ConflictSummary({
  conflicts,
  action,
  loading,
  onOverride,
  children,
}: {
  conflicts: readonly ScheduleConflictView[];
  action: "book" | "move";
  loading: boolean;
  onOverride: () => void;
  /** The clashes themselves, when they are not shown on fields (the grid after a drag). */
  children?: ReactNode;
}) {
  const { t } = useTranslation("calendar");
  const [confirming, setConfirming] = useState(false);
  if (conflicts.length === 0) return null;
  const overridable = onlyUnavailability(conflicts);
  const sessions = new Set(conflicts.map((c) => c.date)).size;
  return (
    <Alert
      color={overridable ? "yellow" : "red"}
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={
        overridable
          ? t("conflicts.unavailableTitle")
          : t(action === "book" ? "conflicts.bookTitle" : "conflicts.moveTitle", { count: sessions })
      }
    >
      <Stack gap="xs">
        {children}
        <Text size="sm">{overridable ? t("conflicts.unavailableBody") : t("conflicts.onFields")}</Text>
        {overridable && !confirming && (
          <Group>
            <Button variant="default" onClick={() => setConfirming(true)}>
              {t(action === "book" ? "conflicts.bookAnyway" : "conflicts.moveAnyway")}
            </Button>
          </Group>
        )}
        {overridable && confirming && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t("conflicts.confirmAnyway")}
            </Text>
            <Group>
              <Button color="yellow" c="black" loading={loading} onClick={onOverride}>
                {t(action === "book" ? "conflicts.confirmBook" : "conflicts.confirmMove")}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t("conflicts.keepChoosing")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}
