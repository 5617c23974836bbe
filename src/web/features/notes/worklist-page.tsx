import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Tabs, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NoteWorklistRow } from "../../../core/notes/notes-api.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useHasPermission } from "../admin/api/get-my-permissions";
import { formatDate } from "../admin/format";
import { LoadError, PageHeader, TableSkeleton } from "../admin/page-states";
import { type NoteWorklist, type NoteWorklistScope, useNoteWorklist } from "./api/worklist-get";
import { CosignDialog } from "./cosign-dialog";
import { groupNoteScreenPath } from "./group-note-paths";
import { worklistNotePath } from "./worklist-paths";

type Tab = "unsigned" | "cosign" | "missing";

/**
 * The clinician's notes worklist at /staff/notes: their unsigned notes (overdue and late-entry ones
 * marked), the notes waiting for their co-signature (co-signed here after reading), and the group
 * sessions they facilitated without a note. A supervisor may widen the unsigned tab to their sites.
 */
export function NotesWorklistPage() {
  const { t } = useTranslation("notesWorklist");
  usePageTitle(t("worklist.title"));
  const canSeeSite = useHasPermission("notes.cosign");
  const [scope, setScope] = useState<NoteWorklistScope>("mine");
  const [tab, setTab] = useState<Tab>("unsigned");
  const worklist = useNoteWorklist(canSeeSite ? scope : "mine");
  const data = worklist.data;

  return (
    <Stack maw={960}>
      <PageHeader title={t("worklist.title")} />
      <Text>{t("worklist.intro")}</Text>
      {worklist.isPending && <TableSkeleton rows={6} />}
      {worklist.isError && <LoadError error={worklist.error} onRetry={() => void worklist.refetch()} />}
      {data && (
        <Tabs
          value={tab}
          onChange={(value) => setTab((value as Tab | null) ?? "unsigned")}
          keepMounted={false}
        >
          <Tabs.List aria-label={t("worklist.tabsLabel")}>
            <TabButton value="unsigned" count={data.unsigned.length} overdue={countOverdue(data.unsigned)}>
              {t("worklist.tabs.unsigned")}
            </TabButton>
            <TabButton value="cosign" count={data.awaitingMyCosign.length}>
              {t("worklist.tabs.cosign")}
            </TabButton>
            <TabButton value="missing" count={data.missingGroupNotes.length}>
              {t("worklist.tabs.missing")}
            </TabButton>
          </Tabs.List>
          <Tabs.Panel value="unsigned" pt="md">
            <Stack>
              {canSeeSite && (
                <Group gap="xs">
                  <Text size="sm" fw={500} id="notes-worklist-scope">
                    {t("worklist.scopeLabel")}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="notes-worklist-scope"
                    value={scope}
                    onChange={(value) => setScope(value as NoteWorklistScope)}
                    data={[
                      { value: "mine", label: t("worklist.scope.mine") },
                      { value: "site", label: t("worklist.scope.site") },
                    ]}
                  />
                </Group>
              )}
              <NoteRows
                rows={data.unsigned}
                empty={
                  scope === "site" && canSeeSite
                    ? t("worklist.empty.unsignedSite")
                    : t("worklist.empty.unsigned")
                }
                showAuthor={scope === "site" && canSeeSite}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="cosign" pt="md">
            <NoteRows rows={data.awaitingMyCosign} empty={t("worklist.empty.cosign")} showAuthor cosign />
          </Tabs.Panel>
          <Tabs.Panel value="missing" pt="md">
            <MissingGroupNotes sessions={data.missingGroupNotes} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

const countOverdue = (rows: readonly NoteWorklistRow[]) => rows.filter((r) => r.overdue).length;

function TabButton({
  value,
  count,
  overdue = 0,
  children,
}: {
  value: Tab;
  count: number;
  overdue?: number;
  children: ReactNode;
}) {
  return (
    <Tabs.Tab
      value={value}
      rightSection={
        <Badge size="sm" variant={count > 0 ? "filled" : "light"} color={overdue > 0 ? "red" : "gray"} circle>
          {count}
        </Badge>
      }
    >
      {children}
    </Tabs.Tab>
  );
}

function EmptyCard({ children }: { children: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Group wrap="nowrap" align="flex-start">
        <IconCircleCheck aria-hidden color="var(--mantine-color-green-7)" style={{ flexShrink: 0 }} />
        <Text>{children}</Text>
      </Group>
    </Card>
  );
}

const rowStyle = { borderTop: "1px solid var(--mantine-color-default-border)" } as const;

function NoteRows({
  rows,
  empty,
  showAuthor = false,
  cosign = false,
}: {
  rows: readonly NoteWorklistRow[];
  empty: string;
  showAuthor?: boolean;
  cosign?: boolean;
}) {
  const { t, i18n } = useTranslation("notesWorklist");
  const [cosigning, setCosigning] = useState<string | null>(null);
  if (rows.length === 0) return <EmptyCard>{empty}</EmptyCard>;
  return (
    <>
      <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: "none" }}>
        {rows.map((row) => {
          const date = formatDate(row.sessionDate, i18n.language);
          return (
            <Group
              component="li"
              key={row.id}
              justify="space-between"
              wrap="wrap"
              gap="xs"
              py="sm"
              style={rowStyle}
            >
              <Stack gap={4} style={{ minWidth: 0, flex: "1 1 260px" }}>
                <Group gap="xs" wrap="wrap">
                  <Anchor
                    component={Link}
                    to={worklistNotePath(row)}
                    fw={600}
                    aria-label={t("worklist.open", { title: row.title, date })}
                  >
                    {row.title}
                  </Anchor>
                  <Badge variant="light" color="gray">
                    {t(`worklist.kinds.${row.kind}`)}
                  </Badge>
                  <Badge variant="light" color={row.status === "awaiting_cosign" ? "blue" : "gray"}>
                    {t(`worklist.status.${row.status}`)}
                  </Badge>
                  {row.overdue && (
                    <Badge color="red" variant="filled">
                      {t("worklist.overdue")}
                    </Badge>
                  )}
                  {row.lateEntry && (
                    <Badge color="orange" variant="light">
                      {t("worklist.lateEntry")}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {t("worklist.session", { date })} ·{" "}
                  {t("worklist.hoursAgo", { count: row.hoursSinceSession })}
                </Text>
                {(showAuthor || row.cosigner) && (
                  <Text size="sm" c="dimmed">
                    {showAuthor && t("worklist.author", { name: row.author.name })}
                    {showAuthor && row.cosigner && " · "}
                    {row.cosigner && t("worklist.cosigner", { name: row.cosigner.name })}
                  </Text>
                )}
              </Stack>
              {cosign && (
                <Button
                  size="sm"
                  onClick={() => setCosigning(row.id)}
                  aria-label={t("worklist.cosignLabel", { title: row.title, date })}
                >
                  {t("worklist.cosign")}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
      {cosigning && <CosignDialog noteId={cosigning} onClose={() => setCosigning(null)} />}
    </>
  );
}

function MissingGroupNotes({ sessions }: { sessions: NoteWorklist["missingGroupNotes"] }) {
  const { t, i18n } = useTranslation("notesWorklist");
  if (sessions.length === 0) return <EmptyCard>{t("worklist.empty.missing")}</EmptyCard>;
  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: "none" }}>
      {sessions.map((session) => {
        const date = formatDate(session.sessionDate, i18n.language);
        return (
          <Group
            component="li"
            key={`${session.trackId} ${session.occurrenceKey}`}
            justify="space-between"
            wrap="wrap"
            gap="xs"
            py="sm"
            style={rowStyle}
          >
            <Stack gap={2}>
              <Text fw={600}>{session.trackName}</Text>
              <Text size="sm" c="dimmed">
                {t("worklist.session", { date })}
              </Text>
            </Stack>
            <Button
              component={Link}
              to={groupNoteScreenPath(session.trackId, session.occurrenceKey)}
              variant="light"
              size="sm"
              aria-label={t("worklist.writeLabel", { title: session.trackName, date })}
            >
              {t("worklist.write")}
            </Button>
          </Group>
        );
      })}
    </Stack>
  );
}
