import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TrackEnrollments } from "../../../core/schedule/enrollment.schema";
import { useHasPermission } from "../admin/api/get-my-permissions";
import { formatDate, formatDateTime } from "../admin/format";
import { EmptyState, LoadError, TableSkeleton } from "../admin/page-states";
import { AdmitFromWaitlistModal } from "./admit-from-waitlist-modal";
import { useTrackEnrollments } from "./api/get-track-enrollments";
import { LeaveTrackModal } from "./leave-track-modal";
import { ScrollRegionTable } from "./scroll-region-table";

type Waiting = TrackEnrollments["waitlist"][number];
type Person = TrackEnrollments["enrolled"][number]["participant"];

/**
 * Who is in a track: everyone with a place (and when they joined), places taken against the
 * capacity, and the waitlist in order. Staff who book admit the next person when a place frees, or
 * take someone off the list with a reason. Names show only where the reader may list participants.
 */
export function TrackEnrollmentPanel({ trackId }: { trackId: string }) {
  const canRead = useHasPermission("schedule.view");
  // Administrators manage tracks without seeing who is in them.
  return canRead ? <Enrollments trackId={trackId} /> : null;
}

function Enrollments({ trackId }: { trackId: string }) {
  const { t, i18n } = useTranslation("participantSchedule");
  const enrollments = useTrackEnrollments(trackId);
  const canManage = useHasPermission("schedule.manage");
  const [action, setAction] = useState<{ kind: "admit" | "remove"; entry: Waiting } | null>(null);
  const data = enrollments.data;
  const nameOf = (p: Person) => p.name ?? t("roster.unnamed");

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="track-enrollment-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} id="track-enrollment-title">
            {t("roster.title")}
          </Title>
          {data && (
            <Badge
              size="lg"
              variant="light"
              tt="none"
              color={data.placesTaken >= data.track.capacity ? "orange" : "teal"}
              data-testid="places-taken"
            >
              {t("roster.places", { taken: data.placesTaken, capacity: data.track.capacity })}
            </Badge>
          )}
        </Group>
        {enrollments.isPending ? (
          <TableSkeleton rows={4} />
        ) : enrollments.isError ? (
          <LoadError
            error={enrollments.error}
            onRetry={() => void enrollments.refetch()}
            title={t("roster.loadError")}
          />
        ) : (
          <>
            {data!.placesTakenAtMost > data!.placesTaken && (
              <Text size="sm">{t("roster.plannedJoins", { most: data!.placesTakenAtMost })}</Text>
            )}
            <Stack gap={4}>
              <Title order={3} size="h5" id="track-enrolled-title">
                {t("roster.enrolled", { count: data!.enrolled.length })}
              </Title>
              {data!.enrolled.length === 0 ? (
                <EmptyState>{t("roster.noneEnrolled")}</EmptyState>
              ) : (
                <ScrollRegionTable label={t("roster.enrolledLabel")} minWidth={480}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("roster.columns.participant")}</Table.Th>
                      <Table.Th scope="col">{t("roster.columns.joined")}</Table.Th>
                      <Table.Th scope="col">{t("roster.columns.leaves")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data!.enrolled.map((e) => (
                      <Table.Tr key={e.enrollmentId}>
                        <Table.Th scope="row" fw={500}>
                          <PersonName person={e.participant} />
                        </Table.Th>
                        <Table.Td>
                          {formatDate(e.joinedOn, i18n.language)}
                          {e.joinedOn > data!.on && ` · ${t("roster.planned")}`}
                        </Table.Td>
                        <Table.Td>{e.exitsOn ? formatDate(e.exitsOn, i18n.language) : "—"}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollRegionTable>
              )}
            </Stack>
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t("roster.waitlist", { count: data!.waitlist.length })}
              </Title>
              {data!.waitlist.length === 0 ? (
                <EmptyState>{t("roster.noneWaiting")}</EmptyState>
              ) : (
                <Stack
                  component="ol"
                  gap="xs"
                  p={0}
                  m={0}
                  style={{ listStyle: "none" }}
                  aria-label={t("roster.waitlistLabel")}
                >
                  {data!.waitlist.map((w) => (
                    <Group
                      component="li"
                      key={w.enrollmentId}
                      justify="space-between"
                      gap="sm"
                      py={6}
                      style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
                    >
                      <Group gap="sm" wrap="nowrap">
                        <Badge
                          variant="light"
                          color="orange"
                          tt="none"
                          aria-label={t("roster.positionLabel", { position: w.position })}
                        >
                          {w.position}
                        </Badge>
                        <Stack gap={0}>
                          <Text fw={600}>
                            <PersonName person={w.participant} />
                          </Text>
                          <Text size="sm" c="dimmed">
                            {t("roster.waitingSince", { at: formatDateTime(w.waitlistedAt, i18n.language) })}
                          </Text>
                        </Stack>
                      </Group>
                      {canManage && (
                        <Group gap="xs">
                          <Button
                            size="sm"
                            onClick={() => setAction({ kind: "admit", entry: w })}
                            aria-label={t("roster.admitLabel", { name: nameOf(w.participant) })}
                          >
                            {t("admit.open")}
                          </Button>
                          <Button
                            size="sm"
                            variant="default"
                            onClick={() => setAction({ kind: "remove", entry: w })}
                            aria-label={t("roster.removeLabel", { name: nameOf(w.participant) })}
                          >
                            {t("leave.waitlist.open")}
                          </Button>
                        </Group>
                      )}
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          </>
        )}
      </Stack>
      {action?.kind === "admit" && data && (
        <AdmitFromWaitlistModal
          enrollmentId={action.entry.enrollmentId}
          name={nameOf(action.entry.participant)}
          track={data.track.name}
          onClose={() => setAction(null)}
        />
      )}
      {action?.kind === "remove" && data && (
        <LeaveTrackModal
          enrollmentId={action.entry.enrollmentId}
          waitlist
          name={nameOf(action.entry.participant)}
          track={data.track.name}
          onClose={() => setAction(null)}
        />
      )}
    </Card>
  );
}

/** A participant's name, linking to their chart's Schedule tab; "Not shown to you" when the reader may not list them. */
function PersonName({ person }: { person: Person }) {
  const { t } = useTranslation("participantSchedule");
  if (person.name === null)
    return (
      <Text span c="dimmed">
        {t("roster.unnamed")}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/staff/participants/${encodeURIComponent(person.id)}?tab=schedule`}>
      {person.name}
    </Anchor>
  );
}
