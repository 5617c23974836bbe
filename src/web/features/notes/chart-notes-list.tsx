import { Anchor, Card, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NOTE_KINDS, type NoteKind } from "../../../core/notes/note.schema";
import { EmptyState, LoadError, ScrollTable, TableSkeleton } from "../admin/page-states";
import { Pager } from "../admin/pager";
import { type ChartNotesQuery, useChartNotes } from "./api/chart-notes-list";
import { ChartNoteBadges } from "./chart-notes-status";
import { useNoteTitle, useSessionDate } from "./chart-notes-words";

const ALL = "all";

/**
 * The participant's notes in the chart, newest first: date, kind, session, author and state, a page
 * at a time, filtered by kind. Drafts are not here (their authors find them on the worklist).
 */
export function ChartNotesList({
  participantId,
  query,
  onQuery,
  noteLink,
}: {
  participantId: string;
  query: ChartNotesQuery;
  onQuery: (query: ChartNotesQuery) => void;
  /** Where a note's row leads (the same tab with the note open). */
  noteLink: (noteId: string) => string;
}) {
  const { t } = useTranslation("chartNotes");
  const notes = useChartNotes(participantId, query);
  const title = useNoteTitle();
  const date = useSessionDate();

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="chart-notes-title">
      <Stack gap="sm">
        <Text fw={700} size="lg" component="h2" id="chart-notes-title" m={0}>
          {t("list.label")}
        </Text>
        <div>
          <Text size="sm" fw={500} id="chart-notes-kind" mb={4}>
            {t("list.kindFilter")}
          </Text>
          <SegmentedControl
            aria-labelledby="chart-notes-kind"
            value={query.kind ?? ALL}
            onChange={(value) =>
              onQuery({ ...query, page: 1, kind: value === ALL ? null : (value as NoteKind) })
            }
            data={[
              { value: ALL, label: t("list.allKinds") },
              ...NOTE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
            ]}
          />
        </div>
        {notes.isPending ? (
          <TableSkeleton rows={4} />
        ) : notes.isError ? (
          <LoadError error={notes.error} onRetry={() => void notes.refetch()} title={t("list.loadError")} />
        ) : notes.data.total === 0 ? (
          <EmptyState>{query.kind ? t("list.emptyKind") : t("list.empty")}</EmptyState>
        ) : (
          <>
            <ScrollTable label={t("list.label")} minWidth={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("list.date")}</Table.Th>
                  <Table.Th scope="col">{t("list.title")}</Table.Th>
                  <Table.Th scope="col">{t("list.kind")}</Table.Th>
                  <Table.Th scope="col">{t("list.author")}</Table.Th>
                  <Table.Th scope="col">{t("list.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notes.data.items.map((note) => (
                  <Table.Tr key={note.id}>
                    <Table.Td>{date(note)}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      <Anchor
                        component={Link}
                        to={noteLink(note.id)}
                        fw={600}
                        size="sm"
                        aria-label={t("list.open", { date: date(note), title: title(note) })}
                      >
                        {title(note)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t(`kinds.${note.kind}`)}</Table.Td>
                    <Table.Td>{note.author.name}</Table.Td>
                    <Table.Td>
                      <ChartNoteBadges note={note} withAddenda />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Pager
              page={notes.data.page}
              pageSize={notes.data.pageSize}
              total={notes.data.total}
              onPage={(page) => onQuery({ ...query, page })}
              onPageSize={(pageSize) => onQuery({ ...query, page: 1, pageSize })}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
