import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChartNote } from "../../../core/notes/notes-api.schema";

const STATUS_COLOR: Record<ChartNote["status"], string> = {
  signed: "green",
  awaiting_cosign: "yellow",
  draft: "gray",
};

/** A note's state as badges: signed or awaiting co-signature, a late entry, how many addenda. */
export function ChartNoteBadges({
  note,
  withAddenda = false,
}: {
  note: Pick<ChartNote, "status" | "lateEntry" | "addenda">;
  withAddenda?: boolean;
}) {
  const { t } = useTranslation("chartNotes");
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color={STATUS_COLOR[note.status]} tt="none">
        {t(`status.${note.status}`)}
      </Badge>
      {note.lateEntry && (
        <Badge variant="light" color="orange" tt="none">
          {t("lateEntry")}
        </Badge>
      )}
      {withAddenda && note.addenda.length > 0 && (
        <Badge variant="light" color="blue" tt="none">
          {t("list.addenda", { count: note.addenda.length })}
        </Badge>
      )}
    </Group>
  );
}
