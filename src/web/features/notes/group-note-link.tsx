import { Button } from "@mantine/core";
import { IconNotes } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../app/require-session";
import { groupNoteScreenPath } from "./group-note-paths";

/**
 * The way from a group session (its attendance page, its row on the groups page) to its group note,
 * for those who may read clinical notes. `context` names the session for screen readers when the
 * link sits in a list of sessions.
 */
export function GroupNoteLink({
  trackId,
  occurrenceKey,
  context,
}: {
  trackId: string;
  occurrenceKey: string;
  context?: { track: string; when: string };
}) {
  const { t } = useTranslation("groupNote");
  const { permissions } = useSession();
  if (!permissions.includes("clinical.view")) return null;
  return (
    <Button
      component={Link}
      to={groupNoteScreenPath(trackId, occurrenceKey)}
      size="md"
      variant="default"
      leftSection={<IconNotes size={20} aria-hidden />}
      aria-label={context ? t("links.noteLabel", context) : undefined}
      style={{ alignSelf: "flex-start" }}
    >
      {t("links.note")}
    </Button>
  );
}
