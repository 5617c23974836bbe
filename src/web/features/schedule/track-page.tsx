import { Anchor, Badge, Button, Group, Menu, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconChevronDown, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { isoWeekStart } from "../../../core/attendance/weekly-hours.rules";
import { addDays } from "../../../core/platform/dates";
import type { Track } from "../../../core/schedule/tracks.schema";
import { useSession } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { ConfirmModal } from "../admin/confirm-modal";
import { EmptyState, LoadError, NoAccess, ScrollTable, TableSkeleton } from "../admin/page-states";
import { TrackEnrollmentPanel } from "../participant-schedule/track-enrollment-panel";
import { type Occurrence, useOccurrences } from "./api/get-occurrences";
import { useTracks } from "./api/get-tracks";
import { useRemoveTrackException } from "./api/track-exceptions";
import { ExceptionModal } from "./exception-modal";
import { formatDate, formatDay, formatTimeRange, todayIn } from "./schedule-format";
import type { ExceptionKind } from "./track-form";
import { TrackFormModal } from "./track-form-modal";
import { TrackDates, TrackPattern, TrackPlaces } from "./tracks-page";
import { useSessionWhen } from "./use-session-when";

/** Sessions shown at a time: four weeks. */
const WEEKS = 4;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One track: its facts, the edit form, and its sessions four weeks at a time with their exceptions. */
export function TrackPage() {
  const { trackId = "" } = useParams();
  const { t } = useTranslation("schedule");
  const tracks = useTracks();
  const track = tracks.data?.tracks.find((candidate) => candidate.id === trackId);
  usePageTitle(track?.name ?? t("tracks.title"));
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/staff/admin/tracks" size="sm" style={{ alignSelf: "flex-start" }}>
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden />
          {t("tracks.back")}
        </Group>
      </Anchor>
      {tracks.isPending && <TableSkeleton rows={4} />}
      {tracks.isError && <LoadError error={tracks.error} onRetry={() => void tracks.refetch()} />}
      {tracks.data && !track && <NoAccess />}
      {track && <TrackDetail track={track} />}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

function TrackDetail({ track }: { track: Track }) {
  const { t } = useTranslation("schedule");
  const canManage = useSession().permissions.includes("settings.manage");
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={1}>{track.name}</Title>
          <Text c="dimmed">
            {track.siteName} · {t(`tracks.audience.${track.audience}`)} ·{" "}
            {t("tracks.level", { level: track.levelOfCare })}
          </Text>
        </Stack>
        {canManage && <Button onClick={() => setEditing(true)}>{t("tracks.edit")}</Button>}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
        <Fact label={t("tracks.columns.pattern")}>
          <TrackPattern track={track} />
        </Fact>
        <Fact label={t("tracks.columns.dates")}>
          <TrackDates track={track} />
        </Fact>
        <Fact label={t("tracks.columns.places")}>
          <TrackPlaces track={track} />
        </Fact>
        <Fact label={t("tracks.columns.facilitators")}>
          {track.facilitators.map((f) => f.name).join(", ") || "—"}
        </Fact>
        <Fact label={t("tracks.columns.where")}>
          {track.telehealth ? `${t("tracks.video")}: ` : ""}
          {track.location || "—"}
        </Fact>
        <Fact label={t("tracks.columns.zone")}>{track.timeZone}</Fact>
      </SimpleGrid>
      <TrackEnrollmentPanel trackId={track.id} />
      <Sessions track={track} canManage={canManage} />
      {editing && <TrackFormModal track={track} onClose={() => setEditing(false)} />}
    </>
  );
}

type Change = { occurrence: Occurrence; kind: ExceptionKind } | { occurrence: Occurrence; kind: "undo" };

function Sessions({ track, canManage }: { track: Track; canManage: boolean }) {
  const { t, i18n } = useTranslation("schedule");
  const when = useSessionWhen();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => todayIn(track.timeZone, new Date()), [track.timeZone]);
  const asked = params.get("from");
  const from = isoWeekStart(asked && ISO_DATE.test(asked) ? asked : today);
  const to = addDays(from, WEEKS * 7 - 1);
  const sessions = useOccurrences(track.id, from, to);
  const remove = useRemoveTrackException();
  const [change, setChange] = useState<Change | null>(null);
  const move = (weeks: number) => {
    const next = new URLSearchParams(params);
    next.set("from", addDays(from, weeks * 7));
    setParams(next, { replace: true });
  };

  return (
    <Stack component="section" aria-labelledby="track-sessions" gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} id="track-sessions">
          {t("tracks.sessionList.title")}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={16} aria-hidden />}
            onClick={() => move(-WEEKS)}
          >
            {t("tracks.sessionList.previous")}
          </Button>
          <Text fw={600} aria-live="polite" ta="center">
            {t("tracks.sessionList.range", {
              from: formatDate(from, i18n.language),
              to: formatDate(to, i18n.language),
            })}
          </Text>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} aria-hidden />}
            onClick={() => move(WEEKS)}
          >
            {t("tracks.sessionList.next")}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t("tracks.zone", { zone: track.timeZone })}
      </Text>
      {sessions.isPending && <TableSkeleton rows={6} />}
      {sessions.isError && <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data &&
        (sessions.data.occurrences.length === 0 ? (
          <EmptyState>{t("tracks.sessionList.empty")}</EmptyState>
        ) : (
          <ScrollTable label={t("tracks.sessionList.tableLabel")} minWidth={700}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("tracks.sessionList.columns.date")}</Table.Th>
                <Table.Th scope="col">{t("tracks.sessionList.columns.time")}</Table.Th>
                <Table.Th scope="col">{t("tracks.sessionList.columns.status")}</Table.Th>
                <Table.Th scope="col">{t("tracks.sessionList.columns.attendance")}</Table.Th>
                {canManage && <Table.Th scope="col">{t("tracks.sessionList.columns.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.occurrences.map((o) => (
                <Table.Tr key={o.key}>
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
                    {formatDay(o.date, i18n.language, "short")}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatTimeRange(o.start, o.end, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    <SessionStatus occurrence={o} />
                  </Table.Td>
                  <Table.Td>
                    {o.marksRecorded > 0
                      ? t("tracks.sessionList.marks", { count: o.marksRecorded })
                      : t("tracks.sessionList.noMarks")}
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {o.exception ? (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t("tracks.sessionList.undoLabel", { when: when(o) })}
                          onClick={() => setChange({ occurrence: o, kind: "undo" })}
                        >
                          {t("tracks.sessionList.undo")}
                        </Button>
                      ) : (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button
                              size="xs"
                              variant="default"
                              rightSection={<IconChevronDown size={14} aria-hidden />}
                              aria-label={t("tracks.sessionList.changeLabel", { when: when(o) })}
                            >
                              {t("tracks.sessionList.change")}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setChange({ occurrence: o, kind: "cancelled" })}>
                              {t("tracks.sessionList.cancel")}
                            </Menu.Item>
                            <Menu.Item onClick={() => setChange({ occurrence: o, kind: "moved" })}>
                              {t("tracks.sessionList.move")}
                            </Menu.Item>
                            <Menu.Item onClick={() => setChange({ occurrence: o, kind: "substitute" })}>
                              {t("tracks.sessionList.substitute")}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ))}
      {change && change.kind !== "undo" && (
        <ExceptionModal
          track={track}
          occurrence={change.occurrence}
          initialKind={change.kind}
          onClose={() => setChange(null)}
        />
      )}
      {change?.kind === "undo" && change.occurrence.exception && (
        <ConfirmModal
          opened
          title={t("tracks.exception.undoTitle")}
          confirmLabel={t("tracks.exception.undoConfirm")}
          loading={remove.isPending}
          error={remove.error}
          onClose={() => {
            remove.reset();
            setChange(null);
          }}
          onConfirm={() =>
            remove.mutate(
              { trackId: track.id, exceptionId: change.occurrence.exception!.id },
              {
                onSuccess: () => {
                  notifications.show({
                    color: "green",
                    message: t("tracks.exception.undone", { when: when(change.occurrence) }),
                  });
                  setChange(null);
                },
              },
            )
          }
        >
          {t("tracks.exception.undoBody", { when: when(change.occurrence) })}
        </ConfirmModal>
      )}
    </Stack>
  );
}

/** Scheduled, cancelled (why), moved (from when, why) or with a substitute (who, why). */
function SessionStatus({ occurrence: o }: { occurrence: Occurrence }) {
  const { t, i18n } = useTranslation("schedule");
  const kind = o.exception?.kind ?? "scheduled";
  const color = kind === "cancelled" ? "gray" : kind === "scheduled" ? "green" : "blue";
  return (
    <Stack gap={2}>
      <Badge color={color} variant="light" tt="none" style={{ alignSelf: "flex-start" }}>
        {t(`tracks.sessionList.status.${kind}`)}
      </Badge>
      {o.exception && (
        <Text size="sm">
          {o.exception.kind === "moved" &&
            `${t("tracks.sessionList.movedFrom", { date: formatDay(o.originalDate, i18n.language, "short") })} · `}
          {o.exception.kind === "substitute" &&
            `${o.exception.facilitators.map((f) => f.name).join(", ")} · `}
          {o.exception.reason}
        </Text>
      )}
    </Stack>
  );
}
