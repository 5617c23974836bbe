import { Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowsExchange, IconDoorExit, IconPlus, IconUserCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Enrollment,
  EXIT_REASON_DISCHARGED,
  EXIT_REASON_MOVED,
} from "../../../core/schedule/enrollment.schema";
import { formatDate } from "../admin/format";
import { EmptyState, LoadError, TableSkeleton } from "../admin/page-states";
import { AdmitFromWaitlistModal } from "./admit-from-waitlist-modal";
import { useParticipantEnrollments } from "./api/get-participant-enrollments";
import { LeaveTrackModal } from "./leave-track-modal";
import { PlaceInTrackModal } from "./place-in-track-modal";
import { ScrollRegionTable } from "./scroll-region-table";
import { todayHere } from "./today";

type Dialog = "place" | "move" | "leave" | "admit" | null;

/**
 * The participant's track: where they are now (or where they wait), since when, and every earlier
 * place with how it ended. Staff who book place, move, admit from the waitlist and end a place here.
 */
export function TrackPlacementSection({
  participantId,
  name,
  siteId,
  canManage,
}: {
  participantId: string;
  name: string;
  siteId: string;
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation("participantSchedule");
  const enrollments = useParticipantEnrollments(participantId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const date = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : "—");

  const data = enrollments.data;
  const ofEpisode = data?.enrollments.filter((e) => e.episodeId === data.currentEpisodeId) ?? [];
  const open = ofEpisode.find((e) => e.status !== "exited") ?? null;
  // A place whose end is still ahead: they come until then.
  const today = todayHere();
  const leaving = open
    ? null
    : (ofEpisode.find((e) => e.joinedOn !== null && e.exitedOn !== null && e.exitedOn > today) ?? null);
  const history = [...(data?.enrollments ?? [])].reverse();

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="placement-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} size="h4" id="placement-title">
            {t("placement.title")}
          </Title>
          {canManage && data?.currentEpisodeId && (
            <Group gap="xs">
              {open === null && (
                <Button
                  size="sm"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setDialog("place")}
                >
                  {t("placement.place")}
                </Button>
              )}
              {open?.status === "waitlisted" && (
                <Button
                  size="sm"
                  leftSection={<IconUserCheck size={16} aria-hidden />}
                  onClick={() => setDialog("admit")}
                >
                  {t("admit.open")}
                </Button>
              )}
              {open && (
                <Button
                  size="sm"
                  variant="default"
                  leftSection={<IconArrowsExchange size={16} aria-hidden />}
                  onClick={() => setDialog("move")}
                >
                  {t("placement.move")}
                </Button>
              )}
              {open && (
                <Button
                  size="sm"
                  variant="default"
                  leftSection={<IconDoorExit size={16} aria-hidden />}
                  onClick={() => setDialog("leave")}
                >
                  {open.status === "waitlisted" ? t("leave.waitlist.open") : t("leave.place.open")}
                </Button>
              )}
            </Group>
          )}
        </Group>

        {enrollments.isPending ? (
          <TableSkeleton rows={2} />
        ) : enrollments.isError ? (
          <LoadError
            error={enrollments.error}
            onRetry={() => void enrollments.refetch()}
            title={t("placement.loadError")}
          />
        ) : (
          <>
            <CurrentPlace open={open ?? leaving} inProgram={data!.currentEpisodeId !== null} />
            {history.length > 0 && (
              <Stack gap={4}>
                <Title order={3} size="h6">
                  {t("placement.history")}
                </Title>
                <ScrollRegionTable label={t("placement.historyLabel")} minWidth={600}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("placement.columns.track")}</Table.Th>
                      <Table.Th scope="col">{t("placement.columns.status")}</Table.Th>
                      <Table.Th scope="col">{t("placement.columns.joined")}</Table.Th>
                      <Table.Th scope="col">{t("placement.columns.left")}</Table.Th>
                      <Table.Th scope="col">{t("placement.columns.reason")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {history.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Th scope="row" fw={500}>
                          {e.track.name}
                        </Table.Th>
                        <Table.Td>
                          <StatusBadge enrollment={e} />
                        </Table.Td>
                        <Table.Td>{date(e.joinedOn)}</Table.Td>
                        <Table.Td>{date(e.exitedOn)}</Table.Td>
                        <Table.Td>
                          <ExitReason reason={e.exitReason} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollRegionTable>
              </Stack>
            )}
          </>
        )}
      </Stack>

      {(dialog === "place" || dialog === "move") && (
        <PlaceInTrackModal
          mode={dialog}
          participantId={participantId}
          name={name}
          siteId={siteId}
          currentTrackId={open?.track.id ?? null}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "leave" && open && (
        <LeaveTrackModal
          enrollmentId={open.id}
          waitlist={open.status === "waitlisted"}
          name={name}
          track={open.track.name}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "admit" && open && (
        <AdmitFromWaitlistModal
          enrollmentId={open.id}
          name={name}
          track={open.track.name}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

function CurrentPlace({ open, inProgram }: { open: Enrollment | null; inProgram: boolean }) {
  const { t, i18n } = useTranslation("participantSchedule");
  if (!inProgram) return <EmptyState>{t("placement.notInProgram")}</EmptyState>;
  if (!open) return <EmptyState>{t("placement.none")}</EmptyState>;
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <Text data-testid="current-placement">
      {open.status === "waitlisted"
        ? t("placement.currentWaitlisted", {
            track: open.track.name,
            position: open.waitlistPosition ?? 1,
            since: open.waitlistedAt ? formatDate(open.waitlistedAt.slice(0, 10), i18n.language) : "—",
          })
        : open.exitedOn
          ? t("placement.currentLeaving", {
              track: open.track.name,
              since: date(open.joinedOn ?? ""),
              until: date(open.exitedOn),
            })
          : t("placement.current", { track: open.track.name, since: date(open.joinedOn ?? "") })}
    </Text>
  );
}

function StatusBadge({ enrollment: e }: { enrollment: Enrollment }) {
  const { t } = useTranslation("participantSchedule");
  const color = e.status === "enrolled" ? "green" : e.status === "waitlisted" ? "orange" : "gray";
  return (
    <Badge color={color} variant="light" tt="none">
      {e.status === "waitlisted" && e.waitlistPosition
        ? t("placement.status.waitlistedAt", { position: e.waitlistPosition })
        : t(`placement.status.${e.status}`)}
    </Badge>
  );
}

function ExitReason({ reason }: { reason: string | null }) {
  const { t } = useTranslation("participantSchedule");
  if (!reason) return <>—</>;
  if (reason === EXIT_REASON_MOVED) return <>{t("placement.reasons.moved")}</>;
  if (reason === EXIT_REASON_DISCHARGED) return <>{t("placement.reasons.discharged")}</>;
  return <>{reason}</>;
}
