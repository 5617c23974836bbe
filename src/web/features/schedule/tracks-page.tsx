import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Track } from "../../../core/schedule/tracks.schema";
import { useSession } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { EmptyState, LoadError, PageHeader, ScrollTable, TableSkeleton } from "../admin/page-states";
import { useTracks } from "./api/get-tracks";
import { formatDate, formatPattern } from "./schedule-format";
import { TrackFormModal } from "./track-form-modal";

/** "Nov 23, 2026 – Jun 30, 2027", or the first day when the track runs on. */
export function TrackDates({ track }: { track: Track }) {
  const { t, i18n } = useTranslation("schedule");
  const from = formatDate(track.startsOn, i18n.language);
  return track.endsOn
    ? t("tracks.dates", { from, to: formatDate(track.endsOn, i18n.language) })
    : t("tracks.ongoing", { from });
}

/** Places taken of the capacity, and the waitlist when there is one. */
export function TrackPlaces({ track }: { track: Track }) {
  const { t } = useTranslation("schedule");
  return (
    <>
      {t("tracks.places", { taken: track.enrolledCount, capacity: track.capacity })}
      {track.waitlistCount > 0 && (
        <Text component="span" size="sm" c="dimmed" display="block">
          {t("tracks.waitlist", { count: track.waitlistCount })}
        </Text>
      )}
    </>
  );
}

export function TrackPattern({ track }: { track: Track }) {
  const { t, i18n } = useTranslation("schedule");
  return track.pattern.slots.length === 0
    ? t("tracks.noPattern")
    : formatPattern(track.pattern.slots, i18n.language);
}

/**
 * The tracks at my sites: weekly pattern, dates, places, facilitators and room or video. Staff who
 * place participants read it; administrators (settings.manage) edit tracks and their sessions.
 */
export function TracksPage() {
  const { t } = useTranslation("schedule");
  usePageTitle(t("tracks.title"));
  const tracks = useTracks();
  const canManage = useSession().permissions.includes("settings.manage");
  const [editing, setEditing] = useState<Track | null>(null);

  return (
    <Stack maw={1200}>
      <PageHeader title={t("tracks.title")} />
      <Text>{t("tracks.intro")}</Text>
      {!canManage && <Text c="dimmed">{t("tracks.readOnly")}</Text>}
      {tracks.isPending && <TableSkeleton rows={3} />}
      {tracks.isError && <LoadError error={tracks.error} onRetry={() => void tracks.refetch()} />}
      {tracks.data &&
        (tracks.data.tracks.length === 0 ? (
          <EmptyState>{t("tracks.empty")}</EmptyState>
        ) : (
          <ScrollTable label={t("tracks.tableLabel")} minWidth={980}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("tracks.columns.track")}</Table.Th>
                <Table.Th scope="col">{t("tracks.columns.pattern")}</Table.Th>
                <Table.Th scope="col">{t("tracks.columns.dates")}</Table.Th>
                <Table.Th scope="col">{t("tracks.columns.places")}</Table.Th>
                <Table.Th scope="col">{t("tracks.columns.facilitators")}</Table.Th>
                <Table.Th scope="col">{t("tracks.columns.where")}</Table.Th>
                <Table.Th scope="col">{t("tracks.columns.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tracks.data.tracks.map((track) => (
                <Table.Tr key={track.id}>
                  <Table.Th scope="row" fw={600}>
                    <Anchor component={Link} to={`/staff/admin/tracks/${track.id}`}>
                      {track.name}
                    </Anchor>
                    <Text size="sm" c="dimmed" fw={400}>
                      {track.siteName} · {t(`tracks.audience.${track.audience}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <TrackPattern track={track} />
                  </Table.Td>
                  <Table.Td>
                    <TrackDates track={track} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <TrackPlaces track={track} />
                  </Table.Td>
                  <Table.Td>{track.facilitators.map((f) => f.name).join(", ") || "—"}</Table.Td>
                  <Table.Td>
                    {track.telehealth ? `${t("tracks.video")}: ` : ""}
                    {track.location || "—"}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {canManage && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(track)}
                          aria-label={t("tracks.editLabel", { name: track.name })}
                        >
                          {t("tracks.edit")}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="default"
                        component={Link}
                        to={`/staff/admin/tracks/${track.id}`}
                        aria-label={t("tracks.sessionsLabel", { name: track.name })}
                      >
                        {t("tracks.sessions")}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ))}
      {editing && <TrackFormModal track={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
