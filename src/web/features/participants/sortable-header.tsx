import { Group, Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowsSort, IconArrowUp } from "@tabler/icons-react";
import type { SortDirection } from "../../../core/participants/participants.schema";

/**
 * A column header that sorts the table: a real button (keyboard and screen reader) inside the
 * `<th>`, which carries `aria-sort` only while the table is sorted by it.
 */
export function SortableHeader({
  label,
  sorted,
  onSort,
}: {
  label: string;
  /** The direction when the table is sorted by this column, else null. */
  sorted: SortDirection | null;
  onSort: () => void;
}) {
  const Icon = sorted === "asc" ? IconArrowUp : sorted === "desc" ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th
      scope="col"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
    >
      <UnstyledButton onClick={onSort} style={{ font: "inherit" }}>
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden opacity={sorted ? 1 : 0.45} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
